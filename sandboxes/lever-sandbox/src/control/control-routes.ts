import { controlRoute as route, type ControlRoute } from '@baton/sandbox-control'

/**
 * Every control route, in the order a reader meets them. `control-index.int.test.ts` checks this
 * list against the routes the control router registers, both ways, so it cannot drift.
 */
export const CONTROL_ROUTES: readonly ControlRoute[] = [
  route('GET', '', 'This list (JSON, or an HTML page for a browser).'),
  route(
    'POST',
    '/reset',
    'Restores the seed and the starting webhook settings; clears webhooks, deliveries, stats, OAuth grants and faults.',
  ),
  route(
    'GET',
    '/stats',
    'Request counts by route, credential and status, the request log and the deliveries.',
  ),
  route('DELETE', '/stats', 'Clears the request log and so the counters.'),
  route('GET', '/requests', 'The request log, narrowed by exact, repeatable filters.', {
    query: 'method, route, path',
  }),
  route('GET', '/faults', 'The injected faults: error rate, latency and after-apply rules.'),
  route('PUT', '/faults', 'Changes the injected faults; null or [] clears the after-apply rules.', {
    body: '{ errorRate?, latencyMs?, afterApply?: [{ mode, rate, status?, routes? }] | null }',
  }),
  route(
    'GET',
    '/opportunities/:id',
    'An opportunity with its notes, feedback and files, confidential or not.',
  ),
  route(
    'POST',
    '/opportunities/:id/stage',
    'Moves it to a stage as a recruiter would; fires candidateStageChange.',
    {
      body: '{ stageId, userId? }',
    },
  ),
  route(
    'POST',
    '/applications',
    'Adds a candidate who applied to a posting; fires applicationCreated.',
    {
      body: '{ postingId, contactId? | name?, email?, origin? = applied, stageId? = applicant-new, tags? }',
    },
  ),
  route(
    'POST',
    '/opportunities/:id/tags',
    'Adds and removes tags; fires no webhook, as in Lever.',
    {
      body: '{ add?: [], remove?: [] }',
    },
  ),
  route(
    'POST',
    '/opportunities/:id/hire',
    'Hires the candidate; fires candidateHired and candidateArchiveChange.',
    {
      body: '{ reasonId? }',
    },
  ),
  route(
    'POST',
    '/opportunities/:id/archive',
    'Archives it with a reason; fires candidateArchiveChange.',
    {
      body: '{ reasonId }',
    },
  ),
  route('POST', '/opportunities/:id/unarchive', 'Unarchives it; fires candidateArchiveChange.'),
  route('DELETE', '/opportunities/:id', 'Deletes it; fires candidateDeleted.', {
    body: '{ userId? }',
  }),
  route('GET', '/webhooks', 'Every webhook registration, with its signature token and owner.'),
  route('DELETE', '/webhooks/:webhookId', 'Loses a registration without telling its owner.'),
  route(
    'POST',
    '/webhooks/:webhookId/ping',
    "Lever's Verify test request: one attempt, sent even while its event is off.",
  ),
  route('GET', '/deliveries', 'Webhook deliveries with their attempts.', {
    query: 'event, webhookId, status, kind',
  }),
  route('POST', '/deliveries/settle', 'Waits until no delivery is pending.', {
    body: '{ timeoutMs? = 10000 }',
  }),
  route(
    'POST',
    '/deliveries/:deliveryId/rerun',
    'Sends a delivery again, as the admin UI\'s "Rerun" does.',
  ),
  route(
    'GET',
    '/webhook-settings',
    "Which webhook events are switched on, as on Lever's settings page.",
  ),
  route(
    'PUT',
    '/webhook-settings',
    'Switches every event (enabled), then the ones named (events).',
    {
      body: '{ enabled?: boolean, events?: { <event>: boolean } }',
    },
  ),
  route('GET', '/oauth/grants', 'OAuth grants, as a Super Admin sees them under Authorized Apps.'),
  route('POST', '/oauth/grants/:grantId/revoke', 'Revokes a grant: its tokens stop working.'),
  route('POST', '/oauth/deny-next', 'Makes the next /authorize answer access_denied.'),
]
