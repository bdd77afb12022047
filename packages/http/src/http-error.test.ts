import express from 'express'
import request from 'supertest'
import { createLogger } from '@baton/logger'
import { errorMiddleware, HttpError } from './http-error'

function appThrowing(err: unknown) {
  const app = express()
  app.post('/x', express.json({ limit: '1kb' }), () => {
    throw err
  })
  app.use(errorMiddleware(createLogger({ name: 'test', level: 'silent' })))
  return app
}

describe('errorMiddleware', () => {
  it('renders an HttpError as { error: { code, message, ...details } }', async () => {
    const res = await request(appThrowing(new HttpError(400, 'invalid_settings', 'bad', { fields: [{ field: 'a' }] })))
      .post('/x')
      .send({})
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: { code: 'invalid_settings', message: 'bad', fields: [{ field: 'a' }] } })
  })

  it('maps an oversized body to 413 and hides unexpected errors behind a 500', async () => {
    const big = await request(appThrowing(new Error('never'))).post('/x').send({ pad: 'x'.repeat(5000) })
    expect(big.status).toBe(413)
    const crash = await request(appThrowing(new Error('secret detail'))).post('/x').send({})
    expect(crash.status).toBe(500)
    expect(JSON.stringify(crash.body)).not.toContain('secret detail')
  })

  it("answers the client's malformed requests with a 4xx: broken JSON, another charset, a bad path", async () => {
    const app = appThrowing(new Error('never'))
    app.get('/t/:id', () => undefined)
    app.use(errorMiddleware(createLogger({ name: 'test', level: 'silent' })))
    const broken = await request(app).post('/x').type('json').send('{"a":')
    expect([broken.status, broken.body.error.code]).toEqual([400, 'malformed_json'])
    const latin1 = await request(app).post('/x').set('Content-Type', 'application/json; charset=latin1').send('{}')
    expect([latin1.status, latin1.body.error.code]).toEqual([415, 'unsupported_charset'])
    const path = await request(app).get('/t/%zz')
    expect([path.status, path.body.error.code]).toEqual([400, 'bad_request'])
  })
})
