// The audit log: every change made through the console or the admin API, who made it and when,
// newest first, filtered and a page at a time. It never holds a secret, so none is shown.
import { api } from './api.js'
import { el } from './dom.js'
import { timeCell } from './log-cells.js'
import { PAGE_SIZE, pagedList } from './paged-list.js'

/** The log's actions in words (packages/db audit-log.ts); others are shown as they are. */
const ACTIONS = {
  'tenant.created': 'Tenant created',
  'tenant.settings_changed': 'Settings changed',
  'tenant.connected': 'Connected to Lever',
  'tenant.disconnected': 'Disconnected from Lever',
  'signing_token.added': 'Signing token added',
  'signing_token.removed': 'Signing token removed',
  'dead_letters.replayed': 'Dead letters replayed',
  'task.run': 'Scheduled task run now',
  'self_test.run': 'Self-test run',
  'queues.changed': 'Queues changed (Bull Board)',
  'operator.created': 'Operator created',
  'operator.revoked': 'Operator revoked',
}

const state = { tenantNames: new Map() }

/** `fields: passingScore, bands.high; …`: what the entry says changed, as text. */
function detailsText(details) {
  return Object.entries(details ?? {})
    .map(
      ([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') || '–' : String(value)}`,
    )
    .join('; ')
}

function rowView(entry) {
  const tenant = entry.tenantId ? (state.tenantNames.get(entry.tenantId) ?? entry.tenantId) : '–'
  return el(
    'tr',
    { 'data-action': entry.action },
    timeCell(entry.at),
    el('td', { text: entry.operator.name }),
    el('td', { text: ACTIONS[entry.action] ?? entry.action }),
    el('td', { text: tenant }),
    el('td', { text: detailsText(entry.details) }),
  )
}

/** The filters of the form as query parameters; the times are the browser's local time. */
function filterParams(form) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) })
  const operator = form.elements.operator.value.trim()
  if (operator) params.set('operator', operator)
  for (const name of ['action', 'tenantId']) {
    if (form.elements[name].value) params.set(name, form.elements[name].value)
  }
  for (const name of ['from', 'to']) {
    const value = form.elements[name].value
    if (value) params.set(name, new Date(value).toISOString())
  }
  return params
}

/** The changes that match the filters in the form. */
const changes = pagedList('audit', {
  path: '/api/audit',
  query: () => filterParams(document.getElementById('audit-filters')),
  rowView,
  failure: (error) => {
    const fields = error.fields.map((f) => `${f.field}: ${f.message}`).join('; ')
    return `Could not read the audit log: ${fields || error.message}`
  },
  empty: 'No changes match.',
})

/** Fills the action and tenant choices; keeps what was chosen when the tenants are read again. */
async function fillChoices(form) {
  const tenants = await api('GET', '/api/tenants')
  state.tenantNames = new Map(tenants.ok ? tenants.body.map((t) => [t.id, t.name]) : [])
  const chosen = form.elements.tenantId.value
  form.elements.tenantId.replaceChildren(
    el('option', { value: '', text: 'All tenants' }),
    ...[...state.tenantNames].map(([id, name]) => el('option', { value: id, text: name })),
  )
  form.elements.tenantId.value = state.tenantNames.has(chosen) ? chosen : ''
  if (form.elements.action.options.length === 0) {
    form.elements.action.replaceChildren(
      el('option', { value: '', text: 'All actions' }),
      ...Object.entries(ACTIONS).map(([value, text]) => el('option', { value, text })),
    )
  }
}

/** Shows the newest changes for the filters in the form, with the tenants' names read again. */
export async function showAudit() {
  await fillChoices(document.getElementById('audit-filters'))
  return changes.load({ more: false })
}

/** Wires the filters and "More changes". */
export function wireAudit() {
  document.getElementById('audit-filters').addEventListener('submit', (event) => {
    event.preventDefault()
    void showAudit()
  })
  changes.wire()
}
