import { parseRedisUrl } from '@baton/redis'
import type { Figure } from './results'

const REDIS_KIND = {
  server: null,
  cluster: 'on Redis Cluster',
  sentinel: 'on Redis Sentinel',
} as const

/**
 * What a figure's text must add so that a row of bench/results.md never passes for the full run
 * on one Redis server: "short" for a short variant, and the kind of Redis REDIS_URL names.
 */
export function qualifiersOf(run: { short: boolean; redisUrl: string | null }): string[] {
  const redisKind = run.redisUrl === null ? null : REDIS_KIND[parseRedisUrl(run.redisUrl).kind]
  return [...(run.short ? ['short'] : []), ...(redisKind ? [redisKind] : [])]
}

/** The figures with the qualifiers appended to their text, e.g. "…, short, on Redis Cluster". */
export function qualify(figures: Figure[], qualifiers: string[]): Figure[] {
  if (qualifiers.length === 0) return figures
  return figures.map((f) => ({ ...f, figure: `${f.figure}, ${qualifiers.join(', ')}` }))
}
