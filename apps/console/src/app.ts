import express from 'express'
import { postgresReadiness } from '@baton/db'
import { errorMiddleware, healthRoutes, HttpError, noFavicon } from '@baton/http'
import { redisReadiness } from '@baton/redis'
import { httpLogger } from '@baton/logger'
import { requireAdmin } from './auth'
import { createBoard } from './board'
import { TenantNames } from './tenant-names'
import { openApiDocument } from './openapi'
import { requireJsonBody } from './json-body'
import type { ConsoleDeps } from './deps'
import { candidateSearchRoutes } from './routes/candidate-search.route'
import { deadLettersRoutes } from './routes/dead-letters.route'
import { leverDataRoutes } from './routes/lever-data.route'
import { loginRoutes } from './routes/login.route'
import { oauthRoutes, type OAuthSettings } from './routes/oauth.route'
import { operationsRoutes } from './routes/operations.route'
import { selfTestRoutes } from './routes/self-test.route'
import { settingsPageRoutes } from './routes/settings-page.route'
import { settingsSchemaRoutes } from './routes/settings-schema.route'
import { tenantsRoutes } from './routes/tenants.route'

/**
 * The console: the settings page at /, admin API under /api, Bull Board at /queues, health and
 * metrics.
 */
export function createConsoleApp(
  deps: ConsoleDeps,
  options: { readOnlyBoard?: boolean; leverApiUrl: string; platformApiUrl: string; oauth?: OAuthSettings },
) {
  const app = express()
  app.disable('x-powered-by')
  app.use(httpLogger(deps.core.log))
  app.use(
    healthRoutes({
      readiness: [postgresReadiness(deps.core.db), redisReadiness(deps.core.redis)],
      registry: deps.registry,
    }),
  )
  app.use(loginRoutes(deps))
  app.use(oauthRoutes(deps, options.oauth))
  const tenantNames = new TenantNames(deps.core.db)
  app.use('/queues', requireAdmin(deps.adminToken), createBoard(deps.core.queues, {
    basePath: '/queues',
    readOnly: options.readOnlyBoard ?? false,
    tenantName: (id) => tenantNames.get(id),
  }))
  app.use('/api', requireAdmin(deps.adminToken), express.json({ limit: '256kb' }), requireJsonBody)
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument())
  })
  app.use(tenantsRoutes(deps))
  // Before operations: its `run/:task` would take `self-test` for an unknown task.
  app.use(selfTestRoutes(deps, { leverApiUrl: options.leverApiUrl, platformApiUrl: options.platformApiUrl }))
  app.use(operationsRoutes(deps))
  app.use(candidateSearchRoutes(deps))
  app.use(leverDataRoutes(deps))
  app.use(deadLettersRoutes(deps))
  app.use(settingsSchemaRoutes(deps))
  app.use(settingsPageRoutes(deps))
  app.get('/favicon.ico', noFavicon)
  app.use((_req, _res, next) => next(new HttpError(404, 'not_found', 'no such route')))
  app.use(errorMiddleware(deps.core.log))
  return app
}
