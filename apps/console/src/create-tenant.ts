import { z } from 'zod'
import {
  checkNewTenant,
  NewTenantRejectedError,
  onboardTenant,
  type NewTenantCheck,
} from '@baton/core'
import { settingsPatchSchema, toFieldErrors, type FieldError } from '@baton/domain'
import { HttpError } from '@baton/http'
import type { ConsoleDeps } from './deps'
import type { Answer } from './idempotency'
import { tenantView } from './tenant-view'
import { invalidInput } from './validate'

export const createTenantBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** Shorthand for settings.brand, so validated as it is. */
  brand: settingsPatchSchema.shape.brand,
  lever: z.strictObject({ apiKey: z.string().min(8) }).optional(),
  signingTokens: z.array(z.string().min(8)).optional(),
  settings: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('any settings keys of PATCH /api/tenants/{id}/settings'),
})

const KEY_REJECTED = 'Lever did not accept this API key'

/** The parts of a body that can be checked even when others are malformed: its key and settings. */
function checkableParts(body: unknown) {
  const given = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const part = <K extends keyof typeof createTenantBody.shape>(key: K) => {
    const parsed = createTenantBody.shape[key].safeParse(given[key])
    return parsed.success
      ? (parsed.data as z.output<(typeof createTenantBody.shape)[K]>)
      : undefined
  }
  return { apiKey: part('lever')?.apiKey, brand: part('brand'), settings: part('settings') }
}

/**
 * One 400 naming every problem: the body's, the settings' (`settings.…`) and the key's
 * (`lever.apiKey`). Its code says what to fix first: `lever_rejected_key`, else
 * `invalid_settings` when only settings are wrong, else `invalid_request`.
 */
function refusal(bodyErrors: FieldError[], check: NewTenantCheck): HttpError {
  const fields = [
    ...bodyErrors,
    ...(check.keyRejected ? [{ field: 'lever.apiKey', message: KEY_REJECTED }] : []),
    ...check.settingsErrors.map((e) => ({ ...e, field: `settings.${e.field}` })),
  ]
  if (check.keyRejected) return new HttpError(400, 'lever_rejected_key', KEY_REJECTED, { fields })
  return invalidInput(fields, bodyErrors.length > 0 ? 'invalid_request' : 'invalid_settings')
}

/**
 * `POST /api/tenants` (contract.md §2): 201 `{ id, webhookUrl, settings, status }`. Nothing is
 * created unless the body, the settings, the Lever key and the Lever ids the settings name are
 * all right (checked with Lever), and a refusal names every problem at once: a malformed body
 * still has its key and settings checked.
 */
export async function createTenantFromBody(deps: ConsoleDeps, body: unknown): Promise<Answer> {
  const parsed = createTenantBody.safeParse(body)
  const check = await checkNewTenant(deps.core, checkableParts(body), { leverIds: true })
  if (!parsed.success || !check.settings) {
    throw refusal(parsed.success ? [] : toFieldErrors(parsed.error), check)
  }
  const input = parsed.data
  try {
    const { tenant } = await onboardTenant(deps.core, {
      name: input.name,
      apiKey: input.lever?.apiKey,
      signingTokens: input.signingTokens,
      // Checked whole above, the trigger stage defaulted, the brand shorthand merged.
      settings: check.settings,
      registerWebhooks: input.lever !== undefined && (input.signingTokens ?? []).length === 0,
    })
    const { id, webhookUrl, settings, status } = tenantView(deps.core, tenant)
    return { status: 201, body: { id, webhookUrl, settings, status } }
  } catch (err) {
    // Lever refused the key since it was checked a moment ago.
    if (err instanceof NewTenantRejectedError) throw refusal([], err.check)
    throw err
  }
}
