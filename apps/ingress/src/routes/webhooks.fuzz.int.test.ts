import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createTenant } from '@baton/db'
import { signLeverWebhook } from '@baton/lever'
import { signPlatformWebhook } from '@baton/platform'
import { QUEUE } from '@baton/queues'
import { ingressHarness } from '../test-support/ingress-harness'

// ≥ 10,000 malformed, truncated, oversized, unsigned, wrongly signed, replayed and cross-tenant
// requests to both webhook endpoints: no 5xx, nothing processed but the one valid event, and the
// process still healthy.
const h = ingressHarness()
let base = ''
const server = createServer(h.app)

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.close()
  await h.close()
})

/** A small deterministic PRNG, so a failure can be reproduced. */
function prng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
}

it('survives 10,000 bad requests with no 5xx and processes only the valid event once', async () => {
  const a = await createTenant(h.db, h.encryptor, { name: 'A', settings: {}, signingTokens: ['token-of-a'] })
  const b = await createTenant(h.db, h.encryptor, { name: 'B', settings: {}, signingTokens: ['token-of-b'] })
  const data = { opportunityId: 'o1', candidateId: 'o1', contactId: 'c1', fromStageId: 's1', toStageId: 's2' }
  const valid = signLeverWebhook('token-of-a', { id: 'the-one-valid-event', event: 'candidateStageChange', data })
  const validText = JSON.stringify(valid)
  const random = prng(42)
  const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('')
  const lever = (key: string) => `${base}/webhooks/lever/${key}`
  const platform = `${base}/webhooks/platform`
  const platformBody = JSON.stringify({ type: 'order.started', data: { tenantId: a.id, orderId: 'x', startedAt: new Date().toISOString() } })

  type Case = () => { url: string; body: string | Buffer; headers: Record<string, string> }
  const json = { 'content-type': 'application/json' }
  const cases: Case[] = [
    () => ({ url: lever(a.webhookKey), body: junk(1 + Math.floor(random() * 200)), headers: json }),
    () => ({ url: lever(a.webhookKey), body: validText.slice(0, Math.floor(random() * validText.length)), headers: json }),
    () => ({ url: lever(a.webhookKey), body: Buffer.alloc(300 * 1024, 'a'), headers: json }),
    () => ({ url: lever(a.webhookKey), body: validText, headers: { 'content-type': 'text/plain' } }),
    () => ({ url: lever(a.webhookKey), body: JSON.stringify({ ...valid, signature: undefined }), headers: json }),
    () => ({ url: lever(a.webhookKey), body: JSON.stringify({ ...valid, signature: junk(64) }), headers: json }),
    () => ({ url: lever(a.webhookKey), body: JSON.stringify({ ...valid, triggeredAt: valid.triggeredAt + 1 }), headers: json }),
    () => ({ url: lever(b.webhookKey), body: validText, headers: json }),
    () => ({ url: lever(junk(20).replace(/[^A-Za-z0-9]/g, 'x')), body: validText, headers: json }),
    () => ({ url: lever(a.webhookKey), body: validText, headers: json }),
    () => ({ url: lever(a.webhookKey), body: JSON.stringify([1, 2, 3]), headers: json }),
    () => ({ url: lever(a.webhookKey), body: JSON.stringify({ event: 'candidateStageChange', data: 'nope', token: 1 }), headers: json }),
    () => ({ url: platform, body: junk(80), headers: json }),
    () => ({ url: platform, body: platformBody, headers: json }),
    () => ({ url: platform, body: platformBody, headers: { ...json, ...signPlatformWebhook('whsec_' + Buffer.from('wrong-secret-0123').toString('base64'), 'msg_x', platformBody) } }),
    () => ({ url: platform, body: platformBody.slice(0, 20), headers: { ...json, ...signPlatformWebhook(h.platformSecret, 'msg_y', platformBody) } }),
  ]

  const statuses = new Map<number, number>()
  const total = 10_000
  let next = 0
  const worker = async () => {
    while (next < total) {
      const c = cases[next++ % cases.length]()
      const res = await fetch(c.url, { method: 'POST', headers: c.headers, body: c.body })
      await res.arrayBuffer()
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker))

  const served = [...statuses.values()].reduce((n, v) => n + v, 0)
  expect(served).toBe(total)
  expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([])
  expect([...statuses.keys()].sort()).toEqual([200, 400, 401, 404, 413, 415])
  expect(await h.db.webhookEvent.count({ where: { tenantId: { in: [a.id, b.id] } } })).toBe(1)
  const jobs = await h.queues[QUEUE.leverEvents].getJobs(['waiting', 'prioritized', 'delayed', 'active'])
  expect(jobs.filter((j) => j.data.tenantId === a.id || j.data.tenantId === b.id)).toHaveLength(1)
  expect((await fetch(`${base}/healthz`)).status).toBe(200)
}, 120_000)
