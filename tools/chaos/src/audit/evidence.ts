import fs from 'node:fs'
import path from 'node:path'
import type { ChaosSystem } from '../harness/system'
import type { AuditResult } from './audit'

/**
 * Writes what each source knows about the opportunities behind a finding (up to five per kind)
 * to `<logDir>/evidence.json`, so a failure can be explained after the database is dropped.
 */
export async function writeEvidence(
  system: ChaosSystem,
  tenantId: string,
  result: AuditResult,
  logDir: string,
) {
  const ids = new Set([
    ...result.lost.invitations.slice(0, 5),
    ...result.lost.invitationTags.slice(0, 5),
    ...result.lost.writebacks.slice(0, 5),
    ...result.duplicateIds.slice(0, 10),
  ])
  const { db } = system.deps
  const opportunities = []
  for (const id of ids) {
    const orders = await db.order.findMany({
      where: { tenantId, opportunityId: id },
      orderBy: { createdAt: 'asc' },
    })
    const orderKeys = orders.map((o) => `order-${o.id}`)
    opportunities.push({
      opportunityId: id,
      lever: {
        tags: system.lever.state.opportunities.get(id)?.tags,
        stage: system.lever.state.opportunities.get(id)?.stage,
      },
      platformOrders: [...system.platform.state.orders.values()]
        .filter((o) => o.tenantId === tenantId && o.candidate.opportunityId === id)
        .map((o) => ({ orderId: o.orderId, status: o.status, createdAt: o.createdAt })),
      batonOrders: orders.map((o) => ({
        id: o.id,
        status: o.status,
        createdAt: o.createdAt,
        updatedAt: o.updatedAt,
      })),
      decisions: await db.decision.findMany({
        where: { tenantId, opportunityId: id },
        select: { outcome: true, reason: true, evaluationKey: true, orderId: true, at: true },
        orderBy: { at: 'asc' },
      }),
      inbox: await db.webhookEvent.findMany({
        where: { tenantId, opportunityId: id },
        select: { id: true, type: true, status: true, receivedAt: true, processedAt: true },
      }),
      leverWrites: (await db.leverWrite.findMany({ where: { tenantId } })).filter((w) =>
        orderKeys.some((k) => w.key.startsWith(k)),
      ),
    })
  }
  const templates = [...system.lever.state.feedbackTemplates.values()]
    .filter((t) => t.createdVia === 'api')
    .map((t) => ({ id: t.id, text: t.text, createdAt: t.createdAt }))
  const formsByTemplate: Record<string, number> = {}
  for (const form of system.lever.state.feedback.values()) {
    formsByTemplate[form.baseTemplateId] = (formsByTemplate[form.baseTemplateId] ?? 0) + 1
  }
  const templateWrites = await db.leverWrite.findMany({
    where: { tenantId, key: 'tenant-feedback-template' },
  })
  const file = path.join(logDir, 'evidence.json')
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        opportunities,
        feedbackTemplates: { lever: templates, ledger: templateWrites, formsByTemplate },
      },
      null,
      2,
    ),
  )
  return file
}
