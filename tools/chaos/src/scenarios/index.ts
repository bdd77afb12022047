import { clusterFailover } from './cluster-failover'
import { flushall } from './flushall'
import { kill9 } from './kill9'
import { leverAmbiguous } from './lever-ambiguous'
import { leverFaults } from './lever-faults'
import { postgres } from './postgres'
import { scale } from './scale'
import type { ScenarioContext, ScenarioResult } from './types'

/**
 * Every scenario with its default event count, sized so `all` stays within about five minutes
 * on a 2-core machine (kill9 keeps the 1,000 of issue #8). Longest first: `all` runs two at once.
 */
export const SCENARIOS: Record<
  string,
  { run: (ctx: ScenarioContext) => Promise<ScenarioResult>; events: number }
> = {
  kill9: { run: kill9, events: 1000 },
  'cluster-failover': { run: clusterFailover, events: 1000 },
  flushall: { run: flushall, events: 100 },
  postgres: { run: postgres, events: 100 },
  'lever-faults': { run: leverFaults, events: 100 },
  'lever-ambiguous': { run: leverAmbiguous, events: 100 },
  scale: { run: scale, events: 100 },
}
