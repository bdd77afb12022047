/** Enough of a decision to tell which one decided the candidate's state. */
export interface Evaluated {
  outcome: string
  at: string
}

/**
 * The decision that explains where the candidate stands, of decisions newest first: the newest
 * invitation if there was one (a later "not invited", say for the application arriving after
 * the stage move, does not undo it), else the newest decision. -1 when there is none.
 */
export function decidingIndex(decisions: readonly Evaluated[]): number {
  const invited = decisions.findIndex((d) => d.outcome === 'invited')
  if (invited >= 0) return invited
  return decisions.length > 0 ? 0 : -1
}
