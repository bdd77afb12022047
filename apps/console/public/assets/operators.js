// Operators: who may use the console and the admin API, and with which role. An admin creates
// them (the token is shown once, here) and revokes them; a viewer sees the list only.
import { api, errorOf } from './api.js'
import { clearFieldErrors, el, setStatus, showFieldErrors } from './dom.js'

const state = { me: null }

function stateText(operator) {
  return operator.revokedAt ? `revoked ${new Date(operator.revokedAt).toLocaleString()}` : 'active'
}

function rowView(operator) {
  const actions = el('td')
  if (state.me?.role === 'admin' && !operator.revokedAt) {
    const revoke = el('button', {
      type: 'button',
      text: 'Revoke',
      'aria-label': `Revoke ${operator.name}`,
    })
    revoke.addEventListener('click', () => void revokeOperator(operator))
    actions.append(revoke)
  }
  return el(
    'tr',
    { 'data-revoked': operator.revokedAt ? 'true' : undefined },
    el('td', { text: operator.name }),
    el('td', { text: operator.role }),
    el(
      'td',
      {},
      el('time', {
        datetime: operator.createdAt,
        text: new Date(operator.createdAt).toLocaleString(),
      }),
      ` by ${operator.createdBy}`,
    ),
    el('td', { text: stateText(operator) }),
    actions,
  )
}

/** Lists the operators, revoked ones too. */
export async function renderOperators() {
  const rows = document.getElementById('operator-rows')
  const result = await api('GET', '/api/operators')
  if (!result.ok) {
    setStatus(`Could not list operators: ${errorOf(result).message}`, 'error')
    return
  }
  rows.replaceChildren(...result.body.map(rowView))
  if (result.body.length === 0) {
    rows.replaceChildren(
      el('tr', {}, el('td', { colspan: 5, text: 'No operators yet: only ADMIN_TOKEN.' })),
    )
  }
}

async function revokeOperator(operator) {
  const result = await api('DELETE', `/api/operators/${encodeURIComponent(operator.id)}`)
  if (!result.ok) {
    setStatus(`${operator.name} was not revoked: ${errorOf(result).message}`, 'error')
    return
  }
  setStatus(`${operator.name} was revoked: their token no longer works.`, 'success')
  await renderOperators()
}

/** Shows a new operator's token, once: it cannot be read again. */
function showToken(created) {
  document.getElementById('new-operator-name').textContent = `${created.name} (${created.role})`
  document.getElementById('new-operator-token').value = created.token
  document.getElementById('new-operator').hidden = false
}

/** Wires creating operators and copying a new token; `me` is who is signed in. */
export function wireOperators(me) {
  state.me = me
  const form = document.getElementById('create-operator')
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    clearFieldErrors(form)
    document.getElementById('new-operator').hidden = true
    const body = { name: form.elements.name.value.trim(), role: form.elements.role.value }
    const result = await api('POST', '/api/operators', body)
    if (!result.ok) {
      const error = errorOf(result)
      const unmatched = showFieldErrors(
        form,
        error.fields.length ? error.fields : [{ field: 'name', message: error.message }],
      )
      const rest = unmatched.map((f) => `${f.field}: ${f.message}`).join('; ')
      setStatus(`The operator was not created. ${rest}`.trim(), 'error')
      return
    }
    form.reset()
    showToken(result.body)
    setStatus(`Operator ${result.body.name} created: copy their token now.`, 'success')
    await renderOperators()
  })
  const token = document.getElementById('new-operator-token')
  document.getElementById('copy-operator-token').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(token.value)
      setStatus('Token copied.', 'success')
    } catch {
      // No clipboard permission (or no secure context): select it for a manual copy.
      token.focus()
      token.select()
      setStatus('Token selected: press Ctrl+C (or ⌘C) to copy it.')
    }
  })
}
