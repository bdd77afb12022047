import { LEVER_SANDBOX_PORT, PLATFORM_SANDBOX_PORT } from './system'
import { loadOrCreateSandboxSecrets } from './sandbox-secrets'

export interface LaunchEnv {
  /** What every child gets. */
  env: NodeJS.ProcessEnv
  publicUrl: string
  /** Sandbox mode only: where the generated secrets are kept. */
  secretsFile?: string
}

/**
 * The children's environment: the launcher's own, plus in sandbox mode (no LEVER_API_URL) the
 * generated secrets and the sandboxes' URLs, without overriding what the person set.
 */
export function launchEnv(
  config: { INGRESS_PORT: number; PUBLIC_URL?: string },
  sandboxMode: boolean,
  stateDir: string,
): LaunchEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  const publicUrl = config.PUBLIC_URL ?? `http://127.0.0.1:${config.INGRESS_PORT}`
  env.PUBLIC_URL = publicUrl
  if (!sandboxMode) return { env, publicUrl }

  // Keep the terminal readable: warnings and errors only, unless LOG_LEVEL says otherwise.
  env.LOG_LEVEL ??= 'warn'
  const { secrets, file } = loadOrCreateSandboxSecrets(stateDir)
  for (const [key, value] of Object.entries(secrets)) env[key] ??= value
  env.LEVER_API_URL = `http://127.0.0.1:${LEVER_SANDBOX_PORT}/v1`
  env.LEVER_AUTH_URL ??= `http://127.0.0.1:${LEVER_SANDBOX_PORT}`
  env.LEVER_OAUTH_CLIENT_ID ??= 'sandbox-client'
  env.LEVER_OAUTH_CLIENT_SECRET ??= 'sandbox-client-secret'
  env.PLATFORM_API_URL ??= `http://127.0.0.1:${PLATFORM_SANDBOX_PORT}`
  env.LEVER_SANDBOX_PORT = String(LEVER_SANDBOX_PORT)
  env.PLATFORM_SANDBOX_PORT = String(PLATFORM_SANDBOX_PORT)
  env.BATON_PLATFORM_WEBHOOK_URL = `http://127.0.0.1:${config.INGRESS_PORT}/webhooks/platform`
  return { env, publicUrl, secretsFile: file }
}
