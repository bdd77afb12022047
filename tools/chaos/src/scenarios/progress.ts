import { vocabulary } from '@baton/domain'
import type { ChaosSystem } from '../harness/system'
import { until } from '../harness/wait'

/** How far a run has got, read from the sandboxes; faults wait on it to strike mid-run. */
export class Progress {
  moved = 0

  constructor(
    private readonly system: ChaosSystem,
    private readonly tenantId: string,
    private readonly brand: string,
  ) {}

  /** Orders the platform has for this tenant. */
  ordered(): number {
    let n = 0
    for (const order of this.system.platform.state.orders.values())
      if (order.tenantId === this.tenantId) n++
    return n
  }

  /** Opportunities carrying the Completed tag, i.e. write-backs that reached their tags step. */
  writtenBack(): number {
    const completed = vocabulary(this.brand).status.completed
    let n = 0
    for (const opportunity of this.system.lever.state.opportunities.values()) {
      if (opportunity.tags.includes(completed)) n++
    }
    return n
  }

  /** Waits until `probe` reaches `target` (a fault's moment), for up to `timeoutMs`. */
  reach(probe: () => number, target: number, what: string, timeoutMs = 120_000): Promise<void> {
    return until(() => probe() >= target, `${what} to reach ${target}`, timeoutMs, 20)
  }
}
