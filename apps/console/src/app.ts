import express from 'express'
import { postgresReadiness } from '@baton/db'
import { errorMiddleware, healthRoutes, HttpError, noFavicon } from '@baton/http'
import { redisReadiness } from '@baton/redis'
import { httpLogger } from '@baton/logger'
import { identifyOperator, readOnlyForViewers, requireOperator } from './auth'
import { boardRoutes } from './board-access'
import { OperatorTokens } from './operator-tokens'
import { TenantNames } from './tenant-names'
import { openApiDocument } from './openapi'
import { requireJsonBody } from './json-body'
import type { ConsoleDeps } from './deps'
import { auditRoutes } from './routes/audit.route'
import { candidateSearchRoutes } from './routes/candidate-search.route'
import { timelineRoutes } from './routes/timeline.route'
import { deadLettersRoutes } from './routes/dead-letters.route'
import { leverDataRoutes } from './routes/lever-data.route'
import { loginRoutes } from './routes/login.route'
import { oauthRoutes, type OAuthSettings } from './routes/oauth.route'
import { operationsRoutes } from './routes/operations.route'
import { operatorsRoutes } from './routes/operators.route'
import { requestLogRoutes } from './routes/request-log.route'
import { webhookLogRoutes } from './routes/webhook-log.route'
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
  // Who is asking, resolved once for every route below (ADMIN_TOKEN or an operator's token).
  const tokens = new OperatorTokens(deps.core.db, deps.adminToken)
  app.use(identifyOperator(tokens))
  app.use(loginRoutes(tokens))
  app.use(oauthRoutes(deps, options.oauth))
  const tenantNames = new TenantNames(deps.core.db)
  app.use(boardRoutes(deps.core, {
    readOnly: options.readOnlyBoard ?? false,
    tenantName: (id) => tenantNames.get(id),
  }))
  // A viewer reads everything and changes nothing: refused before the body is even read.
  app.use('/api', requireOperator, readOnlyForViewers, express.json({ limit: '256kb' }), requireJsonBody)
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApiDocument())
  })
  app.use(tenantsRoutes(deps))
  // Before operations: its `run/:task` would take `self-test` for an unknown task.
  app.use(selfTestRoutes(deps, { leverApiUrl: options.leverApiUrl, platformApiUrl: options.platformApiUrl }))
  app.use(operationsRoutes(deps))
  app.use(candidateSearchRoutes(deps))
  app.use(timelineRoutes(deps))
  app.use(requestLogRoutes(deps))
  app.use(webhookLogRoutes(deps))
  app.use(leverDataRoutes(deps))
  app.use(deadLettersRoutes(deps))
  app.use(operatorsRoutes(deps, tokens))
  app.use(auditRoutes(deps))
  app.use(settingsSchemaRoutes(deps))
  app.use(settingsPageRoutes())
  app.get('/favicon.ico', noFavicon)
  app.use((_req, _res, next) => next(new HttpError(404, 'not_found', 'no such route')))
  app.use(errorMiddleware(deps.core.log))
  return app
}
