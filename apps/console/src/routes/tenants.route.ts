import { Router } from 'express'
import { z } from 'zod'
import { disconnectTenantByAdmin, saveTenantSettings, tenantHealth, tenantSettings } from '@baton/core'
import { addSigningToken, getTenant, listTenants, recordAudit } from '@baton/db'
import { applySettingsPatch } from '@baton/domain'
import { HttpError } from '@baton/http'
import { changedSettingNames } from '../audit/settings-changes'
import { operatorOf } from '../auth'
import { createTenantBody, createTenantFromBody } from '../create-tenant'
import type { ConsoleDeps } from '../deps'
import { answerIdempotently } from '../idempotency'
import { unknownTenantLeverIds } from '../lever-ids'
import { tenantView } from '../tenant-view'
import { invalidInput, parseBody } from '../validate'

export const signingTokenBody = z.strictObject({ token: z.string().min(8) })

/** The body of a POST that takes none: nothing, or `{}`; anything else is an unknown field. */
const noBody = z.strictObject({})

/** Loads a tenant by the `:id` path parameter, or answers 404. */
export async function tenantOr404(deps: ConsoleDeps, id: string) {
  const tenant = z.uuid().safeParse(id).success ? await getTenant(deps.core.db, id) : null
  if (!tenant) throw new HttpError(404, 'tenant_not_found', 'no tenant has this id')
  return tenant
}

/**
 * Tenants (contract.md §2): create (idempotent by key), list, read with its health, settings,
 * signing tokens and disconnect. Each change is audited once it succeeded, never with a secret:
 * whether a key came, how many tokens, the names of the settings changed, a token's id.
 */
export function tenantsRoutes(deps: ConsoleDeps): Router {
  const router = Router()

  router.post('/api/tenants', async (req, res) => {
    await answerIdempotently(deps.core.db, 'POST /api/tenants', req, res, async () => {
      const answer = await createTenantFromBody(deps, req.body)
      // Created, so the body was valid.
      const input = req.body as z.input<typeof createTenantBody>
      await recordAudit(deps.core.db, {
        operator: operatorOf(res),
        action: 'tenant.created',
        tenantId: (answer.body as { id: string }).id,
        details: {
          name: input.name.trim(),
          apiKey: input.lever !== undefined,
          signingTokens: input.signingTokens?.length ?? 0,
        },
      })
      return answer
    })
  })

  router.get('/api/tenants', async (_req, res) => {
    res.json((await listTenants(deps.core.db)).map((t) => tenantView(deps.core, t)))
  })

  router.get('/api/tenants/:id', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    res.json({ ...tenantView(deps.core, tenant), health: await tenantHealth(deps.core, tenant) })
  })

  router.patch('/api/tenants/:id/settings', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    if (req.body === undefined) {
      throw invalidInput([{ field: '(root)', message: 'send the settings to change as a JSON object' }], 'invalid_settings')
    }
    // Both checks run whatever the other finds: every error comes in one answer.
    const patched = applySettingsPatch(tenantSettings(tenant), req.body)
    const unknown = await unknownTenantLeverIds(deps.core, tenant.id, req.body)
    if (!patched.ok || unknown.length > 0) {
      throw invalidInput([...(patched.ok ? [] : patched.errors), ...unknown], 'invalid_settings')
    }
    const saved = await saveTenantSettings(deps.core, tenant.id, patched.value)
    await recordAudit(deps.core.db, {
      operator: operatorOf(res),
      action: 'tenant.settings_changed',
      tenantId: tenant.id,
      details: { fields: changedSettingNames(tenantSettings(tenant), tenantSettings(saved)) },
    })
    res.json(tenantView(deps.core, saved))
  })

  router.delete('/api/tenants/:id/signing-tokens/:tokenId', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const tokenId = String(req.params.tokenId)
    const { count } = z.uuid().safeParse(tokenId).success
      ? await deps.core.db.signingToken.deleteMany({ where: { tenantId: tenant.id, id: tokenId } })
      : { count: 0 }
    if (count === 0) throw new HttpError(404, 'token_not_found', 'the tenant has no such signing token')
    await recordAudit(deps.core.db, {
      operator: operatorOf(res),
      action: 'signing_token.removed',
      tenantId: tenant.id,
      details: { tokenId },
    })
    res.status(204).end()
  })

  router.post('/api/tenants/:id/signing-tokens', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    const { token } = parseBody(signingTokenBody, req.body)
    const { id } = await addSigningToken(deps.core.db, deps.core.encryptor, tenant.id, token)
    await recordAudit(deps.core.db, {
      operator: operatorOf(res),
      action: 'signing_token.added',
      tenantId: tenant.id,
      details: { tokenId: id },
    })
    res.status(201).json({ id })
  })

  router.post('/api/tenants/:id/disconnect', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    parseBody(noBody, req.body ?? {})
    await disconnectTenantByAdmin(deps.core, tenant.id)
    await recordAudit(deps.core.db, { operator: operatorOf(res), action: 'tenant.disconnected', tenantId: tenant.id })
    res.json(tenantView(deps.core, (await getTenant(deps.core.db, tenant.id))!))
  })

  return router
}
