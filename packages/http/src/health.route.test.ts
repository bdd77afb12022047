import express from 'express'
import { Registry } from 'prom-client'
import request from 'supertest'
import { healthRoutes, type ReadinessCheck } from './health.route'

const passing = (name: string): ReadinessCheck => ({ name, check: async () => undefined })
const failing = (name: string): ReadinessCheck => ({
  name,
  check: async () => {
    throw new Error(`${name} down`)
  },
})

function appWith(readiness: ReadinessCheck[]) {
  return express().use(healthRoutes({ readiness, registry: new Registry() }))
}

describe('healthRoutes', () => {
  it('answers /healthz whatever the dependencies say', async () => {
    const res = await request(appWith([failing('postgres')])).get('/healthz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true })
  })

  it('answers /readyz 200 naming each check when all pass', async () => {
    const res = await request(appWith([passing('postgres'), passing('redis')])).get('/readyz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true, postgres: true, redis: true })
  })

  it('answers /readyz 503 naming the check that failed', async () => {
    const res = await request(appWith([passing('postgres'), failing('redis')])).get('/readyz')
    expect(res.status).toBe(503)
    expect(res.body).toEqual({ ok: false, postgres: true, redis: false })
  })

  it('serves the registry at /metrics', async () => {
    const res = await request(appWith([])).get('/metrics')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('text/plain')
  })
})
