/** Lever's 1-4 overall rating. */
export type Rating = 1 | 2 | 3 | 4

/** The exact option texts of Lever's `score-system` field (lever-api.md §6.8). */
export const RATING_LABELS: Record<Rating, string> = {
  4: '4 - Strong Hire',
  3: '3 - Hire',
  2: '2 - No Hire',
  1: '1 - Strong No Hire',
}

/**
 * The 1-4 rating of a score against passing score `p` (product.md §5): below p/2 → 1; from p/2
 * to below p → 2; from p to below p + (100 - p)/2 → 3; otherwise 4. Compared doubled so odd
 * passing scores need no fractions (p = 75: 37 → 1, 37.5 is the edge, 38 → 2).
 */
export function ratingFor(score: number, passingScore: number): Rating {
  const p = passingScore
  if (2 * score < p) return 1
  if (score < p) return 2
  if (2 * score < p + 100) return 3
  return 4
}

/** Lever's wording for a rating, e.g. `3 - Hire`. */
export function ratingLabel(rating: Rating): string {
  return RATING_LABELS[rating]
}
