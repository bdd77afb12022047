import type { Tenant } from '@baton/db'
import { vocabularyFor, type TenantSettings } from '@baton/domain'
import { collect, type LeverClient } from '@baton/lever'
import { waitUntil } from './wait-until'
import type { CoreDeps } from '../deps'
import type { CheckOutcome } from './step'

export interface SandboxUrls {
  /** The Lever sandbox's base URL (LEVER_API_URL without `/v1`). */
  lever: string
  /** The platform sandbox's base URL (PLATFORM_API_URL). */
  platform: string
}

/** The sandboxes' URLs when Baton runs on them (their control APIs answer), else null. */
export async function sandboxUrls(leverApiUrl: string, platformApiUrl: string): Promise<SandboxUrls | null> {
  const lever = leverApiUrl.replace(/\/v1\/?$/, '')
  const answers = async (base: string) =>
    (await fetch(`${base}/_sandbox/stats`, { signal: AbortSignal.timeout(2000) }).catch(() => null))?.ok === true
  return (await answers(lever)) && (await answers(platformApiUrl)) ? { lever, platform: platformApiUrl } : null
}

async function control(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`${new URL(url).pathname} answered ${res.status}`)
}

/**
 * On the sandboxes, a new candidate goes the whole way: created in Lever, moved into the trigger
 * stage (Lever's webhook), invited (an order on the platform), scored, and written back (the
 * Completed tag). Each wait is bounded; the detail says where it stopped.
 */
export async function runSandboxCandidate(
  deps: CoreDeps,
  input: { tenant: Tenant; settings: TenantSettings; lever: LeverClient; urls: SandboxUrls },
): Promise<CheckOutcome> {
  const { tenant, settings, lever, urls } = input
  if (!settings.triggerStageId || !settings.performAs) {
    return { ok: false, detail: 'choose a trigger stage and a perform-as user first' }
  }
  const [posting] = await collect(lever.postings.list(), 1)
  const created = await lever.opportunities.create(
    {
      name: 'Baton Self-Test',
      emails: [`self-test+${Date.now()}@example.com`],
      ...(posting ? { postings: [posting.id] as [string] } : {}),
    },
    { performAs: settings.performAs },
  )
  await control(`${urls.lever}/_sandbox/opportunities/${created.id}/stage`, { stageId: settings.triggerStageId })
  const order = await waitUntil('the invitation', () =>
    deps.db.order.findFirst({ where: { tenantId: tenant.id, opportunityId: created.id, status: { in: ['open', 'started', 'scored'] } } }),
  )
  await control(`${urls.platform}/_sandbox/tenants/${tenant.id}/orders/${order.id}/score?wait=true`, {
    score: 80,
    final: true,
    summary: 'Baton self-test.',
  })
  const completed = vocabularyFor(settings).status.completed
  await waitUntil('the result in Lever', async () => ((await lever.opportunities.get(created.id)).tags ?? []).includes(completed))
  return { ok: true, detail: `candidate ${created.id} was invited (order ${order.id}), scored and tagged "${completed}"` }
}
