import express from 'express'
import { httpLogger } from '@baton/logger'
import type { IngressDeps } from './deps'
import { InboxBatcher } from './inbox-batcher'
import { errorMiddleware, healthRoutes, HttpError } from '@baton/http'
import { leverWebhookRoute } from './routes/lever-webhook.route'
import { platformWebhookRoute } from './routes/platform-webhook.route'

/** The ingress: webhooks in, health out, nothing else (contract.md §2). */
export function createIngressApp(input: Omit<IngressDeps, 'inbox'> & { inbox?: IngressDeps['inbox'] }) {
  const deps: IngressDeps = { ...input, inbox: input.inbox ?? new InboxBatcher(input.db) }
  const app = express()
  app.disable('x-powered-by')
  app.use(httpLogger(deps.log))
  app.use(leverWebhookRoute(deps))
  app.use(platformWebhookRoute(deps))
  app.use(healthRoutes({ db: deps.db, redis: deps.redis, registry: deps.metrics.registry }))
  app.use((_req, _res, next) => next(new HttpError(404, 'not_found', 'no such route')))
  app.use(errorMiddleware(deps.log))
  return app
}
