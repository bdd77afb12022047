import type { AfterApplyFault, FaultOptions } from '../options'
import { LeverError } from './errors'

/** What `Faults.current` shows: the options with the after-apply rules always listed. */
export type FaultSettings = FaultOptions & { afterApply: AfterApplyFault[] }

const READ_METHODS = new Set(['GET', 'HEAD'])

/**
 * Injected latency, random 500/503 answers before a request applies, and writes that fail
 * after they apply; changeable while the sandbox runs.
 */
export class Faults {
  private settings: FaultSettings

  constructor(
    private readonly initial: FaultOptions,
    private readonly random: () => number = Math.random,
  ) {
    this.settings = toSettings(initial)
  }

  get current(): FaultSettings {
    return { ...this.settings, afterApply: [...this.settings.afterApply] }
  }

  set(next: Partial<FaultOptions>): FaultSettings {
    this.settings = toSettings({ ...this.settings, ...next })
    return this.current
  }

  reset(): void {
    this.settings = toSettings(this.initial)
  }

  /** Waits the configured latency, then throws a 500 or 503 for `errorRate` of the calls. */
  async apply(): Promise<void> {
    const { latencyMs, errorRate } = this.settings
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
    if (errorRate > 0 && this.random() < errorRate) {
      throw this.random() < 0.5
        ? new LeverError(500, 'Injected server error')
        : new LeverError(503, 'Service temporarily unavailable')
    }
  }

  /**
   * Whether this write should fail after it applies: each rule naming `route` (or naming no
   * routes) rolls at its rate, in order, and the first that fires decides, so rules can mix
   * modes over the same writes. Reads apply nothing, so they never fail this way.
   */
  afterApplyFor(method: string, route: string): AfterApplyFault | null {
    if (READ_METHODS.has(method)) return null
    for (const rule of this.settings.afterApply) {
      if (rule.routes && !rule.routes.includes(route)) continue
      if (rule.rate > 0 && this.random() < rule.rate) return rule
    }
    return null
  }
}

function toSettings(options: FaultOptions): FaultSettings {
  return { ...options, afterApply: [...(options.afterApply ?? [])] }
}
