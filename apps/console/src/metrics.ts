import { Gauge, Registry, collectDefaultMetrics } from 'prom-client'
import type { CoreDeps } from '@baton/core'
import { ALL_QUEUES } from '@baton/queues'

/** How many of the next jobs to be served are searched for the oldest one. */
const OLDEST_SCAN = 100

/**
 * The console's Prometheus metrics, computed on scrape: queue depth and oldest waiting job's age
 * per queue, and orders by status. (Job durations and Lever calls come from the workers.)
 */
export function createConsoleMetrics(core: Pick<CoreDeps, 'db' | 'queues'>): Registry {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  new Gauge({
    name: 'baton_queue_jobs',
    help: 'Jobs per queue and state (waiting, active, delayed, failed)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      for (const name of ALL_QUEUES) {
        const counts = await core.queues[name].getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized')
        for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n)
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
        // Tenants' jobs wait prioritized (fair-share.ts): each tenant's oldest job has one of the
        // lowest priorities, so the oldest job is found among the first few served.
        const next = await core.queues[name].getJobs(['waiting', 'prioritized'], 0, OLDEST_SCAN - 1, true)
        const oldest = Math.min(...next.map((job) => job.timestamp))
        this.set({ queue: name }, next.length > 0 ? (Date.now() - oldest) / 1000 : 0)
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
