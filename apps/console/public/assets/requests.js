// The tenant's calls to Lever and the platform (the request log): the last 24 hours in figures,
// and the calls that failed, newest first. Rows hold ids and route templates only.
import { api, errorOf, tenantPath } from './api.js'
import { el } from './dom.js'
import { opportunityCell, timeCell } from './log-cells.js'
import { PAGE_SIZE, pagedList } from './paged-list.js'

/** Every class of failure; the filter narrows it to one (apps/console/src/log-filters.ts). */
const FAILED = '4xx,429,5xx,network'

const state = { tenantId: null, since: null, openTimeline: () => undefined }

function statsText(stats) {
  if (stats.total === 0) return 'No calls to Lever or the platform in the last 24 hours.'
  const rate = (stats.errorRate * 100).toFixed(1)
  return (
    `Last 24 hours: ${stats.total} calls, ${stats.failed} failed (error rate ${rate}%), ` +
    `${stats.rateLimited} answered 429 (rate limited). `
  )
}

function outcomeText(item) {
  const status = item.status === null ? 'no answer' : String(item.status)
  return item.errorCode ? `${status} ${item.errorCode}` : status
}

function rowView(item) {
  const waited = item.budgetWaitMs > 0 ? ` + ${item.budgetWaitMs} ms rate budget` : ''
  return el(
    'tr',
    {},
    timeCell(item.at),
    el(
      'td',
      {},
      `${item.target === 'lever' ? 'Lever' : 'Platform'} `,
      el('code', { text: `${item.method} ${item.route}` }),
    ),
    opportunityCell(item.opportunityId, state.openTimeline),
    el('td', { class: 'failed', text: outcomeText(item) }),
    el('td', { text: `try ${item.attempt}, ${item.latencyMs} ms${waited}, ${item.role}` }),
  )
}

/** The tenant's failed calls since the figures' start, of the chosen class (any failure). */
const failedCalls = pagedList('requests', {
  path: '/api/requests',
  query: () =>
    new URLSearchParams({
      tenantId: state.tenantId,
      status: document.getElementById('requests-status').value || FAILED,
      from: state.since,
      limit: String(PAGE_SIZE),
    }),
  rowView,
  failure: (error) => `Could not read the calls: ${error.message}`,
  empty: 'No failed calls in the last 24 hours.',
})

/** Shows the tenant's figures for the last 24 hours and its failed calls of that time. */
export async function showRequests(tenantId) {
  state.tenantId = tenantId
  failedCalls.clear()
  document.getElementById('requests-status').value = ''
  const figures = document.getElementById('requests-stats')
  const stats = await api('GET', tenantPath(tenantId, '/request-stats'))
  if (state.tenantId !== tenantId) return
  if (!stats.ok) {
    figures.textContent = `Could not read the figures: ${errorOf(stats).message}`
    return
  }
  state.since = stats.body.since
  figures.replaceChildren(
    statsText(stats.body),
    stats.body.failed > 0
      ? el('a', { href: stats.body.failingRequests, text: 'Failed calls as JSON' })
      : '',
  )
  await failedCalls.load({ more: false })
}

/** Wires the status filter and "More"; `openTimeline(opportunityId)` opens a candidate's timeline. */
export function wireRequests({ openTimeline }) {
  state.openTimeline = openTimeline
  failedCalls.wire('requests-status')
}
