import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import express from 'express'
import { httpLogger } from '@baton/logger'
import type { IngressDeps, IngressInput } from './deps'
import { postgresReadiness, storeEvents } from '@baton/db'
import {
  enqueueMany,
  QUEUE,
  withTraceContext,
  type JobToAdd,
  type QueueName,
  type Queues,
} from '@baton/queues'
import { redisReadiness } from '@baton/redis'
import { GroupCommit } from './group-commit'
import { errorMiddleware, healthRoutes, HttpError, noFavicon } from '@baton/http'
import { leverWebhook } from './routes/lever-webhook.route'
import { platformWebhook } from './routes/platform-webhook.route'
import { serveWebhook } from './webhook-route'
import { traceWebhook } from './webhook-span'

/**
 * Adds the jobs submitted in one turn of the event loop with one `enqueueMany`: the requests of
 * one inbox batch are answered together, so their jobs arrive together and need no extra wait.
 * A batch is added in the context of the request that opened it, so each job takes its own
 * request's trace as it is submitted.
 */
const jobBatcher = <Q extends QueueName>(queues: Queues, queue: Q) => {
  const batches = new GroupCommit<JobToAdd<Q>, void>(
    async (jobs) => {
      await enqueueMany(queues, queue, jobs)
      return jobs.map(() => undefined)
    },
    { maxBatch: 500, maxWaitMs: 0 },
  )
  return { submit: (job: JobToAdd<Q>) => batches.submit(withTraceContext(job)) }
}

const LEVER_PATH = /^\/webhooks\/lever\/([^/]+)\/?$/
const PLATFORM_PATH = /^\/webhooks\/platform\/?$/

/** The webhook a request is for, if it is one: `POST /webhooks/lever/:webhookKey` or `/webhooks/platform`. */
function webhookOf(
  req: IncomingMessage,
): { source: 'lever' | 'platform'; webhookKey?: string } | null {
  if (req.method !== 'POST' || !req.url) return null
  const path = req.url.split('?', 1)[0]
  if (PLATFORM_PATH.test(path)) return { source: 'platform' }
  const lever = LEVER_PATH.exec(path)
  if (!lever) return null
  try {
    return { source: 'lever', webhookKey: decodeURIComponent(lever[1]) }
  } catch {
    // Not a valid percent-encoding: no tenant has such a key, which the route answers with 404.
    return { source: 'lever', webhookKey: lever[1] }
  }
}

/**
 * The ingress (contract.md §2): webhooks in, health out, nothing else. The two webhook routes
 * are served on plain node:http (see webhook-route.ts); health, metrics and every other path go
 * to a small express app. Returns the request listener for `http.createServer`.
 */
export function createIngressApp(input: IngressInput): RequestListener {
  const deps: IngressDeps = {
    ...input,
    inbox: new GroupCommit((entries) => storeEvents(input.db, entries), {
      maxBatch: 200,
      maxWaitMs: 1,
    }),
    jobs: {
      leverEvents: jobBatcher(input.queues, QUEUE.leverEvents),
      platformEvents: jobBatcher(input.queues, QUEUE.platformEvents),
    },
  }
  const rest = express()
  rest.disable('x-powered-by')
  rest.use(
    healthRoutes({
      readiness: [postgresReadiness(deps.db), redisReadiness(deps.redis)],
      registry: deps.metrics.registry,
    }),
  )
  rest.get('/favicon.ico', noFavicon)
  rest.use((_req, _res, next) => next(new HttpError(404, 'not_found', 'no such route')))
  rest.use(errorMiddleware(deps.log))
  // Every webhook is counted by outcome (baton_webhooks_total); a log line per accepted one would
  // be most of the ingress's CPU at volume (npm run bench -- ingress), so those are debug only.
  const accessLog = httpLogger(deps.log, { successLevel: 'debug' })
  const webhooks = {
    lever: serveWebhook(deps, 'lever', leverWebhook(deps)),
    platform: serveWebhook(deps, 'platform', platformWebhook(deps)),
  }
  return (req: IncomingMessage, res: ServerResponse) => {
    accessLog(req, res, () => undefined)
    const webhook = webhookOf(req)
    if (webhook) {
      const serve = () => webhooks[webhook.source](req, res, { webhookKey: webhook.webhookKey })
      traceWebhook(webhook.source, res, serve)
    } else rest(req, res)
  }
}
