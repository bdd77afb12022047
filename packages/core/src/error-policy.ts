import {
  LeverAuthError,
  LeverInvalidGrantError,
  LeverNotFoundError,
  LeverValidationError,
} from '@baton/lever'
import { PlatformError } from '@baton/platform'
import { UnrecoverableError, type JobContext } from '@baton/queues'
import type { CoreDeps } from './deps'
import { TenantNotConnectedError } from './lever/lever-clients'
import { disconnectTenant } from './tenants/disconnect-tenant'

/**
 * Maps errors to what BullMQ should do (style.md §5). A dead grant (401 after a refresh, or
 * invalid_grant) disconnects the tenant and is never retried; Lever validation and not-found
 * errors and permanent platform errors fail the job at once (it stays in the failed set for
 * replay); everything else is thrown again so the queue's exponential backoff applies.
 */
export async function runWithErrorPolicy<T>(
  deps: CoreDeps,
  tenantId: string,
  job: JobContext,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof LeverInvalidGrantError || (err instanceof LeverAuthError && err.status === 401)) {
      await disconnectTenant(deps, tenantId, { reason: 'lever_auth', message: err.message, revoke: false })
      throw new UnrecoverableError(`tenant disconnected: ${err.message}`)
    }
    if (err instanceof TenantNotConnectedError) throw new UnrecoverableError(err.message)
    if (err instanceof LeverValidationError || err instanceof LeverNotFoundError) {
      throw new UnrecoverableError(`${err.name}: ${err.message}`)
    }
    if (err instanceof PlatformError && !err.retryable) throw new UnrecoverableError(`${err.name}: ${err.message}`)
    job.log.warn({ err }, 'job attempt failed; will retry')
    throw err
  }
}
