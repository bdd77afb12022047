import { z } from 'zod'
import { tenantHealthSchema } from '@baton/core'
import { settingsPatchSchema, TENANT_STATUSES } from '@baton/domain'
import { createTenantBody } from './create-tenant'
import { auditPage, auditQuery } from './routes/audit.route'
import { replayBody } from './routes/dead-letters.route'
import { operatorBody } from './routes/operators.route'
import { requestLogPage, requestLogQuery, requestStatsBody } from './routes/request-log.route'
import { webhookLogPage, webhookLogQuery } from './routes/webhook-log.route'
import { apiKeyBody } from './routes/lever-data.route'
import { signingTokenBody } from './routes/tenants.route'

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  summary: string
  body?: z.ZodType
  status: number
  /** The success answer's shape, where it is documented. */
  response?: z.ZodType
  /** Request headers the route reads. */
  headers?: { name: string; description: string }[]
  /** Query parameters the route reads (all optional). */
  query?: { name: string; description: string }[]
  /** Error answers beyond the ones every route has. */
  errors?: Record<number, string>
}

const tenantStatus = z
  .enum(TENANT_STATUSES)
  .describe(
    'needs_setup until the tenant has a Lever credential, a trigger stage and a perform-as user, then active',
  )

/** `POST /api/tenants`'s answer (contract.md §2). */
const createdTenant = z.object({
  id: z.uuid(),
  webhookUrl: z.string(),
  settings: z.record(z.string(), z.unknown()),
  status: tenantStatus,
})

/** `GET /api/tenants/{id}`: the tenant (tenant-view.ts) with its health. */
const tenantWithHealth = createdTenant.extend({
  name: z.string(),
  createdAt: z.iso.datetime(),
  health: tenantHealthSchema,
})

/** Every admin route; request bodies come from the same zod schemas the routes validate with. */
const operations: Operation[] = [
  {
    method: 'post',
    path: '/api/tenants',
    summary:
      'Create a tenant; nothing is created unless the body, settings and Lever key are all right',
    body: createTenantBody,
    status: 201,
    response: createdTenant,
    headers: [
      {
        name: 'Idempotency-Key',
        description:
          'optional, 1 to 255 visible ASCII characters: a retry with the same key and body answers the first 201 again (Idempotent-Replayed: true) and creates nothing; keys are kept 24 hours',
      },
    ],
    errors: {
      400: 'Invalid input, every problem named in fields; code lever_rejected_key when Lever refused the API key, invalid_settings when only settings are wrong, else invalid_request',
      409: 'idempotency_key_in_use: a request with this Idempotency-Key is still running',
      422: 'idempotency_key_reused: this Idempotency-Key was used with another body',
    },
  },
  { method: 'get', path: '/api/tenants', summary: 'List tenants', status: 200 },
  {
    method: 'get',
    path: '/api/tenants/{id}',
    summary: 'Read a tenant with its health (never a key, token or secret)',
    status: 200,
    response: tenantWithHealth,
  },
  {
    method: 'patch',
    path: '/api/tenants/{id}/settings',
    summary:
      'Change settings; 400 names every bad field at once; the status follows (active or needs_setup)',
    body: settingsPatchSchema,
    status: 200,
  },
  {
    method: 'post',
    path: '/api/tenants/{id}/signing-tokens',
    summary: 'Add a Lever signing token',
    body: signingTokenBody,
    status: 201,
  },
  {
    method: 'delete',
    path: '/api/tenants/{id}/signing-tokens/{tokenId}',
    summary: 'Remove a signing token',
    status: 204,
  },
  {
    method: 'put',
    path: '/api/tenants/{id}/lever/api-key',
    summary:
      'Connect by API key (checked with Lever first); the status follows (active or needs_setup)',
    body: apiKeyBody,
    status: 200,
    errors: { 400: 'Invalid input, or lever_rejected_key when Lever refused the key' },
  },
  {
    method: 'get',
    path: '/api/tenants/{id}/oauth/start',
    summary: 'Lever authorize URL with a signed state (admins only: it lets the callback connect)',
    status: 200,
    errors: { 403: 'forbidden: a viewer cannot start a connection' },
  },
  {
    method: 'get',
    path: '/api/tenants/{id}/lever/{list}',
    summary: 'Lever stages, users or archive-reasons for forms',
    status: 200,
  },
  {
    method: 'post',
    path: '/api/tenants/{id}/run/{task}',
    summary: 'Run send-tests-scan, posting-sync or health-check now',
    status: 202,
  },
  {
    method: 'post',
    path: '/api/tenants/{id}/run/self-test',
    summary: "Self-test: the tenant's credential, webhooks, a signed ping through PUBLIC_URL, stages and user; on the sandboxes a candidate end to end",
    status: 200,
  },
  {
    method: 'get',
    path: '/api/tenants/{id}/candidates',
    summary: 'Find candidates for the explainer (?q= an email, an opportunity id, or a name among those evaluated lately)',
    status: 200,
  },
  {
    method: 'get',
    path: '/api/tenants/{id}/opportunities/{opportunityId}/decisions',
    summary: 'Why a candidate was (not) invited: the records, newest first, the deciding one marked, with names for ids',
    status: 200,
  },
  {
    method: 'get',
    path: '/api/tenants/{id}/opportunities/{opportunityId}/timeline',
    summary:
      "A candidate's timeline in time order: Lever events, refused webhooks, decisions (names, not ids), orders, results, platform events, Lever writes and failed calls",
    status: 200,
  },
  {
    method: 'get',
    path: '/api/requests',
    summary:
      'The request log: every call Baton made to Lever and the platform (ids, route template, status, timings; never a body or secret), newest first, a page at a time',
    status: 200,
    query: requestLogQuery,
    response: requestLogPage,
    errors: { 400: 'invalid_filter: a bad or unknown query parameter, each named in fields' },
  },
  {
    method: 'get',
    path: '/api/tenants/{id}/request-stats',
    summary:
      "The tenant's calls to Lever and the platform over the last 24 hours: total, failed, error rate, 429s, and the URL of its failing requests",
    status: 200,
    response: requestStatsBody,
  },
  {
    method: 'get',
    path: '/api/webhooks',
    summary:
      'The webhook log: every Lever and platform webhook received, with its outcome (accepted, duplicate, rejected and why), tenant, type and ids (never the payload), newest first, a page at a time',
    status: 200,
    query: webhookLogQuery,
    response: webhookLogPage,
    errors: { 400: 'invalid_filter: a bad or unknown query parameter, each named in fields' },
  },
  {
    method: 'get',
    path: '/api/tenants/{id}/orders',
    summary: 'Orders with status and result (?opportunityId=)',
    status: 200,
  },
  { method: 'get', path: '/api/tenants/{id}/issues', summary: 'Open tenant issues', status: 200 },
  {
    method: 'get',
    path: '/api/tenants/{id}/tag-templates',
    summary: "The tenant's tag templates (defaults with its overrides)",
    status: 200,
  },
  {
    method: 'get',
    path: '/api/settings-schema',
    summary: 'Choices of the settings page: blockable origins, write-back toggles',
    status: 200,
  },
  {
    method: 'post',
    path: '/api/tenants/{id}/disconnect',
    summary: 'Disconnect the tenant from Lever',
    status: 200,
  },
  {
    method: 'post',
    path: '/api/dead-letters/replay',
    summary: 'Retry failed jobs: one job, one queue, or one tenant',
    body: replayBody,
    status: 202,
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'Who is signed in: { id (null for ADMIN_TOKEN), name, role }',
    status: 200,
  },
  {
    method: 'get',
    path: '/api/operators',
    summary: 'Operators, revoked ones too: { id, name, role, createdAt, createdBy, revokedAt }; never a token',
    status: 200,
  },
  {
    method: 'post',
    path: '/api/operators',
    summary: 'Create an operator (admin or viewer) → { id, name, role, token }: the token is shown this once',
    body: operatorBody,
    status: 201,
    errors: { 409: 'operator_name_taken: an operator who is not revoked has this name' },
  },
  {
    method: 'delete',
    path: '/api/operators/{id}',
    summary: "Revoke an operator's token, at once (yourself too); revoking again changes nothing",
    status: 204,
    errors: { 404: 'operator_not_found' },
  },
  {
    method: 'get',
    path: '/api/audit',
    summary:
      'The audit log: who changed what through the admin API or the console, and when (never a secret), newest first, a page at a time',
    status: 200,
    query: auditQuery,
    response: auditPage,
    errors: { 400: 'invalid_filter: a bad or unknown query parameter, each named in fields' },
  },
]

/** The OpenAPI 3.1 document of the admin API, built from the route table above. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of operations) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }))
    paths[op.path] ??= {}
    paths[op.path][op.method] = {
      summary: op.summary,
      parameters: [
        ...params,
        ...(op.headers ?? []).map((h) => ({
          name: h.name,
          in: 'header',
          required: false,
          description: h.description,
          schema: { type: 'string' },
        })),
        ...(op.query ?? []).map((q) => ({
          name: q.name,
          in: 'query',
          required: false,
          description: q.description,
          schema: { type: 'string' },
        })),
      ],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: z.toJSONSchema(op.body, { io: 'input', unrepresentable: 'any' }),
                },
              },
            },
          }
        : {}),
      responses: {
        [op.status]: {
          description: 'OK',
          ...(op.response
            ? {
                content: {
                  'application/json': {
                    schema: z.toJSONSchema(op.response, { unrepresentable: 'any' }),
                  },
                },
              }
            : {}),
        },
        400: {
          description: 'Invalid input: { error: { code, message, fields? } }, e.g. malformed_json',
        },
        401: { description: "No or wrong token (ADMIN_TOKEN or an operator's)" },
        // A viewer reads everything and changes nothing (auth.ts).
        ...(op.method !== 'get' ? { 403: { description: 'forbidden: a viewer changes nothing' } } : {}),
        404: { description: 'Unknown tenant' },
        ...(op.body
          ? { 415: { description: 'unsupported_media_type: the body is not application/json' } }
          : {}),
        ...Object.fromEntries(
          Object.entries(op.errors ?? {}).map(([status, description]) => [status, { description }]),
        ),
      },
      security: [{ bearer: [] }],
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Baton console API', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  }
}
