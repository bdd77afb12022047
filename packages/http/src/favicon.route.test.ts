import express from 'express'
import request from 'supertest'
import { noFavicon } from './favicon.route'

describe('noFavicon', () => {
  const app = express().get('/favicon.ico', noFavicon)

  it('answers GET /favicon.ico with 204, no body, cached for a day', async () => {
    const res = await request(app).get('/favicon.ico')
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    expect(res.headers['cache-control']).toBe('public, max-age=86400')
  })

  it('answers HEAD too', async () => {
    expect((await request(app).head('/favicon.ico')).status).toBe(204)
  })
})
