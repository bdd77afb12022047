// The tenant list and the "New tenant" form.
import { api, errorOf } from './api.js'
import { clearFieldErrors, el, setStatus, showFieldErrors } from './dom.js'

/** Lists the tenants as buttons; the selected one is marked `aria-current`. */
export async function renderTenantList(list, selectedId, onSelect) {
  const result = await api('GET', '/api/tenants')
  if (!result.ok) {
    setStatus(`Could not list tenants: ${errorOf(result).message}`, 'error')
    return []
  }
  const tenants = result.body
  list.replaceChildren(
    ...tenants.map((tenant) => {
      const button = el(
        'button',
        { type: 'button', 'aria-current': tenant.id === selectedId ? 'true' : undefined },
        el('span', { text: tenant.name }),
        el('span', { class: 'tenant-state', text: ` (${tenant.status})` }),
      )
      button.addEventListener('click', () => onSelect(tenant.id))
      return el('li', {}, button)
    }),
  )
  if (tenants.length === 0) list.replaceChildren(el('li', { text: 'No tenants yet.' }))
  return tenants
}

/** Creates a tenant from `{ name, brand? }`; errors are shown beside the fields. */
export function wireCreateTenant(form, onCreated) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    clearFieldErrors(form)
    const name = form.elements.name.value.trim()
    const brand = form.elements.brand.value.trim()
    const result = await api('POST', '/api/tenants', brand ? { name, brand } : { name })
    if (!result.ok) {
      const error = errorOf(result)
      const unmatched = showFieldErrors(form, error.fields)
      const rest = unmatched.map((f) => `${f.field}: ${f.message}`).join('; ')
      setStatus(`The tenant was not created. ${rest || error.message}`, 'error')
      return
    }
    form.reset()
    setStatus(`Tenant ${name} created.`, 'success')
    await onCreated(result.body.id)
  })
}
