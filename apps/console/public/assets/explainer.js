// "Why (not) invited?": the decision records of one opportunity, newest first.
import { api, errorOf, tenantPath } from './api.js'
import { el, setStatus } from './dom.js'

const OUTCOMES = { invited: 'Invited', skipped: 'Not invited', failed: 'Invitation failed' }

/** One decision: when, what, why, and every rule checked. */
function decisionView(decision) {
  const rows = decision.rules.map((rule) =>
    el(
      'tr',
      {},
      el('td', { text: rule.rule }),
      el('td', {
        text: rule.passed ? 'passed' : 'failed',
        class: rule.passed ? 'passed' : 'failed',
      }),
      el('td', { text: rule.detail }),
    ),
  )
  const header = el(
    'tr',
    {},
    ...['Rule', 'Result', 'Detail'].map((h) => el('th', { scope: 'col', text: h })),
  )
  return el(
    'article',
    { class: 'decision' },
    el('h4', {
      text: `${OUTCOMES[decision.outcome] ?? decision.outcome}, ${new Date(decision.at).toLocaleString()}`,
    }),
    el('p', { text: decision.explanation ?? '' }),
    el(
      'dl',
      {},
      el('dt', { text: 'Time' }),
      el('dd', {}, el('time', { datetime: decision.at, text: decision.at })),
      el('dt', { text: 'Trigger' }),
      el('dd', { text: decision.trigger }),
      el('dt', { text: 'Outcome' }),
      el('dd', { text: decision.outcome }),
      el('dt', { text: 'Reason' }),
      el('dd', { text: decision.reason }),
    ),
    el(
      'table',
      {},
      el('caption', { text: 'Rules checked' }),
      el('thead', {}, header),
      el('tbody', {}, ...rows),
    ),
  )
}

/** Wires the explainer form; `current()` is the selected tenant id. */
export function wireExplainer({ current }) {
  const form = document.getElementById('explain-form')
  const out = document.getElementById('decisions')
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const opportunityId = form.querySelector('#opportunity-id').value.trim()
    if (!opportunityId) {
      out.replaceChildren(el('p', { text: 'Enter a Lever opportunity id.' }))
      return
    }
    const path = tenantPath(
      current(),
      `/opportunities/${encodeURIComponent(opportunityId)}/decisions`,
    )
    const result = await api('GET', path)
    if (!result.ok) {
      setStatus(`Could not read the decisions: ${errorOf(result).message}`, 'error')
      return
    }
    out.replaceChildren(
      ...(result.body.length === 0
        ? [el('p', { text: `No decision is recorded for opportunity ${opportunityId}.` })]
        : result.body.map(decisionView)),
    )
  })
}

/** Empties the explainer (another tenant was selected). */
export function resetExplainer() {
  document.getElementById('explain-form').reset()
  document.getElementById('decisions').replaceChildren()
}
