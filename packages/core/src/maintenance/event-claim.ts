import { setEventClaim } from '@baton/db'
import type { CoreDeps } from '../deps'
import { holdLease, LOCK_LEASE_MS } from '../locks'

/**
 * Runs a job's handling of its inbox event while claiming the event in Postgres: a lease of
 * LOCK_LEASE_MS, renewed while it runs. Redis can lose a running job (FLUSHALL, a restart
 * without persistence) while its worker carries on; the claim, kept where the event is, stops
 * the sweeper from queueing that event a second time until the run ends or its worker dies.
 * Jobs with no event (the scans' invitations) run unclaimed.
 */
export async function withEventClaim<T>(
  deps: Pick<CoreDeps, 'db'>,
  eventId: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  if (!eventId) return fn()
  await setEventClaim(deps.db, eventId, LOCK_LEASE_MS)
  return holdLease(
    {
      renew: () => setEventClaim(deps.db, eventId, LOCK_LEASE_MS),
      // An unreleased claim only runs out on its own: never a reason to fail the job.
      release: () => setEventClaim(deps.db, eventId, null).catch(() => undefined),
    },
    LOCK_LEASE_MS,
    fn,
  )
}
