/** One check of a tenant's self-test, as the console shows it. */
export interface SelfTestStep {
  name: string
  ok: boolean
  /** What was found, or what is wrong and what to do about it. */
  detail: string
  ms: number
}

/** A check that finished: passed or not, and why. A thrown error also fails the step. */
export type CheckOutcome = { ok: boolean; detail: string }

/** Runs one check, timing it; an error becomes a failed step carrying its message. */
export async function runStep(name: string, check: () => Promise<CheckOutcome>): Promise<SelfTestStep> {
  const started = Date.now()
  try {
    return { name, ...(await check()), ms: Date.now() - started }
  } catch (err) {
    return { name, ok: false, detail: err instanceof Error ? err.message : String(err), ms: Date.now() - started }
  }
}
