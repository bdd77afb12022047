import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '@baton/config'
import { loadOrCreateSandboxSecrets } from './sandbox-secrets'

describe('loadOrCreateSandboxSecrets', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-secrets-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('generates secrets that pass the config schema, once, and reuses them afterwards', () => {
    const first = loadOrCreateSandboxSecrets(dir)
    const again = loadOrCreateSandboxSecrets(dir)
    expect(again.secrets).toEqual(first.secrets)
    expect(fs.statSync(first.file).mode & 0o777).toBe(0o600)
    const config = loadConfig(['ADMIN_TOKEN', 'ENCRYPTION_KEY', 'PLATFORM_WEBHOOK_SECRET'], {
      env: { ...first.secrets },
    })
    expect(config.ENCRYPTION_KEY).toBe(first.secrets.ENCRYPTION_KEY)
  })
})
