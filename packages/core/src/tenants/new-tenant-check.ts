import { collect, type LeverClient } from '@baton/lever'
import {
  defaultTriggerStage,
  parseSettings,
  type FieldError,
  type TenantSettings,
} from '@baton/domain'
import type { CoreDeps } from '../deps'
import { checkLeverApiKey, LeverKeyRejectedError } from './lever-api-key-check'
import { unknownLeverIds } from './unknown-lever-ids'

/** What is wrong with a new tenant's settings and Lever key: all of it, found at once. */
export interface NewTenantCheck {
  /** Bad settings, by settings key: invalid values, and ids Lever does not know (when asked). */
  settingsErrors: FieldError[]
  /** Lever refused the API key. */
  keyRejected: boolean
  /** The settings to store (trigger stage defaulted from Lever); null unless all is well. */
  settings: TenantSettings | null
}

/** A new tenant was refused: nothing was stored. */
export class NewTenantRejectedError extends Error {
  constructor(readonly check: NewTenantCheck) {
    const what = [
      ...(check.keyRejected ? ['Lever refused the API key'] : []),
      ...check.settingsErrors.map((e) => `${e.field} (${e.message})`),
    ]
    super(`new tenant refused: ${what.join(', ')}`)
    this.name = 'NewTenantRejectedError'
  }
}

/** A client on the key once Lever accepted it; null when Lever refused it. */
async function acceptedKey(deps: CoreDeps, apiKey: string): Promise<LeverClient | null> {
  try {
    return await checkLeverApiKey(deps, apiKey)
  } catch (err) {
    if (err instanceof LeverKeyRejectedError) return null
    throw err
  }
}

/**
 * Checks a new tenant's settings and, when given, its API key with Lever; with `leverIds`, also
 * that the stage and user ids its settings name exist in Lever (the admin API asks for it; a
 * harness may seed ids on purpose). Each check runs even when another failed, so an admin hears
 * about every problem in one answer. Stores nothing.
 */
export async function checkNewTenant(
  deps: CoreDeps,
  input: { apiKey?: string; brand?: string; settings?: Record<string, unknown> },
  options: { leverIds?: boolean } = {},
): Promise<NewTenantCheck> {
  // A top-level brand is shorthand for settings.brand (contract.md §2).
  const given = { ...input.settings, ...(input.brand ? { brand: input.brand } : {}) }
  const parsed = parseSettings(given)
  const lever = input.apiKey ? await acceptedKey(deps, input.apiKey) : undefined
  const idErrors = lever && options.leverIds ? await unknownLeverIds(lever, given) : []
  const settingsErrors = [...(parsed.ok ? [] : parsed.errors), ...idErrors]
  const check: NewTenantCheck = { settingsErrors, keyRejected: lever === null, settings: null }
  if (!parsed.ok || settingsErrors.length > 0 || lever === null) return check
  if (!lever || parsed.value.triggerStageId !== null) return { ...check, settings: parsed.value }
  const stages = (await collect(lever.stages.list())).map((s) => ({
    id: s.id,
    text: s.text ?? s.id,
  }))
  return { ...check, settings: { ...parsed.value, triggerStageId: defaultTriggerStage(stages) } }
}
