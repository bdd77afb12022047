import type { Query } from '../http/query'

/** Options of writes where `perform_as` is optional (lever-api.md §6.12). */
export interface PerformAsOption {
  /** Lever user id shown as the author; without it the author is empty. */
  performAs?: string
}

/** Options of writes where Lever requires `perform_as` (§6.12: feedback, files, create). */
export interface RequiredPerformAs {
  /** Lever user id shown as the author. */
  performAs: string
}

export const performAsQuery = (options: PerformAsOption | undefined): Query => ({
  perform_as: options?.performAs,
})
