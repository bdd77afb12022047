import { Router } from 'express'
import { z } from 'zod'
import { disconnectTenantByAdmin, InvalidSettingsError, onboardTenant, tenantSettings } from '@baton/core'
import { addSigningToken, getTenant, listTenants, updateTenantSettings } from '@baton/db'
import { applySettingsPatch } from '@baton/domain'
import { HttpError } from '@baton/http'
import type { ConsoleDeps } from '../deps'
import { tenantView } from '../tenant-view'
import { unknownLeverIds } from '../lever-ids'
import { invalidInput, parseBody } from '../validate'

export const createTenantBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  brand: z.string().trim().min(1).max(100).optional(),
  lever: z.strictObject({ apiKey: z.string().min(8) }).optional(),
  signingTokens: z.array(z.string().min(8)).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
})

export const signingTokenBody = z.strictObject({ token: z.string().min(8) })

/** Loads a tenant by the `:id` path parameter, or answers 404. */
export async function tenantOr404(deps: ConsoleDeps, id: string) {
  const tenant = z.uuid().safeParse(id).success ? await getTenant(deps.core.db, id) : null
  if (!tenant) throw new HttpError(404, 'tenant_not_found', 'no tenant has this id')
  return tenant
}

/** Tenants: create, list, read, settings and signing tokens (contract.md §2). */
export function tenantsRoutes(deps: ConsoleDeps): Router {
  const router = Router()

  router.post('/api/tenants', async (req, res) => {
    const body = parseBody(createTenantBody, req.body)
    try {
      const { tenant } = await onboardTenant(deps.core, {
        name: body.name,
        brand: body.brand,
        apiKey: body.lever?.apiKey,
        signingTokens: body.signingTokens,
        settings: body.settings,
        registerWebhooks: body.lever !== undefined && (body.signingTokens ?? []).length === 0,
      })
      const { id, webhookUrl, settings, status } = tenantView(deps.core, tenant)
      res.status(201).json({ id, webhookUrl, settings, status })
    } catch (err) {
      if (err instanceof InvalidSettingsError) {
        throw invalidInput(err.errors.map((e) => ({ ...e, field: `settings.${e.field}` })), 'invalid_settings')
      }
      throw err
    }
  })

  router.get('/api/tenants', async (_req, res) => {
    res.json((await listTenants(deps.core.db)).map((t) => tenantView(deps.core, t)))
  })

  router.get('/api/tenants/:id', async (req, res) => {
    res.json(tenantView(deps.core, await tenantOr404(deps, req.params.id)))
  })

  router.patch('/api/tenants/:id/settings', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const patched = applySettingsPatch(tenantSettings(tenant), req.body)
    if (!patched.ok) throw invalidInput(patched.errors, 'invalid_settings')
    const unknown = await unknownLeverIds(deps.core, tenant.id, patched.value, req.body ?? {})
    if (unknown.length > 0) throw invalidInput(unknown, 'invalid_settings')
    const updated = await updateTenantSettings(deps.core.db, tenant.id, patched.value)
    res.json(tenantView(deps.core, updated))
  })

  router.delete('/api/tenants/:id/signing-tokens/:tokenId', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const tokenId = String(req.params.tokenId)
    const { count } = z.uuid().safeParse(tokenId).success
      ? await deps.core.db.signingToken.deleteMany({ where: { tenantId: tenant.id, id: tokenId } })
      : { count: 0 }
    if (count === 0) throw new HttpError(404, 'token_not_found', 'the tenant has no such signing token')
    res.status(204).end()
  })

  router.post('/api/tenants/:id/signing-tokens', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const { token } = parseBody(signingTokenBody, req.body)
    const { id } = await addSigningToken(deps.core.db, deps.core.encryptor, tenant.id, token)
    res.status(201).json({ id })
  })

  router.post('/api/tenants/:id/disconnect', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    await disconnectTenantByAdmin(deps.core, tenant.id)
    res.json(tenantView(deps.core, (await getTenant(deps.core.db, tenant.id))!))
  })

  return router
}
