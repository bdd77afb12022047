/** Lever's opportunity origins (lever-api.md §6.1), the values a tenant may block. */
export const LEVER_ORIGINS = [
  'agency',
  'applied',
  'internal',
  'referred',
  'sourced',
  'university',
] as const

/** One of Lever's opportunity origins. */
export type LeverOrigin = (typeof LEVER_ORIGINS)[number]
