// The tenant's open issues: what a customer admin must act on (docs/operations.md).
import { api, errorOf, tenantPath } from './api.js'
import { el } from './dom.js'

/** Lists the open issues of a tenant. */
export async function renderIssues(list, tenantId) {
  const result = await api('GET', tenantPath(tenantId, '/issues'))
  if (!result.ok) {
    list.replaceChildren(el('li', { text: `Could not list issues: ${errorOf(result).message}` }))
    return
  }
  if (result.body.length === 0) {
    list.replaceChildren(el('li', { text: 'No open issues.' }))
    return
  }
  list.replaceChildren(
    ...result.body.map((issue) =>
      el(
        'li',
        {},
        el('strong', { text: issue.kind }),
        `: ${issue.message} `,
        el('time', {
          datetime: issue.createdAt,
          text: `(${new Date(issue.createdAt).toLocaleString()})`,
        }),
      ),
    ),
  )
}
