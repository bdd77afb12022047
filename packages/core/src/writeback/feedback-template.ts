import { collect, type LeverFeedbackTemplate } from '@baton/lever'
import { forgetLeverWrite } from '@baton/db'
import type { CoreDeps } from '../deps'
import { writeOnce } from '../lever-writes/write-once'
import { LOCK_LEASE_MS, lockKey, withLock } from '../locks'
import type { OrderContext } from './order-context'

const RATING_OPTIONS = ['4 - Strong Hire', '3 - Hire', '2 - No Hire', '1 - Strong No Hire']
const cache = new Map<string, LeverFeedbackTemplate>()

export const templateName = (brand: string) => `${brand} assessment result`

const TEMPLATE_KEY = 'tenant-feedback-template'

/**
 * The tenant's feedback template, created once per tenant through the ledger and cached per
 * process: one overall rating (`score-system`, Lever's option texts) and one text field. A
 * per-tenant lock serialises the creation: the first results of a tenant arrive together, and
 * without it each would create a template (found by the chaos scenarios). A job that finds the
 * lock held is retried, and then reads the id from the ledger. A template gone from Lever
 * (deleted by an admin, or a new sandbox account) is made again; `fresh` looks past the cache,
 * for a write Lever refused because the cached template is gone.
 */
export async function feedbackTemplate(
  deps: CoreDeps,
  ctx: OrderContext,
  options: { fresh?: boolean } = {},
): Promise<LeverFeedbackTemplate> {
  const cached = options.fresh ? undefined : cache.get(ctx.tenant.id)
  if (cached) return cached
  let template = await ensureTemplate(deps, ctx)
  if (!template) {
    await forgetLeverWrite(deps.db, ctx.tenant.id, TEMPLATE_KEY)
    template = await ensureTemplate(deps, ctx)
  }
  if (!template) throw new Error('the feedback template Baton created is missing in Lever, twice')
  cache.set(ctx.tenant.id, template)
  return template
}

/** The template the ledger names, creating it if it has none; null when Lever no longer has it. */
async function ensureTemplate(deps: CoreDeps, ctx: OrderContext): Promise<LeverFeedbackTemplate | null> {
  const name = templateName(ctx.vocab.brand)
  let fetched: LeverFeedbackTemplate | null = null
  const key = lockKey(deps, 'feedback-template', ctx.tenant.id)
  const id = await withLock(deps.redis, key, LOCK_LEASE_MS, () => writeOnce(deps, ctx.tenant.id, {
    key: TEMPLATE_KEY,
    write: async () => {
      fetched = await ctx.lever.feedbackTemplates.create({
        text: name,
        instructions: `Written by ${ctx.vocab.brand} through Baton from the assessment platform's result.`,
        fields: [
          { type: 'score-system', text: 'Overall rating', required: true, options: RATING_OPTIONS.map((text) => ({ text })) },
          { type: 'textarea', text: 'Scores and summary', required: false },
        ],
      })
      return fetched.id
    },
    readBack: async () => {
      fetched = (await collect(ctx.lever.feedbackTemplates.list())).find((t) => t.text === name) ?? null
      return fetched ? { leverId: fetched.id } : null
    },
  }))
  // A create answers with the template and its field ids, and a read-back has it too, so only a
  // template made earlier (by another process, or before a restart) is read here.
  return fetched ?? (await collect(ctx.lever.feedbackTemplates.list())).find((t) => t.id === id) ?? null
}
