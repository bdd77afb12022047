import { z } from 'zod'

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

/** The sandbox's own variables; PLATFORM_API_KEY and PLATFORM_WEBHOOK_SECRET are contract.md §1's. */
export const sandboxEnvSchema = z.object({
  PLATFORM_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4020),
  PLATFORM_SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  PLATFORM_SANDBOX_PUBLIC_URL: optional(z.url()),
  PLATFORM_API_KEY: z.string().min(1).default('sandbox-platform-key'),
  PLATFORM_WEBHOOK_SECRET: optional(
    z
      .string()
      .regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be a Standard Webhooks secret (whsec_<base64>)'),
  ),
  BATON_PLATFORM_WEBHOOK_URL: optional(z.url()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type SandboxEnv = z.infer<typeof sandboxEnvSchema>

/** Parses the environment; the error message names every bad variable. */
export function parseSandboxEnv(env: NodeJS.ProcessEnv): SandboxEnv {
  const parsed = sandboxEnvSchema.safeParse(env)
  if (parsed.success) return parsed.data
  const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`)
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
}
