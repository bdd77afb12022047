import type { Figure } from '../results'
import { ingressLoad, measureDurableRatio } from './ingress-ratio'

/**
 * The ingress's durable path (verify, inbox insert, enqueue) against a bare node:http server given
 * the same signed webhooks (see measureDurableRatio). Target: a ratio of at least 0.25, no errors.
 */
export async function ingress(databaseUrl: string, redisUrl: string, short: boolean): Promise<Figure[]> {
  const { rounds, seconds } = ingressLoad(short)
  const { pairs, ratio, middle, errors } = await measureDurableRatio(databaseUrl, redisUrl, { rounds, seconds })
  return [
    { suite: 'ingress', figure: 'bare node:http req/s', value: middle.bare.rps.toFixed(0), target: '–', met: null },
    { suite: 'ingress', figure: 'durable path req/s', value: middle.durable.rps.toFixed(0), target: '–', met: null },
    { suite: 'ingress', figure: 'durable path p50 / p99 (ms)', value: `${middle.durable.p50} / ${middle.durable.p99}`, target: '–', met: null },
    {
      suite: 'ingress',
      figure: `ratio to bare node:http (median of ${rounds} pairs: ${pairs.map((p) => p.ratio.toFixed(3)).join(', ')})`,
      value: ratio.toFixed(3),
      target: '≥ 0.25',
      met: ratio >= 0.25,
    },
    { suite: 'ingress', figure: 'non-2xx or errors', value: String(errors), target: '0', met: errors === 0 },
  ]
}
