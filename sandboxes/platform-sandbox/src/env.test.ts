import { parseSandboxEnv } from './env'

describe('parseSandboxEnv', () => {
  it('has defaults that run the sandbox with no variables set', () => {
    expect(parseSandboxEnv({})).toEqual({
      PLATFORM_SANDBOX_PORT: 4020,
      PLATFORM_SANDBOX_HOST: '127.0.0.1',
      PLATFORM_API_KEY: 'sandbox-platform-key',
      LOG_LEVEL: 'info',
    })
  })

  it('reads the variables and treats empty ones as unset', () => {
    const env = parseSandboxEnv({
      PLATFORM_SANDBOX_PORT: '5000',
      PLATFORM_API_KEY: 'k',
      PLATFORM_WEBHOOK_SECRET: 'whsec_c2VjcmV0',
      BATON_PLATFORM_WEBHOOK_URL: 'http://127.0.0.1:3000/webhooks/platform',
      PLATFORM_SANDBOX_PUBLIC_URL: '',
    })
    expect(env).toMatchObject({
      PLATFORM_SANDBOX_PORT: 5000,
      PLATFORM_API_KEY: 'k',
      PLATFORM_WEBHOOK_SECRET: 'whsec_c2VjcmV0',
      BATON_PLATFORM_WEBHOOK_URL: 'http://127.0.0.1:3000/webhooks/platform',
    })
    expect(env.PLATFORM_SANDBOX_PUBLIC_URL).toBeUndefined()
  })

  it('names every bad variable', () => {
    expect(() =>
      parseSandboxEnv({
        PLATFORM_SANDBOX_PORT: 'eighty',
        PLATFORM_WEBHOOK_SECRET: 'plain-secret',
        BATON_PLATFORM_WEBHOOK_URL: 'not a url',
      }),
    ).toThrow(
      /PLATFORM_SANDBOX_PORT: .*\n.*PLATFORM_WEBHOOK_SECRET: must be a Standard Webhooks secret.*\n.*BATON_PLATFORM_WEBHOOK_URL: /,
    )
  })
})
