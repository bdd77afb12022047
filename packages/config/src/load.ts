import { crossVariableIssues } from './cross-rules'
import { envSchema, type Env, type EnvKey } from './schema'

/** Raised when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`,
    )
    this.name = 'ConfigError'
  }
}

type Required<K extends EnvKey> = { [P in K]-?: NonNullable<Env[P]> }

/**
 * Parses the variables an app needs. `required` lists those that have no default and must be set
 * for this app (for example `ENCRYPTION_KEY` outside sandbox mode).
 */
export function loadConfig<K extends EnvKey, R extends K = never>(
  keys: readonly K[],
  options: { env?: NodeJS.ProcessEnv; required?: readonly R[] } = {},
): Pick<Env, K> & Required<R> {
  const env = options.env ?? process.env
  const mask = Object.fromEntries(keys.map((k) => [k, true])) as { [P in EnvKey]?: true }
  const result = envSchema.pick(mask).safeParse(pickDefined(env, keys))
  const issues: { variable: string; message: string }[] = []
  if (!result.success) {
    for (const issue of result.error.issues) {
      issues.push({ variable: String(issue.path[0]), message: issue.message })
    }
  }
  const config = (result.success ? result.data : {}) as Record<string, unknown>
  for (const key of options.required ?? []) {
    if (result.success && config[key] === undefined) issues.push({ variable: key, message: 'is required' })
  }
  issues.push(...crossVariableIssues(env, keys))
  if (issues.length > 0) throw new ConfigError(issues)
  return config as Pick<Env, K> & Required<R>
}

function pickDefined(env: NodeJS.ProcessEnv, keys: readonly string[]) {
  const out: Record<string, string> = {}
  for (const key of keys) {
    const value = env[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

/** For process entry points: on a bad environment, print which variables are wrong and exit 1. */
export function loadConfigOrExit<K extends EnvKey, R extends K = never>(
  keys: readonly K[],
  options: { env?: NodeJS.ProcessEnv; required?: readonly R[] } = {},
): Pick<Env, K> & Required<R> {
  try {
    return loadConfig(keys, options)
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
}

