// Table cells the log lists (requests.js, webhook-log.js, audit.js) have in common.
import { el } from './dom.js'

/** When it happened, in the browser's local time; the instant itself is the `datetime`. */
export function timeCell(at) {
  return el('td', {}, el('time', { datetime: at, text: new Date(at).toLocaleString() }))
}

/** An opportunity's id as a button that opens its timeline; a dash when there is none. */
export function opportunityCell(opportunityId, openTimeline) {
  if (!opportunityId) return el('td', { text: '–' })
  const open = el('button', {
    type: 'button',
    class: 'link',
    text: opportunityId,
    title: 'Show its timeline',
  })
  open.addEventListener('click', () => openTimeline(opportunityId))
  return el('td', {}, open)
}
