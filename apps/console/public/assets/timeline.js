// A candidate's timeline: everything Baton holds about one opportunity, oldest first.
import { api, errorOf, tenantPath } from './api.js'
import { el } from './dom.js'

const KINDS = {
  lever_event: 'Lever event',
  webhook_rejected: 'Webhook refused',
  decision: 'Decision',
  order: 'Order',
  result: 'Result',
  platform_event: 'Platform event',
  lever_write: 'Lever write',
  failed_call: 'Failed call',
}

function entryView(entry) {
  return el(
    'li',
    { class: entry.failed ? 'timeline-entry failed' : 'timeline-entry', 'data-kind': entry.kind },
    el('time', { datetime: entry.at, text: new Date(entry.at).toLocaleString() }),
    el('span', { class: 'badge', text: KINDS[entry.kind] ?? entry.kind }),
    el('span', { class: 'timeline-title', text: entry.title }),
    entry.detail ? el('span', { class: 'timeline-detail', text: entry.detail }) : '',
  )
}

/** Shows the timeline of `opportunityId` in the panel and brings the panel into view. */
export async function showTimeline(tenantId, opportunityId) {
  const panel = document.getElementById('timeline-panel')
  const out = document.getElementById('timeline')
  document.getElementById('timeline-opportunity').value = opportunityId
  out.replaceChildren(el('li', { text: 'Loading…' }))
  panel.scrollIntoView({ block: 'start' })
  const result = await api('GET', tenantPath(tenantId, `/opportunities/${encodeURIComponent(opportunityId)}/timeline`))
  if (!result.ok) {
    out.replaceChildren(el('li', { class: 'failed', text: `Could not read the timeline: ${errorOf(result).message}` }))
    return
  }
  out.replaceChildren(
    ...(result.body.entries.length === 0
      ? [el('li', { text: `Baton holds nothing about opportunity ${opportunityId}.` })]
      : result.body.entries.map(entryView)),
  )
}

/** Wires the timeline form; `current()` is the selected tenant id. */
export function wireTimeline({ current }) {
  const form = document.getElementById('timeline-form')
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const opportunityId = document.getElementById('timeline-opportunity').value.trim()
    if (opportunityId) void showTimeline(current(), opportunityId)
  })
}

/** Empties the timeline (another tenant was selected). */
export function resetTimeline() {
  document.getElementById('timeline-form').reset()
  document.getElementById('timeline').replaceChildren()
}
