// A log shown a page at a time, newest first (the request log, the webhook log, the audit log):
// the first page replaces the rows, "More" adds the next one, and an answer that comes back after
// another page was asked for is dropped.
import { api, errorOf } from './api.js'

/** Rows per page in every list. */
export const PAGE_SIZE = 25

/**
 * The list shown in the page's `${id}-rows` (a tbody), `${id}-note` and `${id}-more` button.
 * `query()` gives the filters, `limit` among them, as URLSearchParams each time a page is read;
 * `rowView(item)` makes a row. The note says `failure(error)` when a read fails, `empty` when
 * there is nothing to show.
 */
export function pagedList(id, { path, query, rowView, failure, empty }) {
  let cursor = null
  let loading = 0
  const rows = () => document.getElementById(`${id}-rows`)

  /** Loads the first page (or, with `more`, the next one) for the filters `query()` gives. */
  async function load({ more }) {
    const current = ++loading
    const params = query()
    if (more && cursor) params.set('cursor', cursor)
    const note = document.getElementById(`${id}-note`)
    const result = await api('GET', `${path}?${params}`)
    if (current !== loading) return // another tenant or filter was picked meanwhile
    if (!result.ok) {
      note.textContent = failure(errorOf(result))
      return
    }
    if (!more) rows().replaceChildren()
    rows().append(...result.body.items.map(rowView))
    cursor = result.body.nextCursor
    document.getElementById(`${id}-more`).hidden = !cursor
    note.textContent = rows().children.length === 0 ? empty : ''
  }

  return {
    load,
    /** Empties the list, and drops a page still on its way, before another tenant's is shown. */
    clear() {
      loading++
      cursor = null
      rows().replaceChildren()
    },
    /**
     * Wires "More" to load the next page and, when the list has one, the filter control `filterId`
     * to load the first page again when it changes.
     */
    wire(filterId) {
      const more = document.getElementById(`${id}-more`)
      more.addEventListener('click', () => void load({ more: true }))
      if (!filterId) return
      const filter = document.getElementById(filterId)
      filter.addEventListener('change', () => void load({ more: false }))
    },
  }
}
