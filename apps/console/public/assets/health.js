// The tenant's health: its status, what it still needs (first step first) and the signs that it
// works. Everything comes from GET /api/tenants/:id (`status`, `health`).
import { el } from './dom.js'

/** What each status means for the admin. */
const STATUS_TEXT = {
  active: 'active: Baton invites candidates',
  needs_setup: 'needs setup: Baton cannot invite yet',
  paused: 'paused: Baton invites nobody until it is resumed',
  disconnected: 'disconnected: Lever refused the credential; connect Lever again',
}

const CONNECTION_TEXT = { oauth: 'OAuth', api_key: 'API key', none: 'not connected' }

const when = (iso) => new Date(iso).toLocaleString()
const days = (n) => (n === 0 ? 'today' : n === 1 ? '1 day ago' : `${n} days ago`)

/** The name of a Lever stage or user from the form's lists, else its id, else "not chosen". */
function named(id, items, labelOf) {
  if (!id) return 'not chosen'
  const item = items.find((i) => i.id === id)
  return item ? labelOf(item) : id
}

function webhooksText({ registered, pastedTokens }) {
  const parts = []
  if (registered > 0) parts.push(`${registered} registered by Baton`)
  for (const t of pastedTokens) parts.push(`signing token ${t.masked} pasted ${days(t.ageDays)}`)
  return parts.length ? parts.join('; ') : 'none: connect by OAuth, or paste a signing token below'
}

/** Renders the status line, the next step and the health facts of `tenant` (a GET /api/tenants/:id). */
export function renderHealth(tenant, lists) {
  const { health } = tenant
  document.getElementById('tenant-status').textContent = STATUS_TEXT[tenant.status] ?? tenant.status
  const [first, ...rest] = health.missing
  document.getElementById('health-next').textContent = first
    ? `Next: ${first}.${rest.length ? ` Then: ${rest.join(', then ')}.` : ''}`
    : 'Set up: nothing is missing.'
  const facts = [
    [
      'Lever connection',
      `${CONNECTION_TEXT[health.connection.kind]}${health.connection.since ? ` (since ${when(health.connection.since)})` : ''}`,
    ],
    ['Webhooks', webhooksText(health.webhooks)],
    ['Trigger stage', named(health.triggerStageId, lists.stages, (s) => s.text)],
    ['Perform-as user', named(health.performAs, lists.users, (u) => u.name)],
    [
      'Last webhook',
      health.lastWebhook
        ? `${health.lastWebhook.type}, ${when(health.lastWebhook.at)}`
        : 'none received yet',
    ],
    [
      'Last invitation',
      health.lastInvitation
        ? `${when(health.lastInvitation.at)} (${health.lastInvitation.status})`
        : 'none yet',
    ],
    [
      'Open issues',
      health.openIssues.length ? `${health.openIssues.length}, listed under Open issues` : 'none',
    ],
  ]
  document
    .getElementById('health-facts')
    .replaceChildren(
      ...facts.flatMap(([term, text]) => [el('dt', { text: term }), el('dd', { text })]),
    )
}
