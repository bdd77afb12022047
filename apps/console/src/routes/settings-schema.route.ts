import { Router } from 'express'
import { tenantSettings } from '@baton/core'
import {
  BRAND_PLACEHOLDER,
  LEVER_ORIGINS,
  mergeTemplates,
  writeBackSchema,
  type TenantSettings,
} from '@baton/domain'
import type { ConsoleDeps } from '../deps'
import { tenantOr404 } from './tenants.route'

/** What each write-back toggle turns on; typed, so a new toggle without a label fails the build. */
const WRITE_BACK_LABELS: Record<keyof TenantSettings['writeBack'], string> = {
  note: 'Result note on the opportunity',
  feedback: 'Feedback form with the scores',
  pdf: 'PDF report as a file',
  link: 'Link to the report',
  statusTags: 'Status tags (invitation sent, in progress, completed)',
  bandTags: 'Role-fit band tags',
}

/**
 * What the settings page builds its choices from, so the page never keeps a second copy of a
 * domain list: the blockable origins, the write-back toggles, and a tenant's tag templates.
 */
export function settingsSchemaRoutes(deps: ConsoleDeps): Router {
  const router = Router()

  router.get('/api/settings-schema', (_req, res) => {
    res.json({
      blockedOrigins: LEVER_ORIGINS,
      writeBack: Object.keys(writeBackSchema.shape).map((key) => ({
        key,
        label: WRITE_BACK_LABELS[key as keyof typeof WRITE_BACK_LABELS],
      })),
      brandPlaceholder: BRAND_PLACEHOLDER,
    })
  })

  router.get('/api/tenants/:id/tag-templates', async (req, res) => {
    const tenant = await tenantOr404(deps, req.params.id)
    res.json(mergeTemplates(tenantSettings(tenant).tagTemplates))
  })

  return router
}
