import express from 'express'
import { httpLogger } from '@baton/logger'
import type { IngressDeps, IngressInput } from './deps'
import { storeEvents } from '@baton/db'
import { enqueueMany, QUEUE, type JobToAdd, type QueueName, type Queues } from '@baton/queues'
import { GroupCommit } from './group-commit'
import { errorMiddleware, healthRoutes, HttpError } from '@baton/http'
import { leverWebhookRoute } from './routes/lever-webhook.route'
import { platformWebhookRoute } from './routes/platform-webhook.route'

/**
 * Adds the jobs submitted in one turn of the event loop with one `enqueueMany`: the requests of
 * one inbox batch are answered together, so their jobs arrive together and need no extra wait.
 */
const jobBatcher = <Q extends QueueName>(queues: Queues, queue: Q) =>
  new GroupCommit<JobToAdd<Q>, void>(
    async (jobs) => {
      await enqueueMany(queues, queue, jobs)
      return jobs.map(() => undefined)
    },
    { maxBatch: 500, maxWaitMs: 0 },
  )

/** The ingress: webhooks in, health out, nothing else (contract.md §2). */
export function createIngressApp(input: IngressInput) {
  const deps: IngressDeps = {
    ...input,
    inbox: new GroupCommit((entries) => storeEvents(input.db, entries)),
    jobs: {
      leverEvents: jobBatcher(input.queues, QUEUE.leverEvents),
      platformEvents: jobBatcher(input.queues, QUEUE.platformEvents),
    },
  }
  const app = express()
  app.disable('x-powered-by')
  // Every webhook is counted by outcome (baton_webhooks_total); a log line per accepted one would
  // be most of the ingress's CPU at volume (npm run bench -- ingress), so those are debug only.
  app.use(httpLogger(deps.log, { successLevel: 'debug' }))
  app.use(leverWebhookRoute(deps))
  app.use(platformWebhookRoute(deps))
  app.use(healthRoutes({ db: deps.db, redis: deps.redis, registry: deps.metrics.registry }))
  app.use((_req, _res, next) => next(new HttpError(404, 'not_found', 'no such route')))
  app.use(errorMiddleware(deps.log))
  return app
}
