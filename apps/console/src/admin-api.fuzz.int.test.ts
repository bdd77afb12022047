import http from 'node:http'
import request from 'supertest'
import { DEFAULT_API_KEY } from '@baton/lever-sandbox'
import { fuzzRequests, seededRandom, type FuzzRequest } from './test-support/admin-fuzz'
import { createOperatorAsAdmin } from './test-support/operators'
import {
  startTestConsole,
  TEST_ADMIN_TOKEN as ADMIN,
  type TestConsole,
} from './test-support/test-console'

// Replay a failing run with FUZZ_SEED=<the seed it printed>.
const SEED = Number(process.env.FUZZ_SEED ?? 16)
const COUNT = 1200

let harness: TestConsole
let base: URL
beforeAll(async () => {
  harness = await startTestConsole('admin-fuzz', { oauth: true })
  base = new URL(await harness.listen())
})
afterAll(() => harness.close())

interface Answer {
  status: number
  body: unknown
}

/** Sends one request as it is (raw path, any method, any body) on a fresh connection. */
function send(req: FuzzRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = {
      ...req.headers,
      ...(req.body !== undefined ? { 'content-length': String(Buffer.byteLength(req.body)) } : {}),
    }
    const outgoing = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.path,
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let body: unknown = text
          try {
            body = text ? JSON.parse(text) : undefined
          } catch {
            // Not JSON: the shape check below reports it.
          }
          resolve({ status: res.statusCode ?? 0, body })
        })
      },
    )
    // A server that refuses a large body early may reset the connection after its answer.
    outgoing.on('error', (err) => (outgoing.writableFinished ? undefined : reject(err)))
    outgoing.end(req.body)
  })
}

/** The shared error shape of packages/http: `{ error: { code, message, ... } }`. */
const hasErrorShape = (body: unknown) => {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error
  return typeof error?.code === 'string' && typeof error.message === 'string'
}

describe('admin API under fuzzing', () => {
  it(`answers ${COUNT} seeded random requests (seed ${SEED}) without a 5xx, every 4xx in the shared error shape`, async () => {
    const create = (body: object) =>
      request(harness.app).post('/api/tenants').set('Authorization', `Bearer ${ADMIN}`).send(body)
    const connected = await create({
      name: 'Fuzz target',
      lever: { apiKey: DEFAULT_API_KEY },
      signingTokens: ['token-0123456789'],
    })
    const bare = await create({ name: 'Fuzz bare' })
    const token = await harness.core.db.signingToken.findFirstOrThrow({
      where: { tenantId: connected.body.id },
    })
    const targets = { tenantIds: [connected.body.id, bare.body.id], tokenIds: [token.id] }
    const viewer = await createOperatorAsAdmin(harness, 'viewer')

    const statuses = new Map<number, number>()
    const wrong: { request: string; status: number; body: unknown }[] = []
    for (const req of fuzzRequests(seededRandom(SEED), COUNT, targets, ADMIN, viewer.token)) {
      const answer = await send(req)
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
      const badShape = answer.status >= 400 && req.method !== 'HEAD' && !hasErrorShape(answer.body)
      if (answer.status >= 500 || badShape) {
        wrong.push({
          request: `${req.method} ${req.path.slice(0, 120)} [${req.kind}, ${req.headers['content-type'] ?? 'no type'}]`,
          status: answer.status,
          body: answer.body,
        })
      }
    }
    expect(wrong).toEqual([])
    const count = (from: number, to: number) =>
      [...statuses].filter(([s]) => s >= from && s < to).reduce((n, [, c]) => n + c, 0)
    expect(count(0, 600)).toBe(COUNT)
    // The fuzz reaches the handlers, not only the parsers: some requests succeed, each refusal kind occurs.
    expect(count(200, 300)).toBeGreaterThan(50)
    for (const status of [400, 401, 403, 404, 413, 415]) expect(statuses.get(status)).toBeGreaterThan(0)
  }, 180_000)
})
