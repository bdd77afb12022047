import type { WebhookEvent } from '@baton/db'
import { enqueue, jobIds, QUEUE, type JobData, type JobToAdd } from '@baton/queues'
import type { CoreDeps } from '../deps'

/** The Lever event types whose handling ends in an invitation evaluation. */
const TRIGGER_OF_EVENT_TYPE: Record<string, JobData<'invitations'>['trigger']> = {
  candidateStageChange: 'stageChange',
  applicationCreated: 'applicationCreated',
}

/**
 * The invitation job an inbox event hands over to. The lever-events handlers and the inbox
 * sweeper derive it alike, so the sweeper re-creating a job Redis lost is the same job.
 */
export function invitationJobFor(
  event: Pick<WebhookEvent, 'id' | 'tenantId' | 'type' | 'opportunityId'>,
): JobToAdd<'invitations'> {
  const trigger = TRIGGER_OF_EVENT_TYPE[event.type]
  if (!trigger || !event.opportunityId)
    throw new Error(`event ${event.id} (${event.type}) has no invitation`)
  return {
    data: {
      tenantId: event.tenantId,
      opportunityId: event.opportunityId,
      trigger,
      eventId: event.id,
    },
    options: { jobId: jobIds.invitation(event.id) },
  }
}

/**
 * Hands an event over to its invitation evaluation. The event is then `awaiting_invitation`
 * (not yet `processed`): the invitation job marks it processed once it has run, so an event
 * whose job Redis lost is found and queued again by the sweeper.
 */
export async function queueEventInvitation(
  deps: Pick<CoreDeps, 'queues'>,
  event: Pick<WebhookEvent, 'id' | 'tenantId' | 'type' | 'opportunityId'>,
): Promise<'awaiting_invitation'> {
  const job = invitationJobFor(event)
  await enqueue(deps.queues, QUEUE.invitations, job.data, job.options)
  return 'awaiting_invitation'
}
