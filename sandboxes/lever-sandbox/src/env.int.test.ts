import request from 'supertest'
import { readSandboxEnv } from './env'
import { createLeverSandbox } from './sandbox'

describe('readSandboxEnv', () => {
  it('defaults to port 4010 on 127.0.0.1, not strict, with the default OAuth client', () => {
    expect(readSandboxEnv({})).toEqual({
      port: 4010,
      host: '127.0.0.1',
      options: { strict: false, oauth: undefined },
    })
  })

  it('reads LEVER_SANDBOX_STRICT and the OAuth client', () => {
    const env = readSandboxEnv({
      LEVER_SANDBOX_PORT: '0',
      LEVER_SANDBOX_HOST: '0.0.0.0',
      LEVER_SANDBOX_STRICT: 'true',
      LEVER_OAUTH_CLIENT_ID: 'id',
      LEVER_OAUTH_CLIENT_SECRET: 'secret',
    })
    expect(env).toEqual({
      port: 0,
      host: '0.0.0.0',
      options: { strict: true, oauth: { clientId: 'id', clientSecret: 'secret' } },
    })
    expect(readSandboxEnv({ LEVER_SANDBOX_STRICT: 'false' }).options.strict).toBe(false)
  })

  it('names every bad variable in one error', () => {
    expect(() => readSandboxEnv({ LEVER_SANDBOX_PORT: 'x', LEVER_SANDBOX_STRICT: 'yes' })).toThrow(
      'LEVER_SANDBOX_PORT must be a port number, got "x"; ' +
        'LEVER_SANDBOX_STRICT must be true or false, got "yes"',
    )
  })

  // What dist/main.js does with its environment.
  it.each([
    ['true', true, false],
    [undefined, false, true],
  ])('LEVER_SANDBOX_STRICT=%s runs a listening sandbox with strict %s', async (raw, strict, on) => {
    const { port, host, options } = readSandboxEnv({
      LEVER_SANDBOX_PORT: '0',
      LEVER_SANDBOX_STRICT: raw,
    })
    const running = await createLeverSandbox(options).listen(port, host)
    try {
      const res = await request(running.url).get('/_sandbox/webhook-settings')
      expect(res.body.data.strict).toBe(strict)
      expect(res.body.data.events.candidateStageChange).toBe(on)
    } finally {
      await running.close()
    }
  })
})
