import { ConfigError, loadConfig } from './load'

describe('loadConfig', () => {
  it('fills the contract defaults when nothing is set', () => {
    const config = loadConfig(['DATABASE_URL', 'REDIS_URL', 'INGRESS_PORT', 'CONSOLE_PORT'], { env: {} })
    expect(config).toEqual({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/baton',
      REDIS_URL: 'redis://127.0.0.1:6379',
      INGRESS_PORT: 3000,
      CONSOLE_PORT: 3001,
    })
  })

  it('returns only the variables the app asked for', () => {
    const config = loadConfig(['REDIS_URL'], { env: { INGRESS_PORT: '9999', REDIS_URL: 'redis://r:1' } })
    expect(config).toEqual({ REDIS_URL: 'redis://r:1' })
  })

  it('coerces ports and rejects a bad one by name', () => {
    expect(loadConfig(['INGRESS_PORT'], { env: { INGRESS_PORT: '8080' } }).INGRESS_PORT).toBe(8080)
    expect(() => loadConfig(['INGRESS_PORT'], { env: { INGRESS_PORT: 'eighty' } })).toThrow(
      /INGRESS_PORT/,
    )
  })

  it('names every invalid variable at once', () => {
    try {
      loadConfig(['DATABASE_URL', 'ENCRYPTION_KEY', 'ADMIN_TOKEN'], {
        env: { DATABASE_URL: 'not a url', ENCRYPTION_KEY: 'c2hvcnQ=', ADMIN_TOKEN: 'short' },
      })
      throw new Error('expected a ConfigError')
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      const variables = (err as ConfigError).issues.map((i) => i.variable).sort()
      expect(variables).toEqual(['ADMIN_TOKEN', 'DATABASE_URL', 'ENCRYPTION_KEY'])
      expect((err as Error).message).toMatch(/ENCRYPTION_KEY: must be 32 bytes/)
    }
  })

  it('takes one Redis server, a Cluster or a Sentinel set as REDIS_URL, and says what else it wants', () => {
    for (const good of ['rediss://:pw@cache:6380/1', 'redis+cluster://a:7000,b:7001', 'redis+sentinel://s1,s2:26380/baton']) {
      expect(loadConfig(['REDIS_URL'], { env: { REDIS_URL: good } }).REDIS_URL).toBe(good)
    }
    expect(() => loadConfig(['REDIS_URL'], { env: { REDIS_URL: 'redis+sentinel://s1:26379' } })).toThrow(
      /REDIS_URL: redis\+sentinel:\/\/ must name the master/,
    )
    expect(() => loadConfig(['REDIS_URL'], { env: { REDIS_URL: 'memcached://m:11211' } })).toThrow(
      /REDIS_URL: must start with redis:\/\//,
    )
  })

  it('keeps QUEUE_PREFIX free of braces, since Baton sets the hash tags itself', () => {
    expect(loadConfig(['QUEUE_PREFIX'], { env: {} }).QUEUE_PREFIX).toBe('baton')
    expect(() => loadConfig(['QUEUE_PREFIX'], { env: { QUEUE_PREFIX: '{baton}' } })).toThrow(
      /QUEUE_PREFIX: must not contain \{ or \}/,
    )
  })

  it('keeps the request and webhook logs 30 days and the audit log 365 by default', () => {
    const keys = ['LOG_RETENTION_DAYS', 'AUDIT_RETENTION_DAYS'] as const
    expect(loadConfig([...keys], { env: {} })).toEqual({ LOG_RETENTION_DAYS: 30, AUDIT_RETENTION_DAYS: 365 })
    expect(loadConfig([...keys], { env: { LOG_RETENTION_DAYS: '7', AUDIT_RETENTION_DAYS: '730' } })).toEqual({
      LOG_RETENTION_DAYS: 7,
      AUDIT_RETENTION_DAYS: 730,
    })
    expect(() => loadConfig([...keys], { env: { LOG_RETENTION_DAYS: '0' } })).toThrow(/LOG_RETENTION_DAYS/)
  })

  it('accepts a 32-byte base64 encryption key', () => {
    const key = Buffer.alloc(32, 7).toString('base64')
    expect(loadConfig(['ENCRYPTION_KEY'], { env: { ENCRYPTION_KEY: key } }).ENCRYPTION_KEY).toBe(key)
  })

  it('reports a required variable that is missing', () => {
    expect(() => loadConfig(['ENCRYPTION_KEY'], { env: {}, required: ['ENCRYPTION_KEY'] })).toThrow(
      /ENCRYPTION_KEY: is required/,
    )
  })

  it('validates the Standard Webhooks secret format', () => {
    expect(() =>
      loadConfig(['PLATFORM_WEBHOOK_SECRET'], { env: { PLATFORM_WEBHOOK_SECRET: 'plain' } }),
    ).toThrow(/PLATFORM_WEBHOOK_SECRET/)
    expect(
      loadConfig(['PLATFORM_WEBHOOK_SECRET'], { env: { PLATFORM_WEBHOOK_SECRET: 'whsec_c2VjcmV0' } })
        .PLATFORM_WEBHOOK_SECRET,
    ).toBe('whsec_c2VjcmV0')
  })

  it('caps report downloads at 25 MiB unless REPORT_MAX_BYTES says otherwise', () => {
    expect(loadConfig(['REPORT_MAX_BYTES'], { env: {} }).REPORT_MAX_BYTES).toBe(26_214_400)
    expect(
      loadConfig(['REPORT_MAX_BYTES'], { env: { REPORT_MAX_BYTES: '1048576' } }).REPORT_MAX_BYTES,
    ).toBe(1_048_576)
    for (const bad of ['0', '-1', '1.5', 'lots']) {
      expect(() => loadConfig(['REPORT_MAX_BYTES'], { env: { REPORT_MAX_BYTES: bad } })).toThrow(
        /REPORT_MAX_BYTES/,
      )
    }
  })

  it('reads BATON_BOARD_READ_ONLY as a boolean, false unless set', () => {
    expect(loadConfig(['BATON_BOARD_READ_ONLY'], { env: {} }).BATON_BOARD_READ_ONLY).toBe(false)
    expect(loadConfig(['BATON_BOARD_READ_ONLY'], { env: { BATON_BOARD_READ_ONLY: 'true' } }).BATON_BOARD_READ_ONLY).toBe(true)
    expect(loadConfig(['BATON_BOARD_READ_ONLY'], { env: { BATON_BOARD_READ_ONLY: 'false' } }).BATON_BOARD_READ_ONLY).toBe(false)
    expect(() => loadConfig(['BATON_BOARD_READ_ONLY'], { env: { BATON_BOARD_READ_ONLY: 'maybe' } })).toThrow(
      /BATON_BOARD_READ_ONLY/,
    )
  })

  it('leaves WORKER_METRICS_PORT unset unless given, and rejects a bad port by name', () => {
    expect(loadConfig(['WORKER_METRICS_PORT'], { env: {} }).WORKER_METRICS_PORT).toBeUndefined()
    expect(loadConfig(['WORKER_METRICS_PORT'], { env: { WORKER_METRICS_PORT: '9464' } }).WORKER_METRICS_PORT).toBe(9464)
    expect(() => loadConfig(['WORKER_METRICS_PORT'], { env: { WORKER_METRICS_PORT: '70000' } })).toThrow(
      /WORKER_METRICS_PORT/,
    )
  })

  it('fills the sweeper and reconciliation timings, and rejects bad ones by name', () => {
    const keys = ['BATON_SWEEP_GRACE_MS', 'BATON_SWEEP_EVERY_MS', 'BATON_RECONCILE_AFTER_MS'] as const
    expect(loadConfig(keys, { env: {} })).toEqual({
      BATON_SWEEP_GRACE_MS: 60_000,
      BATON_SWEEP_EVERY_MS: 30_000,
      BATON_RECONCILE_AFTER_MS: 21_600_000,
    })
    expect(loadConfig(keys, { env: { BATON_SWEEP_GRACE_MS: '0', BATON_SWEEP_EVERY_MS: '500' } })).toMatchObject({
      BATON_SWEEP_GRACE_MS: 0,
      BATON_SWEEP_EVERY_MS: 500,
    })
    try {
      loadConfig(keys, { env: { BATON_SWEEP_GRACE_MS: '-1', BATON_SWEEP_EVERY_MS: '0', BATON_RECONCILE_AFTER_MS: 'soon' } })
      throw new Error('expected a ConfigError')
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      expect((err as ConfigError).issues.map((i) => i.variable).sort()).toEqual([...keys].sort())
    }
  })

  describe('PUBLIC_URL with real Lever', () => {
    const lever = { LEVER_API_URL: 'https://api.lever.co/v1' }

    it.each(['https://api.lever.co/v1', 'https://api.sandbox.lever.co/v1'])('refuses http when LEVER_API_URL is %s', (api) => {
      expect(() => loadConfig(['PUBLIC_URL'], { env: { LEVER_API_URL: api, PUBLIC_URL: 'http://baton.example.com' } })).toThrow(
        /PUBLIC_URL: must be an https:\/\/ address when LEVER_API_URL is Lever's/,
      )
    })

    it('accepts https with real Lever, and http with the sandbox or unset', () => {
      expect(loadConfig(['PUBLIC_URL'], { env: { ...lever, PUBLIC_URL: 'https://baton.example.com' } }).PUBLIC_URL).toBe(
        'https://baton.example.com',
      )
      expect(loadConfig(['PUBLIC_URL'], { env: { LEVER_API_URL: 'http://127.0.0.1:4010/v1', PUBLIC_URL: 'http://127.0.0.1:3000' } }).PUBLIC_URL).toBe(
        'http://127.0.0.1:3000',
      )
      expect(loadConfig(['PUBLIC_URL'], { env: { PUBLIC_URL: 'http://127.0.0.1:3000' } }).PUBLIC_URL).toBe('http://127.0.0.1:3000')
    })

    it('is reported with the other bad variables at once', () => {
      expect(() =>
        loadConfig(['PUBLIC_URL', 'INGRESS_PORT'], { env: { ...lever, PUBLIC_URL: 'http://x.example', INGRESS_PORT: 'no' } }),
      ).toThrow(/INGRESS_PORT[\s\S]*PUBLIC_URL|PUBLIC_URL[\s\S]*INGRESS_PORT/)
    })
  })
})
