import express, { Router } from 'express'
import request from 'supertest'
import { controlIndex } from './control-index'
import { controlRoute } from './control-route'
import { registeredRoutes } from './registered-routes'

const routes = [
  controlRoute('GET', '', 'This list.'),
  controlRoute('POST', '/things/:id', 'Pokes <a thing>.', { query: 'wait', body: '{ force? }' }),
]
const control = Router()
control.get(
  '/',
  controlIndex({ sandbox: 'test', title: 'Test control API', about: 'No auth.', routes }),
)
control.post('/things/:id', (_req, res) => {
  res.end()
})
const app = express().use('/_sandbox', control)

describe('controlIndex', () => {
  it('answers JSON with the sandbox, about and routes', async () => {
    const res = await request(app).get('/_sandbox').expect(200)
    expect(res.type).toBe('application/json')
    expect(res.body).toEqual({ sandbox: 'test', about: 'No auth.', routes })
  })

  it('answers an HTML page to a browser, escaping what it shows', async () => {
    const res = await request(app)
      .get('/_sandbox/')
      .set('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .expect(200)
    expect(res.type).toBe('text/html')
    expect(res.text).toContain('<title>Test control API</title>')
    expect(res.text).toContain('<code>POST /_sandbox/things/:id</code>')
    expect(res.text).toContain('Pokes &#60;a thing&#62;.')
  })
})

describe('registeredRoutes', () => {
  it('lists routes of mounted routers with their mount path', () => {
    expect(registeredRoutes(app)).toEqual(['GET /_sandbox', 'POST /_sandbox/things/:id'])
  })
})
