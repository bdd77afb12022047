import {
  orderScoredDataSchema,
  type CandidateSourcedData,
  type OrderScoredData,
  type PlatformEvent,
  type SectionScore,
} from '@baton/platform'
import type { SandboxOrder } from '../state'

export function startedEvent(order: SandboxOrder, startedAt: string): PlatformEvent {
  return {
    type: 'order.started',
    data: { tenantId: order.tenantId, orderId: order.orderId, startedAt },
  }
}

export function bouncedEvent(order: SandboxOrder, reason: string): PlatformEvent {
  return {
    type: 'order.bounced',
    data: { tenantId: order.tenantId, orderId: order.orderId, reason },
  }
}

export function scoredEvent(result: OrderScoredData): PlatformEvent {
  return { type: 'order.scored', data: result }
}

export function sourcedEvent(data: CandidateSourcedData): PlatformEvent {
  return { type: 'candidate.sourced', data }
}

export interface ScoreInput {
  score: number
  final: boolean
  sections?: SectionScore[]
  summary?: string
  passingScore?: number
  completedAt?: string
}

/**
 * The `order.scored` data for a result given through the control API. Sections and summary get
 * plausible defaults; the result is checked against the contract schema so the sandbox never
 * emits an event Baton would reject.
 */
export function buildResult(order: SandboxOrder, input: ScoreInput, at: string): OrderScoredData {
  const result: OrderScoredData = {
    tenantId: order.tenantId,
    orderId: order.orderId,
    final: input.final,
    score: input.score,
    passingScore: input.passingScore,
    sections: input.sections ?? [{ name: order.assessment, score: input.score }],
    summary:
      input.summary ??
      `${input.final ? 'Final' : 'Provisional'} ${order.assessment} result: ${input.score}/100.`,
    recruiterUrl: order.recruiterUrl,
    reportPdfUrl: order.reportPdfUrl,
    completedAt: input.completedAt ?? at,
  }
  return orderScoredDataSchema.parse(result)
}
