import { LeverAuthError, LeverNotFoundError, type LeverClient } from '@baton/lever'
import type { CoreDeps } from '../deps'

/** Lever refused an API key (401/403) that an admin gave to create or connect a tenant. */
export class LeverKeyRejectedError extends Error {
  constructor() {
    super('Lever did not accept this API key')
    this.name = 'LeverKeyRejectedError'
  }
}

/**
 * Checks an API key with one cheap Lever call before anything is stored with it, and returns a
 * client on it. A 404 still proves the key: Lever authenticates before it looks the stage up.
 */
export async function checkLeverApiKey(
  deps: Pick<CoreDeps, 'lever'>,
  apiKey: string,
): Promise<LeverClient> {
  const lever = deps.lever.forApiKey(apiKey)
  try {
    await lever.stages.get('offer')
  } catch (err) {
    if (err instanceof LeverAuthError) throw new LeverKeyRejectedError()
    if (!(err instanceof LeverNotFoundError)) throw err
  }
  return lever
}
