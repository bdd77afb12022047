import { createServer, type Server } from 'node:http'
import type { Worker } from 'bullmq'
import type { LeverRequestInfo } from '@baton/lever'
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * Prometheus metrics of one worker process: job duration and outcome per queue, and Lever calls,
 * 429s and rate-budget waits per tenant. Served at `/metrics` on WORKER_METRICS_PORT when set
 * (each process of a role needs its own port).
 */
export function createWorkerMetrics(role: string) {
  const registry = new Registry()
  registry.setDefaultLabels({ role })
  collectDefaultMetrics({ register: registry })
  const jobDuration = new Histogram({
    name: 'baton_job_duration_seconds',
    help: 'Job processing time by queue and outcome (completed or failed)',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  })
  const leverRequests = new Counter({
    name: 'baton_lever_requests_total',
    help: 'Lever API attempts by tenant and status class (2xx, 4xx, 429, 5xx, error)',
    labelNames: ['tenant', 'status'] as const,
    registers: [registry],
  })
  const budgetWait = new Counter({
    name: 'baton_lever_budget_wait_seconds_total',
    help: 'Time spent waiting for the shared Lever rate budget, by tenant',
    labelNames: ['tenant'] as const,
    registers: [registry],
  })

  return {
    registry,
    /** Records duration and outcome of every job a worker finishes. */
    observe(worker: Worker, queue: string) {
      const record = (outcome: string, job?: { processedOn?: number; finishedOn?: number }) => {
        if (job?.processedOn && job.finishedOn) {
          jobDuration.observe({ queue, outcome }, (job.finishedOn - job.processedOn) / 1000)
        }
      }
      worker.on('completed', (job) => record('completed', job))
      worker.on('failed', (job) => record('failed', job))
    },
    /** The Lever client hook: one call per attempt. */
    onLeverRequest(tenantId: string, info: LeverRequestInfo) {
      const status =
        info.status === undefined ? 'error' : info.status === 429 ? '429' : `${Math.floor(info.status / 100)}xx`
      leverRequests.inc({ tenant: tenantId, status })
      if (info.waitedMs > 0) budgetWait.inc({ tenant: tenantId }, info.waitedMs / 1000)
    },
    /** Serves `/metrics` when a port is configured. */
    serve(port: number | undefined): Server | undefined {
      if (!port) return undefined
      const server = createServer(async (req, res) => {
        if (req.url !== '/metrics') {
          res.writeHead(404).end()
          return
        }
        res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics())
      })
      return server.listen(port, '0.0.0.0')
    },
  }
}

export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>
