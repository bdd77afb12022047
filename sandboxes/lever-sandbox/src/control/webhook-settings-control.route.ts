import { Router } from 'express'
import { z } from 'zod'
import type { SandboxContext } from '../context'
import { parseBody } from '../http/validate'
import { WEBHOOK_EVENTS } from '../webhooks/events'

const settingsSchema = z
  .strictObject({
    enabled: z.boolean().optional(),
    // Keys go through string first so an unknown name is reported at its own path
    // (`events.<name>`) rather than as unrecognised keys of `events`.
    events: z
      .partialRecord(z.string().pipe(z.enum(WEBHOOK_EVENTS)), z.boolean(), {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? `unknown event; Lever's are ${WEBHOOK_EVENTS.join(', ')}`
            : undefined,
      })
      .optional(),
  })
  .refine((body) => body.enabled !== undefined || body.events !== undefined, {
    message: 'give enabled (every event), events ({ <event>: boolean }) or both',
  })

/**
 * The per-event switches of Lever's Settings → Integrations and API → Webhooks page, which a
 * Super Admin must turn on before an API-created webhook sends anything.
 */
export function webhookSettingsControlRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { webhookSettings } = ctx

  router.get('/webhook-settings', (_req, res) => {
    res.json({ data: webhookSettings.current })
  })

  /** `enabled` switches every event, then `events` switches the ones it names. */
  router.put('/webhook-settings', (req, res) => {
    res.json({ data: webhookSettings.set(parseBody(settingsSchema, req.body)) })
  })

  return router
}
