import { Writable } from 'node:stream'
import request from 'supertest'
import { createLogger } from '@baton/logger'
import { signPlatformWebhook } from '@baton/platform'
import { ingressHarness } from './test-support/ingress-harness'

const lines: { level: number; res?: { statusCode: number } }[] = []
const stream = new Writable({
  write(chunk, _enc, done) {
    lines.push(JSON.parse(String(chunk)))
    done()
  },
})
// LOG_LEVEL=warn, as in sandbox mode: only warnings and errors are written.
const h = ingressHarness({ log: createLogger({ name: 'ingress-test', level: 'warn' }, stream) })
afterAll(() => h.close())
beforeEach(() => {
  lines.length = 0
})

describe('the ingress access log at warn', () => {
  it('answers GET /favicon.ico with 204', async () => {
    const res = await request(h.app).get('/favicon.ico')
    expect(res.status).toBe(204)
    expect(lines).toEqual([])
  })

  it('writes nothing for unknown paths, unknown webhook keys and bad signatures', async () => {
    expect((await request(h.app).get('/wp-login.php')).status).toBe(404)
    const leverEvent = {
      event: 'candidateStageChange',
      triggeredAt: Date.now(),
      token: 't',
      signature: 's',
      data: {},
    }
    expect((await request(h.app).post('/webhooks/lever/no-such-key').send(leverEvent)).status).toBe(
      404,
    )
    const body = JSON.stringify({ type: 'order.started', data: {} })
    const wrong = signPlatformWebhook(
      `whsec_${Buffer.from('another-secret').toString('base64')}`,
      'msg_1',
      body,
    )
    const refused = await request(h.app)
      .post('/webhooks/platform')
      .set('Content-Type', 'application/json')
      .set({ ...wrong })
      .send(body)
    expect(refused.status).toBe(401)
    expect(lines).toEqual([])
  })

  it('still warns about other client errors', async () => {
    expect(
      (
        await request(h.app)
          .post('/webhooks/platform')
          .set('Content-Type', 'application/json')
          .send('{}')
      ).status,
    ).toBe(400)
    expect(lines).toEqual([expect.objectContaining({ level: 40, res: { statusCode: 400 } })])
  })
})
