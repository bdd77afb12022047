import { Gauge, Registry, collectDefaultMetrics } from 'prom-client'
import type { CoreDeps } from '@baton/core'
import { ALL_QUEUES, heldJobs, isFairQueue, type QueueName } from '@baton/queues'

/** How many of the next jobs to be served are searched for the oldest one. */
const OLDEST_SCAN = 100

/**
 * The console's Prometheus metrics, computed on scrape: queue depth and oldest waiting job's age
 * per queue, and orders by status. (Job durations and Lever calls come from the workers.)
 */
export function createConsoleMetrics(core: Pick<CoreDeps, 'db' | 'queues'>): Registry {
  const registry = new Registry()
  const held = (name: QueueName) => heldJobs(core.queues.redis, core.queues.prefix, name)
  collectDefaultMetrics({ register: registry })
  new Gauge({
    name: 'baton_queue_jobs',
    help: 'Jobs per queue and state (held for a fair-share place, waiting, active, delayed, failed)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      for (const name of ALL_QUEUES) {
        const counts = await core.queues[name].getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized')
        for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n)
        if (isFairQueue(name)) this.set({ queue: name, state: 'held' }, (await held(name)).count)
      }
    },
  })
  new Gauge({
    name: 'baton_queue_oldest_waiting_seconds',
    help: 'Age of the oldest job waiting in each queue',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      for (const name of ALL_QUEUES) {
        // The queue is served in order, so the oldest job is among the first few; a job held for
        // a fair-share place (fair-share.ts) is older than any waiting job of its tenant.
        const next = await core.queues[name].getJobs(['waiting', 'prioritized'], 0, OLDEST_SCAN - 1, true)
        const heldSince = isFairQueue(name) ? (await held(name)).oldestAt : null
        const oldest = Math.min(...next.map((job) => job.timestamp), heldSince ?? Infinity)
        this.set({ queue: name }, Number.isFinite(oldest) ? (Date.now() - oldest) / 1000 : 0)
      }
    },
  })
  new Gauge({
    name: 'baton_orders',
    help: 'Orders by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const groups = await core.db.order.groupBy({ by: ['status'], _count: { _all: true } })
      for (const g of groups) this.set({ status: g.status }, g._count._all)
    },
  })
  return registry
}
