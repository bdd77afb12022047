import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api'
import {
  AlwaysOnSampler,
  ParentBasedSampler,
  SamplingDecision,
  type Sampler,
  type SamplingResult,
} from '@opentelemetry/sdk-trace-node'

/**
 * Records every span except BullMQ's `getNextJob`: BullMQ opens it after a worker's fetch has
 * returned, so it measures nothing, and an idle worker's blocking fetch returns empty every few
 * seconds, each time a trace of its own. Every other span follows its parent; a root is recorded.
 */
export class WithoutJobFetches implements Sampler {
  private readonly parentBased = new ParentBasedSampler({ root: new AlwaysOnSampler() })

  shouldSample(
    ctx: Context,
    traceId: string,
    name: string,
    kind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    if (name.startsWith('getNextJob ')) return { decision: SamplingDecision.NOT_RECORD }
    return this.parentBased.shouldSample(ctx, traceId, name, kind, attributes, links)
  }

  toString(): string {
    return 'WithoutJobFetches'
  }
}
