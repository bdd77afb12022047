import type { LeverClient } from '@baton/lever'
import type { CoreDeps } from '../../deps'
import type { OpportunityView } from '../../lever-writes/opportunity-view'
import { writeOnce } from '../../lever-writes/write-once'
import type { WritebackStep } from './step'

/** The ledger key of an order's recruiter link: shared by the invitation and the result. */
export const linkKey = (orderId: string) => `order-${orderId}-link`

/**
 * Adds the order's recruiter link to the candidate unless it is there. Lever keeps links as a
 * list on the contact and may not deduplicate them, so the link is never sent again without
 * first seeing that it is absent: the opportunity as Baton last saw it (a tag write's answer,
 * or the invitation's read), else one GET.
 */
export async function addRecruiterLink(
  deps: CoreDeps,
  input: { tenantId: string; orderId: string; url: string; view: OpportunityView; performAs: string | undefined },
): Promise<void> {
  const { view, url, performAs } = input
  const hasLink = async () => ((await view.current()).links ?? []).includes(url)
  await writeOnce(deps, input.tenantId, {
    key: linkKey(input.orderId),
    write: async () => {
      if (!(await hasLink())) await view.write((lever: LeverClient) => lever.opportunities.addLinks(view.id, [url], { performAs }))
      return null
    },
    readBack: async () => ((await hasLink()) ? { leverId: null } : null),
  })
}

/**
 * The recruiter link with the final result, when the invitation did not already add it.
 * Reads: none when the tags step ran, else one GET. Writes: one addLinks, when it is missing.
 */
export const linkStep: WritebackStep = {
  name: 'link',
  applies: ({ ctx, result }) => result.data.final && ctx.settings.writeBack.link,
  run: ({ deps, ctx, result, opportunity }) =>
    addRecruiterLink(deps, {
      tenantId: ctx.tenant.id,
      orderId: ctx.order.id,
      url: result.data.recruiterUrl,
      view: opportunity,
      performAs: ctx.performAs,
    }),
}
