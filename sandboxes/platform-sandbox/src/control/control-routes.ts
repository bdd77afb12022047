import { controlRoute as route, type ControlRoute } from '@baton/sandbox-control'

/** Every action may wait for its event's delivery, and may skip sending it (`deliver: false`). */
const WAIT = 'wait=true (answer once the event was delivered or gave up)'
const order = '/tenants/:tenantId/orders/:orderId'

/**
 * Every control route, in the order a reader meets them. `control-index.int.test.ts` checks this
 * list against the routes the app registers under `/_sandbox`, both ways, so it cannot drift.
 */
export const CONTROL_ROUTES: readonly ControlRoute[] = [
  route('GET', '', 'This list (JSON, or an HTML page for a browser).'),
  route('POST', `${order}/start`, 'The candidate starts: open → started; sends order.started.', {
    query: WAIT,
    body: '{ startedAt?, deliver? = true }',
  }),
  route(
    'POST',
    `${order}/score`,
    'A result: sends order.scored; final (the default) makes the order scored, a partial one keeps it started.',
    {
      query: WAIT,
      body: '{ score, final? = true, sections?, summary?, passingScore?, completedAt?, report?, deliver? = true }',
    },
  ),
  route('POST', `${order}/bounce`, 'The invitation bounced: open → bounced; sends order.bounced.', {
    query: WAIT,
    body: '{ reason? = "mailbox unavailable", deliver? = true }',
  }),
  route(
    'POST',
    '/tenants/:tenantId/candidates/source',
    'A candidate interviewed outside Lever: sends candidate.sourced with a recruiter page and a report.',
    {
      query: WAIT,
      body: '{ outcome: passed | failed, candidate: { name, email, phone?, pseudonym? }, postingId?, score?, summary?, assessment?, report?, deliver? = true }',
    },
  ),
  route(
    'POST',
    '/callbacks/drop',
    'The next count events are recorded as dropped and never sent.',
    {
      body: '{ count? = 1 }',
    },
  ),
  route(
    'POST',
    '/deliveries/:id/redeliver',
    'Sends a recorded event again with the same webhook-id.',
    {
      query: WAIT,
    },
  ),
  route('POST', '/faults', 'The next count /v1 requests (after auth) answer status.', {
    body: '{ status? = 500, count? = 1 }',
  }),
  route(
    'PUT',
    '/webhook-url',
    "Changes where events go (Baton's POST /webhooks/platform); null stops sending.",
    {
      body: '{ url: string | null }',
    },
  ),
  route('GET', '/orders', 'Orders with status, URLs and result.', {
    query: 'tenantId, opportunityId',
  }),
  route('GET', '/postings', 'Postings Baton pushed, with how often (upserts).', {
    query: 'tenantId',
  }),
  route('GET', '/candidate-events', 'The hired and stage_changed events Baton sent.', {
    query: 'tenantId, opportunityId',
  }),
  route('GET', '/sourced-candidates', 'Candidates reported through candidates/source.'),
  route('GET', '/erasures', 'Erase requests Baton sent.'),
  route('GET', '/deliveries', 'Events with their status and attempts.', {
    query: 'tenantId, type',
  }),
  route(
    'GET',
    '/report-downloads',
    'Report bodies sent, and whether the client read them to the end.',
    {
      query: 'reportId',
    },
  ),
  route(
    'GET',
    '/stats',
    '/v1 request counts by route and status, delivery counts, pending drops and faults.',
  ),
  route('POST', '/reset', 'Forgets everything.'),
]
