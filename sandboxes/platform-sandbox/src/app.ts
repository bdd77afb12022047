import express, { Router, type Express } from 'express'
import type { SandboxContext } from './context'
import { controlIndexRoute } from './control/control-index.route'
import { deliveryRoute } from './control/delivery.route'
import { inspectRoute } from './control/inspect.route'
import { orderActionsRoute } from './control/order-actions.route'
import { sourcingRoute } from './control/sourcing.route'
import { bearerAuth } from './http/auth'
import { errorHandler, notFound } from './http/errors'
import { countRequests, injectFaults } from './http/stats'
import { candidatesRoute } from './routes/candidates.route'
import { orderStatusRoute } from './routes/order-status.route'
import { ordersRoute } from './routes/orders.route'
import { pagesRoute } from './routes/pages.route'
import { postingsRoute } from './routes/postings.route'
import { reportsRoute } from './routes/reports.route'

/** The contract API (contract.md §3): bearer auth, request counting, injected faults. */
function apiRouter(ctx: SandboxContext): Router {
  const api = Router()
  api.use(countRequests(ctx.state, '/v1'), bearerAuth(ctx.apiKey), injectFaults(ctx.state))
  for (const route of [
    postingsRoute,
    ordersRoute,
    orderStatusRoute,
    candidatesRoute,
    reportsRoute,
  ]) {
    api.use(route(ctx))
  }
  return api
}

/**
 * The control API: no auth, not part of the contract. It lets tests and demos act as the
 * candidate and as the platform's operators.
 */
function controlRouter(ctx: SandboxContext): Router {
  const control = Router()
  for (const route of [
    controlIndexRoute,
    orderActionsRoute,
    sourcingRoute,
    deliveryRoute,
    inspectRoute,
  ]) {
    control.use(route(ctx))
  }
  return control
}

export function createApp(ctx: SandboxContext): Express {
  const app = express()
  app.disable('x-powered-by')
  app.use(express.json({ limit: '1mb' }))
  app.use('/v1', apiRouter(ctx))
  app.use('/_sandbox', controlRouter(ctx))
  app.use(pagesRoute(ctx))
  app.use(notFound)
  app.use(errorHandler(ctx.log))
  return app
}
