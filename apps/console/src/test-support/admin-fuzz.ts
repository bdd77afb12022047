import { openApiDocument } from '../openapi'
import { fuzzBody } from './fuzz-bodies'
import { randomUuid, type Random } from './seeded-random'

export { seededRandom } from './seeded-random'

/** One request to send: what the fuzzer chose, for the report when it goes wrong. */
export interface FuzzRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
  /** The kind of body, for the report. */
  kind: string
}

/** Real ids the requests mix in, so many of them reach past the 404s. */
export interface FuzzTargets {
  tenantIds: string[]
  tokenIds: string[]
}

/** Path parameter values that are no id at all; those with `%` go raw, to test the decoding. */
const GARBAGE = [
  'not-a-uuid',
  '%zz',
  '%E0%A4%A',
  '%00',
  '..',
  'constructor',
  '__proto__',
  'toString',
  "'; DROP TABLE tenants;--",
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(3000),
  'ünïcødé-😀',
  ' ',
]

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']

/** A value for a path parameter: a real one, or one that is wrong in a new way. */
function paramValue(rng: Random, name: string, targets: FuzzTargets): string {
  const real: Record<string, string[]> = {
    id: targets.tenantIds,
    tokenId: targets.tokenIds,
    list: ['stages', 'users', 'archive-reasons'],
    task: ['send-tests-scan', 'posting-sync', 'health-check'],
    opportunityId: ['opp-1'],
  }
  if (rng.chance(0.6) && real[name]?.length) return rng.pick(real[name])
  if (rng.chance(0.2)) return randomUuid(rng)
  const garbage = rng.pick(GARBAGE)
  return garbage.includes('%') ? garbage : encodeURIComponent(garbage)
}

/** The documented admin routes (openapi.ts), so the fuzz follows the API as it grows. */
function documentedRoutes(): { path: string; methods: string[] }[] {
  return (
    Object.entries(openApiDocument().paths)
      // The self-test calls out to PUBLIC_URL: in tests a made-up host, so it would fuzz timeouts.
      .filter(([path]) => !path.endsWith('/run/self-test'))
      .map(([path, operations]) => ({ path, methods: Object.keys(operations).map((m) => m.toUpperCase()) }))
  )
}

/**
 * `count` requests over the admin API's routes: mostly the documented method, sometimes another;
 * real and garbage ids; bodies of every kind; now and then an Idempotency-Key, a query string, a
 * viewer's token (`viewerToken`), or no token.
 */
export function* fuzzRequests(
  rng: Random,
  count: number,
  targets: FuzzTargets,
  token: string,
  viewerToken?: string,
): Generator<FuzzRequest> {
  const routes = [
    ...documentedRoutes(),
    { path: '/api/nope', methods: ['GET'] },
    { path: '/api/tenants/{id}/nope', methods: ['POST'] },
  ]
  for (let n = 0; n < count; n++) {
    const route = rng.pick(routes)
    const method = rng.chance(0.8) ? rng.pick(route.methods) : rng.pick(METHODS)
    let path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => paramValue(rng, name, targets))
    if (rng.chance(0.1))
      path += rng.pick([
        '?opportunityId=opp-1',
        '?opportunityId=a&opportunityId=b',
        '?x[y]=1',
        '?%zz',
      ])
    const { kind, type, body } = fuzzBody(rng, route.path, targets)
    const headers: Record<string, string> = {}
    if (!rng.chance(0.03)) {
      headers.authorization = `Bearer ${viewerToken && rng.chance(0.1) ? viewerToken : token}`
    }
    if (type) headers['content-type'] = type
    if (rng.chance(0.15))
      headers['idempotency-key'] = rng.pick([
        'fuzz-key-1',
        'fuzz-key-2',
        randomUuid(rng),
        'has spaces',
        'k'.repeat(300),
      ])
    yield { method, path, headers, body, kind }
  }
}
