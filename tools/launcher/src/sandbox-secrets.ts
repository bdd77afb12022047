import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export interface SandboxSecrets {
  ADMIN_TOKEN: string
  ENCRYPTION_KEY: string
  PLATFORM_WEBHOOK_SECRET: string
  PLATFORM_API_KEY: string
}

/**
 * Secrets for sandbox mode, generated on the first `npm start` and kept in `.baton/` (ignored by
 * git) so the demo tenant's encrypted credential still decrypts after a restart.
 */
export function loadOrCreateSandboxSecrets(dir: string): { secrets: SandboxSecrets; file: string } {
  const file = path.join(dir, 'sandbox-secrets.json')
  if (fs.existsSync(file)) {
    return { secrets: JSON.parse(fs.readFileSync(file, 'utf8')) as SandboxSecrets, file }
  }
  const secrets: SandboxSecrets = {
    ADMIN_TOKEN: randomBytes(24).toString('base64url'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PLATFORM_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString('base64')}`,
    PLATFORM_API_KEY: 'sandbox-platform-key',
  }
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 })
  return { secrets, file }
}
