import type { BandThresholds } from './settings'
import type { Band } from './tag-templates'

/**
 * The role-fit band of a 0-100 score (product.md §5). Thresholds are lower bounds; with the
 * defaults: 100 very high, 76-99 high, 51-75 medium, 26-50 low, 0-25 very low.
 */
export function bandFor(score: number, bands: BandThresholds): Band {
  if (score >= bands.veryHigh) return 'veryHigh'
  if (score >= bands.high) return 'high'
  if (score >= bands.medium) return 'medium'
  if (score >= bands.low) return 'low'
  return 'veryLow'
}
