import type { LeverSandboxOptions } from './options'

/** What `dist/main.js` runs with, read from its environment. */
export interface SandboxEnv {
  port: number
  host: string
  options: LeverSandboxOptions
}

const BOOLEANS: Record<string, boolean> = { true: true, false: false }

/**
 * Reads LEVER_SANDBOX_PORT (default 4010), LEVER_SANDBOX_HOST (default 127.0.0.1),
 * LEVER_SANDBOX_STRICT (`true` or `false`, default false) and, when both are set,
 * LEVER_OAUTH_CLIENT_ID and LEVER_OAUTH_CLIENT_SECRET. Throws one error naming every bad variable.
 */
export function readSandboxEnv(env: NodeJS.ProcessEnv): SandboxEnv {
  const problems: string[] = []
  const rawPort = env.LEVER_SANDBOX_PORT ?? '4010'
  const port = Number(rawPort)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`LEVER_SANDBOX_PORT must be a port number, got "${rawPort}"`)
  }
  const rawStrict = env.LEVER_SANDBOX_STRICT ?? 'false'
  const strict = BOOLEANS[rawStrict]
  if (strict === undefined) {
    problems.push(`LEVER_SANDBOX_STRICT must be true or false, got "${rawStrict}"`)
  }
  if (problems.length > 0) throw new Error(problems.join('; '))
  const { LEVER_OAUTH_CLIENT_ID: clientId, LEVER_OAUTH_CLIENT_SECRET: clientSecret } = env
  return {
    port,
    host: env.LEVER_SANDBOX_HOST ?? '127.0.0.1',
    options: {
      strict,
      oauth: clientId && clientSecret ? { clientId, clientSecret } : undefined,
    },
  }
}
