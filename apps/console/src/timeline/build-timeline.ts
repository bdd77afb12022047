import type { OpportunityHistory } from '@baton/db'
import { explainDecision, type DecisionRecord } from '@baton/domain'
import { readable } from '../explainer/readable'

export type TimelineKind =
  | 'lever_event'
  | 'webhook_rejected'
  | 'decision'
  | 'order'
  | 'result'
  | 'platform_event'
  | 'lever_write'
  | 'failed_call'

/** One line of a candidate's timeline, as the console shows it. */
export interface TimelineEntry {
  at: string
  kind: TimelineKind
  title: string
  detail?: string
  /** Something went wrong here: a refused webhook, a failed call, a failed order. */
  failed: boolean
}

/** A Lever write's step, from its ledger key `order-<order id>-<step>`. */
const stepOf = (key: string, orderId: string) => key.slice(`order-${orderId}-`.length)

/**
 * What happened to one candidate, in time order on one screen: Lever's events as the inbox
 * stored them, refused webhooks, decisions in recruiters' words (stage and user names, origin
 * labels), orders, results and platform events, Lever writes, and every failed call. `names`
 * maps the tenant's Lever ids to names (explainer/lever-names.ts).
 */
export function buildTimeline(history: OpportunityHistory, names: Map<string, string>): TimelineEntry[] {
  const name = (id: string | undefined) => (id ? (names.get(id) ?? id) : undefined)
  const entries: TimelineEntry[] = []
  for (const event of history.leverEvents) {
    const move = event.toStageId ? `: ${[name(event.fromStageId), name(event.toStageId)].filter(Boolean).join(' → ')}` : ''
    entries.push({ at: event.receivedAt.toISOString(), kind: 'lever_event', title: `Lever ${event.type}${move}`, detail: `inbox: ${event.status}`, failed: event.status === 'failed' })
  }
  for (const webhook of history.rejected) {
    entries.push({
      at: webhook.at.toISOString(),
      kind: 'webhook_rejected',
      title: `${webhook.source === 'lever' ? 'Lever' : 'Platform'} webhook refused: ${webhook.reason ?? 'rejected'} (${webhook.status})`,
      detail: webhook.eventType ?? undefined,
      failed: true,
    })
  }
  for (const decision of history.decisions) {
    // The columns were written from a DecisionRecord (recordDecision), so they hold its types.
    const record = { ...decision, at: decision.at.toISOString() } as unknown as DecisionRecord
    entries.push({
      at: record.at,
      kind: 'decision',
      // The explanation opens with the outcome ("Invited after …", "Not invited after …").
      title: readable(explainDecision(record), names),
      detail: readable(decision.trigger, names),
      failed: decision.outcome === 'failed',
    })
  }
  for (const order of history.orders) {
    entries.push({
      at: order.createdAt.toISOString(),
      kind: 'order',
      title: `Order for ${order.assessment ?? 'the default assessment'}`,
      detail: `now ${order.status}${order.failureReason ? `: ${order.failureReason}` : ''}`,
      failed: order.status === 'failed' || order.status === 'bounced',
    })
    for (const result of order.results) {
      entries.push({
        at: result.receivedAt.toISOString(),
        kind: 'result',
        title: `${result.final ? 'Final' : 'Partial'} result: ${result.score} (${result.band})`,
        failed: false,
      })
    }
    for (const write of history.writes.filter((w) => w.key.startsWith(`order-${order.id}-`))) {
      entries.push({
        at: write.updatedAt.toISOString(),
        kind: 'lever_write',
        title: `Lever write: ${stepOf(write.key, order.id)}`,
        detail: write.skipped ? `skipped: ${write.skipped}` : write.status,
        failed: false,
      })
    }
  }
  for (const event of history.platformEvents) {
    entries.push({ at: event.receivedAt.toISOString(), kind: 'platform_event', title: `Platform ${event.type}`, detail: `inbox: ${event.status}`, failed: event.status === 'failed' })
  }
  for (const call of history.failedCalls) {
    entries.push({
      at: call.at.toISOString(),
      kind: 'failed_call',
      title: `${call.target === 'lever' ? 'Lever' : 'Platform'} ${call.method} ${call.route}: ${call.status ?? call.errorCode ?? 'no answer'}`,
      detail: `attempt ${call.attempt}, ${call.role}${call.status && call.errorCode ? `, ${call.errorCode}` : ''}`,
      failed: true,
    })
  }
  // Stable: entries of the same instant keep the order above (cause before effect).
  return entries.sort((a, b) => a.at.localeCompare(b.at))
}
