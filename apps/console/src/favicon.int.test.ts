import request from 'supertest'
import { useTestConsole } from './test-support/test-console'

const consoleUnderTest = useTestConsole('favicon')

describe('GET /favicon.ico', () => {
  it('is 204 without signing in, so a browser on the console gets no 404', async () => {
    const res = await request(consoleUnderTest.app).get('/favicon.ico')
    expect(res.status).toBe(204)
    expect(res.headers['cache-control']).toBe('public, max-age=86400')
  })

  it('leaves other unknown paths a 404', async () => {
    const res = await request(consoleUnderTest.app).get('/favicon.png')
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'no such route' } })
  })
})
