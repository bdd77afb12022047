import type { Db } from '../client'
import type { Opportunity } from '../generated/prisma/client'

export type { Opportunity }

export interface OwnStageMove {
  stageId: string
  at: number
}

/**
 * Applies an event to the opportunity's ordering state: returns false (and changes nothing) when
 * a newer event was already applied, so a late, older event never undoes a newer state. The
 * compare-and-set runs in one statement, safe against concurrent workers.
 */
export async function advanceOpportunity(
  db: Db,
  key: { tenantId: string; opportunityId: string },
  event: { triggeredAt: number; contactId?: string | null; stageId?: string | null },
): Promise<boolean> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO opportunities (tenant_id, id, contact_id, stage_id, last_event_at, updated_at)
    VALUES (${key.tenantId}::uuid, ${key.opportunityId}, ${event.contactId ?? null}, ${event.stageId ?? null},
            ${event.triggeredAt}::bigint, now())
    ON CONFLICT (tenant_id, id) DO UPDATE SET
      last_event_at = EXCLUDED.last_event_at,
      contact_id = COALESCE(EXCLUDED.contact_id, opportunities.contact_id),
      stage_id = COALESCE(EXCLUDED.stage_id, opportunities.stage_id),
      updated_at = now()
    WHERE opportunities.last_event_at IS NULL OR opportunities.last_event_at <= EXCLUDED.last_event_at
    RETURNING id`
  return rows.length > 0
}

export function getOpportunity(db: Db, tenantId: string, opportunityId: string): Promise<Opportunity | null> {
  return db.opportunity.findUnique({ where: { tenantId_id: { tenantId, id: opportunityId } } })
}

/** Remembers a stage move Baton made, so the webhook it causes is recognised as an echo. */
export async function recordOwnStageMove(db: Db, tenantId: string, opportunityId: string, move: OwnStageMove) {
  const existing = await getOpportunity(db, tenantId, opportunityId)
  const moves = [...((existing?.ownStageMoves as unknown as OwnStageMove[] | undefined) ?? []), move].slice(-10)
  await db.opportunity.upsert({
    where: { tenantId_id: { tenantId, id: opportunityId } },
    create: { tenantId, id: opportunityId, ownStageMoves: moves as object[] },
    update: { ownStageMoves: moves as object[] },
  })
}

export async function ownStageMoves(db: Db, tenantId: string, opportunityId: string): Promise<OwnStageMove[]> {
  const row = await getOpportunity(db, tenantId, opportunityId)
  return (row?.ownStageMoves as unknown as OwnStageMove[] | undefined) ?? []
}
