import request from 'supertest'
import { sandboxFor } from '../test-support/harness'

const sandbox = sandboxFor()
const control = request(sandbox.app)
const setFaults = (body: unknown) => control.put('/_sandbox/faults').send(body as object)

beforeEach(() => sandbox.reset())

describe('PUT /_sandbox/faults afterApply', () => {
  it('shows the rules it was given, beside the before-apply faults', async () => {
    const afterApply = [
      { mode: 'error', rate: 0.25, status: 503, routes: ['PUT /v1/opportunities/:id/stage'] },
      { mode: 'drop', rate: 1 },
    ]
    await setFaults({ errorRate: 0.1 })
    expect((await setFaults({ afterApply })).body.data).toEqual({
      errorRate: 0.1,
      latencyMs: 0,
      afterApply,
    })
    expect((await control.get('/_sandbox/faults')).body.data.afterApply).toEqual(afterApply)
  })

  it.each([null, []])('clears the rules with %p', async (cleared) => {
    await setFaults({ afterApply: [{ mode: 'drop', rate: 1 }] })
    expect((await setFaults({ afterApply: cleared })).body.data.afterApply).toEqual([])
  })

  it('clears them on reset', async () => {
    await setFaults({ afterApply: [{ mode: 'drop', rate: 1 }] })
    await control.post('/_sandbox/reset').expect(200)
    expect((await control.get('/_sandbox/faults')).body.data.afterApply).toEqual([])
  })

  it.each([
    [{ afterApply: {} }, 'afterApply: '],
    [{ afterApply: [{ mode: 'explode', rate: 1 }] }, 'afterApply.0.mode: '],
    [{ afterApply: [{ mode: 'error' }] }, 'afterApply.0.rate: '],
    [{ afterApply: [{ mode: 'error', rate: 1.5 }] }, 'afterApply.0.rate: '],
    [{ afterApply: [{ mode: 'error', rate: 1, status: 418 }] }, 'afterApply.0.status: '],
    [
      { afterApply: [{ mode: 'drop', rate: 1, status: 500 }] },
      'afterApply.0: Unrecognized key: "status"',
    ],
    [{ afterApply: [{ mode: 'drop', rate: 1, routes: [] }] }, 'afterApply.0.routes: '],
    [
      { afterApply: [{ mode: 'drop', rate: 1, routes: ['GET /v1/stages'] }] },
      'afterApply.0.routes.0',
    ],
    [
      { afterApply: [{ mode: 'drop', rate: 1, routes: ['/opportunities/:id/notes'] }] },
      'afterApply.0.routes.0',
    ],
  ])('rejects %j with a 400 saying %s', async (body, saying) => {
    const res = await setFaults(body)
    expect(res.status).toBe(400)
    expect(res.body.code).toBe('BadRequestError')
    expect(res.body.message).toContain(saying)
    expect((await control.get('/_sandbox/faults')).body.data.afterApply).toEqual([])
  })
})
