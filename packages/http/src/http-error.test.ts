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
})
