import { z } from 'zod'
import { settingsPatchSchema } from '@baton/domain'
import { replayBody } from './routes/dead-letters.route'
import { apiKeyBody } from './routes/lever-data.route'
import { createTenantBody, signingTokenBody } from './routes/tenants.route'

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  summary: string
  body?: z.ZodType
  status: number
}

/** Every admin route; request bodies come from the same zod schemas the routes validate with. */
const operations: Operation[] = [
  {
    method: 'post',
    path: '/api/tenants',
    summary: 'Create a tenant',
    body: createTenantBody,
    status: 201,
  },
  { method: 'get', path: '/api/tenants', summary: 'List tenants', status: 200 },
  {
    method: 'get',
    path: '/api/tenants/{id}',
    summary: 'Read a tenant (never a key, token or secret)',
    status: 200,
  },
  {
    method: 'patch',
    path: '/api/tenants/{id}/settings',
    summary: 'Change settings; 400 names each bad field',
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
    summary: 'Connect by API key (checked with Lever first)',
    body: apiKeyBody,
    status: 200,
  },
  {
    method: 'get',
    path: '/api/tenants/{id}/oauth/start',
    summary: 'Lever authorize URL with a signed state',
    status: 200,
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
    method: 'get',
    path: '/api/tenants/{id}/opportunities/{opportunityId}/decisions',
    summary: 'Why a candidate was (not) invited',
    status: 200,
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
      parameters: params,
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
        [op.status]: { description: 'OK' },
        400: { description: 'Invalid input: { error: { code, message, fields? } }' },
        401: { description: 'No or wrong admin token' },
        404: { description: 'Unknown tenant' },
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
