// The bodies of the admin API fuzz (admin-fuzz.ts): right, nearly right, and wrong in every way.
import type { FuzzTargets } from './admin-fuzz'
import type { Random } from './seeded-random'

/** Content types the admin API does not read. */
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'application/json; charset=latin1',
  'application/merge-patch+json',
  '',
]

/** Values of every JSON type, and some hostile strings. */
function anyValue(rng: Random, depth = 0): unknown {
  const kinds = ['string', 'number', 'bool', 'null', 'array', 'object', 'hostile']
  switch (rng.pick(depth > 2 ? kinds.slice(0, 4) : kinds)) {
    case 'string':
      return rng.pick([
        '',
        'x',
        'Acme',
        'sandbox-api-key',
        'lead-new',
        'offer',
        ' '.repeat(rng.int(5)),
      ])
    case 'number':
      return rng.pick([0, -1, 1.5, 60, 101, 1e308, -0, 2 ** 53])
    case 'bool':
      return rng.chance(0.5)
    case 'null':
      return null
    case 'array':
      return Array.from({ length: rng.int(4) }, () => anyValue(rng, depth + 1))
    case 'object':
      return Object.fromEntries(
        Array.from({ length: rng.int(4) }, () => [
          rng.pick(['a', 'name', 'token', 'high', '__proto__']),
          anyValue(rng, depth + 1),
        ]),
      )
    default:
      return rng.pick([
        '\u0000',
        '<script>alert(1)</script>',
        '${jndi:x}',
        '%s%s%n',
        '😀'.repeat(50),
        'x'.repeat(rng.int(20_000)),
      ])
  }
}

/** Bodies that are right, or nearly, per route: the fuzz must reach the handlers, not only the parsers. */
function plausibleBody(rng: Random, path: string, targets: FuzzTargets): Record<string, unknown> {
  if (path === '/api/tenants') {
    return {
      name: rng.pick(['Fuzz', '', 'x'.repeat(201), 'Fuzz tenant']),
      ...(rng.chance(0.3) ? { brand: rng.pick(['Zeta', '', 'b'.repeat(61)]) } : {}),
      ...(rng.chance(0.3)
        ? { lever: { apiKey: rng.pick(['sandbox-api-key', 'not-a-real-key', 'short']) } }
        : {}),
      ...(rng.chance(0.3) ? { signingTokens: [rng.pick(['token-0123456789', 'short'])] } : {}),
      ...(rng.chance(0.4)
        ? {
            settings: {
              passingScore: rng.int(150),
              triggerStageId: rng.pick(['offer', 'no-such-stage', '']),
            },
          }
        : {}),
    }
  }
  if (path.endsWith('/settings')) {
    const keys = [
      'passingScore',
      'triggerStageId',
      'performAs',
      'bands',
      'writeBack',
      'blockedOrigins',
      'brand',
      'sourcing',
    ]
    return Object.fromEntries(
      Array.from({ length: 1 + rng.int(3) }, () => [rng.pick(keys), anyValue(rng)]),
    )
  }
  if (path.endsWith('/signing-tokens')) return { token: rng.pick(['rotated-token-2', 'short', '']) }
  if (path.endsWith('/api-key')) return { apiKey: rng.pick(['sandbox-api-key', 'not-a-real-key']) }
  if (path === '/api/operators') {
    return { name: rng.pick(['Fuzz operator', '', 'x'.repeat(101)]), role: rng.pick(['admin', 'viewer', 'owner']) }
  }
  if (path.endsWith('/replay')) {
    return {
      ...(rng.chance(0.5) ? { queue: rng.pick(['invitations', 'nope']) } : {}),
      ...(rng.chance(0.5) ? { tenantId: rng.pick(targets.tenantIds) } : {}),
      ...(rng.chance(0.3) ? { jobId: 'job-1' } : {}),
    }
  }
  return {}
}

/** A body and its content type, of one of the kinds the admin API must refuse (or accept) cleanly. */
export function fuzzBody(
  rng: Random,
  path: string,
  targets: FuzzTargets,
): { kind: string; type: string; body?: string } {
  const json = 'application/json'
  const plausible = plausibleBody(rng, path, targets)
  const kind = rng.pick([
    'none',
    'plausible',
    'plausible',
    'wrong-types',
    'unknown-field',
    'malformed',
    'scalar',
    'huge',
    'deep',
    'proto',
    'wrong-type',
  ])
  switch (kind) {
    case 'none':
      return { kind, type: '' }
    case 'plausible':
      return { kind, type: json, body: JSON.stringify(plausible) }
    case 'wrong-types':
      return {
        kind,
        type: json,
        body: JSON.stringify(
          Object.fromEntries(Object.keys({ name: 1, ...plausible }).map((k) => [k, anyValue(rng)])),
        ),
      }
    case 'unknown-field':
      return {
        kind,
        type: json,
        body: JSON.stringify({
          ...plausible,
          [rng.pick(['extra', 'nmae', 'isAdmin', ''])]: anyValue(rng),
        }),
      }
    case 'malformed': {
      const text = JSON.stringify(plausible)
      return {
        kind,
        type: json,
        body: rng.pick([
          text.slice(0, rng.int(text.length)),
          `${text},`,
          "{'name': 'x'}",
          '{"a":}',
          'nul',
          '\u0000\u0001',
          '{"a": NaN}',
        ]),
      }
    }
    case 'scalar':
      return { kind, type: json, body: rng.pick(['"name"', '42', 'null', 'true', '[]', '[{}]']) }
    case 'huge':
      return {
        kind,
        type: json,
        body: JSON.stringify({
          ...plausible,
          name: 'x'.repeat(rng.pick([10_000, 200_000, 300_000])),
        }),
      }
    case 'deep':
      return { kind, type: json, body: `${'['.repeat(5000)}${']'.repeat(5000)}` }
    case 'proto':
      return {
        kind,
        type: json,
        body: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}, "name": "Proto"}',
      }
    default:
      return {
        kind,
        type: rng.pick(CONTENT_TYPES),
        body: rng.chance(0.5) ? JSON.stringify(plausible) : 'name=Fuzz&passingScore=10',
      }
  }
}
