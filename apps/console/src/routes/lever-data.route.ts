import { Router } from 'express'
import { z } from 'zod'
import { checkLeverApiKey, LeverKeyRejectedError, reconnectTenant, TenantNotConnectedError } from '@baton/core'
import { setLeverApiKey, openTenantIssues, recordAudit } from '@baton/db'
import { collect } from '@baton/lever'
import { HttpError } from '@baton/http'
import { operatorOf } from '../auth'
import type { ConsoleDeps } from '../deps'
import { parseBody } from '../validate'
import { tenantOr404 } from './tenants.route'

const CACHE_MS = 60_000
export const apiKeyBody = z.strictObject({ apiKey: z.string().min(8) })

/**
 * Lever data for the settings forms (stages, users, archive reasons, cached briefly), API-key
 * connect (the key is checked with a cheap Lever call before it is stored), and tenant issues.
 */
export function leverDataRoutes(deps: ConsoleDeps): Router {
  const router = Router()
  const cache = new Map<string, { at: number; value: unknown }>()
  const cached = async (key: string, load: () => Promise<unknown>) => {
    const hit = cache.get(key)
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value
    const value = await load()
    cache.set(key, { at: Date.now(), value })
    return value
  }
  const lists = {
    stages: (id: string) => deps.core.lever.forTenant(id).then((l) => collect(l.stages.list())),
    users: (id: string) => deps.core.lever.forTenant(id).then((l) => collect(l.users.list())),
    'archive-reasons': (id: string) => deps.core.lever.forTenant(id).then((l) => collect(l.archiveReasons.list())),
  }
  router.get('/api/tenants/:id/lever/:list', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    // Own keys only: `constructor` or `__proto__` must not reach Object's own members.
    if (!Object.hasOwn(lists, req.params.list)) throw new HttpError(404, 'not_found', 'lists are stages, users and archive-reasons')
    const load = lists[req.params.list as keyof typeof lists]
    try {
      res.json(await cached(`${tenant.id}:${req.params.list}`, () => load(tenant.id)))
    } catch (err) {
      // An expected state (the settings page asks before the tenant is connected), not a 500.
      if (err instanceof TenantNotConnectedError) {
        throw new HttpError(409, 'lever_not_connected', 'connect the tenant to Lever first')
      }
      throw err
    }
  })

  router.put('/api/tenants/:id/lever/api-key', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const { apiKey } = parseBody(apiKeyBody, req.body)
    try {
      await checkLeverApiKey(deps.core, apiKey)
    } catch (err) {
      if (err instanceof LeverKeyRejectedError) {
        throw new HttpError(400, 'lever_rejected_key', err.message, { fields: [{ field: 'apiKey', message: err.message }] })
      }
      throw err
    }
    await setLeverApiKey(deps.core.db, deps.core.encryptor, tenant.id, apiKey)
    const { resumed } = await reconnectTenant(deps.core, tenant.id)
    // Never the key: only how the tenant was connected.
    await recordAudit(deps.core.db, {
      operator: operatorOf(res),
      action: 'tenant.connected',
      tenantId: tenant.id,
      details: { method: 'api_key', resumedEvents: resumed },
    })
    res.json({ connected: true, resumedEvents: resumed })
  })

  router.get('/api/tenants/:id/issues', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const issues = await openTenantIssues(deps.core.db, tenant.id)
    res.json(issues.map((i) => ({ id: i.id, kind: i.kind, message: i.message, details: i.details, createdAt: i.createdAt })))
  })
  return router
}
