import { z } from 'zod'
import {
  lastLeverEvent,
  latestOrder,
  leverConnection,
  openTenantIssues,
  signingTokensOf,
  type Tenant,
} from '@baton/db'
import { missingSetup, SETUP_STEPS } from '@baton/domain'
import type { CoreDeps } from '../deps'
import { tenantSettings } from './tenant-settings'

const DAY_MS = 24 * 3600_000
const at = z.iso.datetime()

/**
 * A tenant's health as the console shows it (`GET /api/tenants/:id`, `health`): what it still
 * needs, first step first, and the signs that it works. Never a key or a whole token.
 */
export const tenantHealthSchema = z.object({
  ready: z.boolean().describe('nothing is missing: the tenant can invite'),
  missing: z
    .array(z.enum(SETUP_STEPS))
    .describe('what the tenant still needs, in the order to do it'),
  connection: z.object({
    kind: z.enum(['oauth', 'api_key', 'none']),
    since: at.nullable().describe('when the credential was last stored'),
  }),
  webhooks: z.object({
    registered: z
      .int()
      .describe('webhooks Baton registered in Lever itself (one signing token each)'),
    pastedTokens: z
      .array(z.object({ id: z.uuid(), masked: z.string(), addedAt: at, ageDays: z.int() }))
      .describe('signing tokens an admin pasted, masked to their last 4 characters'),
  }),
  triggerStageId: z.string().nullable(),
  performAs: z.string().nullable(),
  lastWebhook: z
    .object({ at, type: z.string() })
    .nullable()
    .describe('the last Lever webhook in the inbox'),
  lastInvitation: z
    .object({ at, orderId: z.uuid(), status: z.string() })
    .nullable()
    .describe('the newest order'),
  openIssues: z.array(
    z.object({ id: z.uuid(), kind: z.string(), message: z.string(), createdAt: at }),
  ),
})

export type TenantHealth = z.output<typeof tenantHealthSchema>

/** Enough of a token to tell it from another, never enough to use it. */
const mask = (token: string) => `••••${token.slice(-4)}`

/** Computes a tenant's health from what Postgres holds (no Lever call, so it is cheap to show). */
export async function tenantHealth(
  deps: Pick<CoreDeps, 'db' | 'encryptor'>,
  tenant: Tenant,
  now = new Date(),
): Promise<TenantHealth> {
  const settings = tenantSettings(tenant)
  const [connection, tokens, lastEvent, lastOrder, issues] = await Promise.all([
    leverConnection(deps.db, tenant.id),
    signingTokensOf(deps.db, deps.encryptor, tenant.id),
    lastLeverEvent(deps.db, tenant.id),
    latestOrder(deps.db, tenant.id),
    openTenantIssues(deps.db, tenant.id),
  ])
  const missing = missingSetup({
    connected: connection !== null,
    triggerStageId: settings.triggerStageId,
    performAs: settings.performAs,
  })
  const pasted = tokens.filter((t) => t.leverWebhookId === null)
  return {
    ready: missing.length === 0,
    missing,
    connection: {
      kind: connection?.kind ?? 'none',
      since: connection?.updatedAt.toISOString() ?? null,
    },
    webhooks: {
      registered: tokens.length - pasted.length,
      pastedTokens: pasted.map((t) => ({
        id: t.id,
        masked: mask(t.token),
        addedAt: t.createdAt.toISOString(),
        ageDays: Math.floor((now.getTime() - t.createdAt.getTime()) / DAY_MS),
      })),
    },
    triggerStageId: settings.triggerStageId,
    performAs: settings.performAs,
    lastWebhook: lastEvent && { at: lastEvent.receivedAt.toISOString(), type: lastEvent.type },
    lastInvitation: lastOrder && {
      at: lastOrder.createdAt.toISOString(),
      orderId: lastOrder.id,
      status: lastOrder.status,
    },
    openIssues: issues.map((i) => ({
      id: i.id,
      kind: i.kind,
      message: i.message,
      createdAt: i.createdAt.toISOString(),
    })),
  }
}
