import type { Figure } from './results'
import { cluster } from './suites/cluster'
import { fairness } from './suites/fairness'
import { ingress } from './suites/ingress'
import { leverBacklog } from './suites/lever-backlog'
import { leverBudget } from './suites/lever-budget'
import { inviteAndWriteback } from './suites/loop'
import { memory } from './suites/memory'
import { requestLogCost } from './suites/request-log-cost'

/** What main hands every suite. */
export interface SuiteRun {
  /** The bench's scratch database, also in DATABASE_URL. */
  databaseUrl: string
  /** REDIS_URL, else the local server. */
  redisUrl: string
  /** Run the short variant. */
  short: boolean
  /** Every suite asked for: invite-latency and writeback share one run. */
  asked: Set<string>
}

/** Suites measured by one run, in the order of bench/results.md. */
interface SuiteGroup {
  suites: string[]
  /** Whether --short shortens it; only then do its figures say "short". */
  hasShortVariant: boolean
  /**
   * Whether it runs on REDIS_URL (its figures then name a Cluster or Sentinel), rather than on
   * Redis servers of its own.
   */
  onRedisUrl: boolean
  run(run: SuiteRun): Promise<Figure[]>
}

export const SUITE_GROUPS: SuiteGroup[] = [
  {
    suites: ['ingress'],
    hasShortVariant: true,
    onRedisUrl: true,
    run: (r) => ingress(r.databaseUrl, r.redisUrl, r.short),
  },
  {
    suites: ['invite-latency', 'writeback'],
    hasShortVariant: false,
    onRedisUrl: true,
    run: (r) => inviteAndWriteback(r.asked, r.redisUrl),
  },
  {
    suites: ['request-log'],
    hasShortVariant: true,
    onRedisUrl: true,
    run: (r) => requestLogCost(r.redisUrl, r.short),
  },
  {
    suites: ['lever-budget'],
    hasShortVariant: true,
    onRedisUrl: true,
    run: async (r) => [
      ...(await leverBudget(r.redisUrl, r.short)),
      ...(await leverBacklog(r.redisUrl, r.short)),
    ],
  },
  {
    suites: ['fairness'],
    hasShortVariant: true,
    onRedisUrl: true,
    run: (r) => fairness(r.redisUrl, r.short),
  },
  {
    suites: ['memory'],
    hasShortVariant: false,
    onRedisUrl: false,
    run: (r) => memory(r.databaseUrl),
  },
  {
    suites: ['cluster'],
    hasShortVariant: true,
    onRedisUrl: false,
    run: (r) => cluster(r.databaseUrl, r.short),
  },
]

export const SUITES: readonly string[] = SUITE_GROUPS.flatMap((group) => group.suites)
