import { SEED_STAGES } from '@baton/lever-sandbox'
import { createApplicants, recruiter, startSystem } from '@baton/system-tests'
import { waitFor } from '@baton/testing'
import { openCommandCounter, opsPerSecond, type MasterOps } from './redis-ops'

export interface InvitationThroughput {
  invitationsPerSecond: number
  /** Redis commands/s each master processed during the invitations. */
  opsPerMaster: MasterOps[]
}

/**
 * `count` candidates of one tenant moved into the trigger stage at once, as a recruiter's bulk
 * action does, each invited end to end (Lever webhook → ingress → lever-events → invitations →
 * Invitation Sent tag) on the Redis at `redisUrl`, with a Lever sandbox that has no rate limit.
 * Measured from the first stage move, which fires the first webhook, to the last tag.
 */
export async function measureInvitations(
  redisUrl: string,
  count: number,
): Promise<InvitationThroughput> {
  const system = await startSystem({ redisUrl, roles: ['lever-events', 'invitations'] })
  const counter = await openCommandCounter(redisUrl)
  try {
    await system.createTenant()
    const ids = await createApplicants(system, count, 'Cluster')
    const act = recruiter(system.leverUrl)
    const invited = (id: string) =>
      system.lever.state.opportunities.get(id)?.tags.includes('Acme: Invitation Sent')
    const before = await counter.read()
    const started = Date.now()
    await Promise.all(ids.map((id) => act.moveStage(id, SEED_STAGES.onsiteInterview)))
    await waitFor(() => ids.every(invited), {
      timeoutMs: 5 * 60_000,
      intervalMs: 20,
      what: 'every invitation',
    })
    const seconds = (Date.now() - started) / 1000
    const after = await counter.read()
    return {
      invitationsPerSecond: count / seconds,
      opsPerMaster: opsPerSecond(before, after, seconds),
    }
  } finally {
    counter.close()
    await system.close()
  }
}
