import type { FaultOptions } from '../options'
import { LeverError } from './errors'

/** Injected latency and random 500/503 answers, changeable while the sandbox runs. */
export class Faults {
  private settings: FaultOptions

  constructor(
    private readonly initial: FaultOptions,
    private readonly random: () => number = Math.random,
  ) {
    this.settings = { ...initial }
  }

  get current(): FaultOptions {
    return { ...this.settings }
  }

  set(next: Partial<FaultOptions>): FaultOptions {
    this.settings = { ...this.settings, ...next }
    return this.current
  }

  reset(): void {
    this.settings = { ...this.initial }
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
}
