import type { Db } from '../client'
import type { Decision } from '../generated/prisma/client'

export type { Decision }

export interface DecisionInput {
  tenantId: string
  opportunityId: string
  trigger: string
  outcome: string
  reason: string
  rules: { rule: string; passed: boolean; detail: string }[]
  orderId?: string | null
  /** Stable per evaluation (for example job id + assessment), so a re-run records nothing new. */
  evaluationKey: string
}

export async function recordDecision(db: Db, input: DecisionInput): Promise<Decision> {
  return db.decision.upsert({
    where: { evaluationKey: input.evaluationKey },
    create: { ...input, orderId: input.orderId ?? null },
    update: {},
  })
}

/** Decision records of one opportunity, newest first. */
export function decisionsFor(db: Db, tenantId: string, opportunityId: string): Promise<Decision[]> {
  return db.decision.findMany({ where: { tenantId, opportunityId }, orderBy: { at: 'desc' } })
}

export async function hasDecision(db: Db, tenantId: string, opportunityId: string): Promise<boolean> {
  return (await db.decision.count({ where: { tenantId, opportunityId } })) > 0
}
