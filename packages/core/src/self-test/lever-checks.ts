import type { TenantSettings } from '@baton/domain'
import { collect, LeverAuthError, LeverNotFoundError, type LeverClient } from '@baton/lever'
import type { CheckOutcome } from './step'

/** The credential works: Lever answers an authenticated read. */
export async function checkCredential(lever: LeverClient): Promise<CheckOutcome> {
  try {
    const [stage] = await collect(lever.stages.list(), 1)
    return { ok: true, detail: `Lever answered with the account's stages (first: ${stage?.text ?? 'none'})` }
  } catch (err) {
    if (err instanceof LeverAuthError && err.status === 401) {
      return { ok: false, detail: 'Lever refused the credential (401): connect the tenant again' }
    }
    if (err instanceof LeverAuthError) return { ok: false, detail: `Lever refused the read (403): ${err.message}` }
    throw err
  }
}

/** The stages and the perform-as user the settings name exist in this Lever account. */
export async function checkSettingsInLever(lever: LeverClient, settings: TenantSettings): Promise<CheckOutcome> {
  const problems: string[] = []
  const found: string[] = []
  const stages = [
    ['trigger stage', settings.triggerStageId],
    ['pass stage', settings.passStageId],
    ['fail stage', settings.failStageId],
  ] as const
  if (!settings.triggerStageId) problems.push('no trigger stage is chosen')
  for (const [what, id] of stages) {
    if (!id) continue
    const stage = await lever.stages.get(id).catch((err: unknown) => {
      if (err instanceof LeverNotFoundError) return null
      throw err
    })
    if (stage) found.push(`${what} "${stage.text}"`)
    else problems.push(`the ${what} ${id} is not in Lever`)
  }
  if (!settings.performAs) problems.push('no perform-as user is chosen (Lever needs one for feedback and files)')
  else {
    const user = (await collect(lever.users.list())).find((u) => u.id === settings.performAs)
    if (user) found.push(`perform-as user ${user.name ?? user.id}`)
    else problems.push(`the perform-as user ${settings.performAs} is not an active Lever user`)
  }
  return problems.length > 0
    ? { ok: false, detail: `${problems.join('; ')}.` }
    : { ok: true, detail: `found the ${found.join(', ')}` }
}
