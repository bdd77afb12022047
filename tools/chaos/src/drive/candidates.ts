import { vocabulary } from '@baton/domain'
import type { LeverSandbox } from '@baton/lever-sandbox'
import type { PlatformSandbox } from '@baton/platform-sandbox'
import { paced } from './pool'
import { sleep } from '../harness/wait'

/**
 * Candidates taking their assessment: once Baton has told the recruiter (the Invitation Sent tag
 * is in Lever), each chosen candidate's order is scored on the platform sandbox, which sends the
 * signed `order.scored` event to Baton's ingress. Runs in the background until stopped.
 */
export class Candidates {
  /** Opportunities whose final result the platform has sent (the write-backs to expect). */
  readonly scored = new Set<string>()
  private running = true
  private loop: Promise<void> | undefined

  constructor(
    private readonly sources: {
      lever: LeverSandbox
      platform: PlatformSandbox
      platformUrl: string
    },
    private readonly tenantId: string,
    private readonly brand: string,
    private readonly chosen: Set<string>,
  ) {}

  start(): this {
    this.loop = this.run()
    return this
  }

  /** True once every chosen candidate has been scored. */
  get done(): boolean {
    return this.scored.size === this.chosen.size
  }

  async stop(): Promise<void> {
    this.running = false
    await this.loop
  }

  private async run(): Promise<void> {
    const invited = vocabulary(this.brand).status.invitationSent
    while (this.running && !this.done) {
      const orders = new Map<string, string>()
      for (const order of this.sources.platform.state.orders.values()) {
        if (order.tenantId === this.tenantId && order.status === 'open')
          orders.set(order.candidate.opportunityId, order.orderId)
      }
      const ready = [...this.chosen].filter(
        (id) =>
          !this.scored.has(id) &&
          orders.has(id) &&
          this.sources.lever.state.opportunities.get(id)?.tags.includes(invited),
      )
      await paced(ready, async (id) => this.score(id, orders.get(id)!), { concurrency: 10 })
      await sleep(200)
    }
  }

  private async score(opportunityId: string, orderId: string): Promise<void> {
    const url = `${this.sources.platformUrl}/_sandbox/tenants/${this.tenantId}/orders/${orderId}/score`
    const body = {
      score: 85,
      final: true,
      sections: [{ name: 'Logic', score: 85 }],
      summary: 'Chaos run.',
    }
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => null)
    await res?.arrayBuffer().catch(() => undefined)
    if (res?.ok) this.scored.add(opportunityId)
  }
}
