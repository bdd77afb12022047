// The tenant's webhook log: every Lever and platform webhook received for it, newest first, with
// what Baton answered and why. No payload is kept, so none is shown.
import { el } from './dom.js'
import { opportunityCell, timeCell } from './log-cells.js'
import { PAGE_SIZE, pagedList } from './paged-list.js'

/** The log's reason codes in words (packages/db webhook-log.ts); others are shown as they are. */
const REASONS = {
  ping: "Lever's test ping",
  bad_signature: 'signature matches no signing token',
  unknown_key: 'unknown webhook key',
  too_large: 'body over 256 KiB',
  bad_json: 'body is not valid JSON',
  unsupported_json: 'JSON holds \\u0000',
  unsupported_media_type: 'body is not JSON',
  unsupported_encoding: 'compressed body',
  missing_fields: 'fields missing',
  missing_headers: 'signature headers missing',
  unknown_type: 'unknown event type, ignored',
  unknown_tenant: 'unknown tenant',
  storage_unavailable: 'could not be stored; the sender retries',
  internal_error: 'internal error',
}

const OUTCOMES = {
  accepted: 'Accepted',
  duplicate: 'Duplicate (already stored)',
  rejected: 'Rejected',
}

const state = { tenantId: null, openTimeline: () => undefined }

function outcomeText(item) {
  const outcome = OUTCOMES[item.outcome] ?? item.outcome
  return item.reason ? `${outcome}: ${REASONS[item.reason] ?? item.reason}` : outcome
}

function rowView(item) {
  return el(
    'tr',
    { 'data-outcome': item.outcome },
    timeCell(item.at),
    el('td', { text: item.source === 'lever' ? 'Lever' : 'Platform' }),
    el('td', { text: item.eventType ?? '–' }),
    opportunityCell(item.opportunityId, state.openTimeline),
    el('td', {
      class: item.outcome === 'rejected' ? 'failed' : undefined,
      text: outcomeText(item),
    }),
    el('td', { text: String(item.status) }),
  )
}

/** The selected tenant's webhooks with the chosen outcome (any outcome). */
const webhooks = pagedList('webhook-log', {
  path: '/api/webhooks',
  query: () => {
    const params = new URLSearchParams({ tenantId: state.tenantId, limit: String(PAGE_SIZE) })
    const outcome = document.getElementById('webhook-log-outcome').value
    if (outcome) params.set('outcome', outcome)
    return params
  },
  rowView,
  failure: (error) => `Could not read the webhook log: ${error.message}`,
  empty: 'No webhooks recorded for this tenant.',
})

/** Shows the tenant's most recent webhooks, all outcomes. */
export function showWebhookLog(tenantId) {
  state.tenantId = tenantId
  webhooks.clear()
  document.getElementById('webhook-log-outcome').value = ''
  return webhooks.load({ more: false })
}

/** Wires the outcome filter and "More"; `openTimeline(opportunityId)` opens a candidate's timeline. */
export function wireWebhookLog({ openTimeline }) {
  state.openTimeline = openTimeline
  webhooks.wire('webhook-log-outcome')
}
