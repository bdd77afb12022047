import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { createCoreDeps, ensureWebhooks, onboardTenant, type CoreDeps } from '@baton/core'
import {
  createLeverSandbox,
  DEFAULT_API_KEY,
  SEED_STAGES,
  SEED_USERS,
  type LeverSandbox,
  type RateLimitOptions,
} from '@baton/lever-sandbox'
import { createLogger } from '@baton/logger'
import { createPlatformSandbox, type PlatformSandbox } from '@baton/platform-sandbox'
import { deletePrefix } from '@baton/testing'
import { WORKER_ROLES, type WorkerRole } from '@baton/workers'
import { batonEnv, type BatonEnvInput } from './baton-env'
import { onInterrupt } from './cleanup'
import { freePort } from './ports'
import { Supervisor } from './processes'
import { httpUp } from './wait'

const repoRoot = path.resolve(__dirname, '../../../..')
export const BRAND = 'Acme'
export const TRIGGER_STAGE = SEED_STAGES.onsiteInterview
export const PASS_STAGE = SEED_STAGES.offer

export interface SystemOptions {
  scenario: string
  logDir: string
  databaseUrl: string
  redisUrl: string
  /** Processes per worker role. */
  replicas?: number
  /** The Lever sandbox's own limiter (Lever's 429s); off by default. */
  leverRateLimit?: RateLimitOptions | false
  leverRate?: BatonEnvInput['leverRate']
  sweep?: BatonEnvInput['sweep']
}

export interface ChaosSystem {
  supervisor: Supervisor
  lever: LeverSandbox
  platform: PlatformSandbox
  leverUrl: string
  platformUrl: string
  ingressUrl: string
  prefix: string
  /** Baton's own dependencies in this process, for the audit and for tenant onboarding. */
  deps: CoreDeps
  /** Process names of a role's workers, e.g. `invitations-1`. */
  workers(role: WorkerRole): string[]
  /** `/metrics` of a worker process. */
  metricsUrl(name: string): string
  /** Onboards the tenant (Lever sandbox API key) and registers its webhooks in the sandbox. */
  createTenant(): Promise<string>
  close(): Promise<void>
}

/**
 * One scenario's Baton: both sandboxes in this process (their state is the audit's ground
 * truth), and the built ingress and worker entry points as real child processes on the
 * scenario's own database and BullMQ prefix.
 */
export async function startSystem(options: SystemOptions): Promise<ChaosSystem> {
  const prefix = `baton-chaos-${options.scenario}-${randomBytes(4).toString('hex')}`
  // Registered before the supervisor, so on interrupt it runs after the processes are killed.
  const forgetPrefix = onInterrupt(() => deletePrefix(prefix, options.redisUrl))
  const supervisor = new Supervisor(options.logDir)
  const lever = createLeverSandbox({
    rateLimit: options.leverRateLimit ?? false,
    webhookEventIds: true,
  })
  const leverRunning = await lever.listen(0)
  const platformApiKey = randomBytes(16).toString('hex')
  const ingressPort = await freePort()
  const env = batonEnv({
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
    prefix,
    ingressPort,
    leverUrl: leverRunning.url,
    platformUrl: 'http://127.0.0.1:0',
    platformApiKey,
    // The most the config allows (burst ≤ 20, and the budget needs burst ≥ rate): 20 calls/s.
    leverRate: options.leverRate ?? { perSecond: 20, burst: 20 },
    sweep: options.sweep ?? { graceMs: 60_000, everyMs: 30_000 },
  })
  const platform = createPlatformSandbox({
    apiKey: platformApiKey,
    webhookSecret: env.platformWebhookSecret,
    webhookUrl: `${env.ingressUrl}/webhooks/platform`,
  })
  const platformRunning = await platform.listen(0)
  env.vars.PLATFORM_API_URL = platformRunning.url

  const node = (name: string, script: string, args: string[] = [], extra: NodeJS.ProcessEnv = {}) =>
    supervisor.start({
      name,
      command: process.execPath,
      args: [path.join(repoRoot, script), ...args],
      env: { ...env.vars, ...extra },
    })
  const metricsPorts = new Map<string, number>()
  let core: ReturnType<typeof createCoreDeps> | undefined
  const close = async () => {
    await supervisor.stopAll()
    await core?.close().catch(() => undefined)
    await leverRunning.close().catch(() => undefined)
    await platformRunning.close().catch(() => undefined)
    await deletePrefix(prefix, options.redisUrl).catch(() => undefined)
    forgetPrefix()
  }

  try {
    core = createCoreDeps(
      {
        ...(env.vars as Record<string, string>),
        LEVER_RATE_PER_SECOND: Number(env.vars.LEVER_RATE_PER_SECOND),
        LEVER_RATE_BURST: Number(env.vars.LEVER_RATE_BURST),
      } as Parameters<typeof createCoreDeps>[0],
      createLogger({ name: `chaos-${options.scenario}`, level: 'silent' }),
      { role: 'chaos' },
    )
    node('ingress', 'apps/ingress/dist/main.js')
    await httpUp(`${env.ingressUrl}/healthz`)
    for (const role of WORKER_ROLES) {
      for (let i = 1; i <= (options.replicas ?? 1); i++) {
        const name = `${role}-${i}`
        const port = await freePort()
        metricsPorts.set(name, port)
        node(name, 'apps/workers/dist/main.js', [role], { WORKER_METRICS_PORT: String(port) })
      }
    }
    await Promise.all(
      [...metricsPorts.values()].map((port) => httpUp(`http://127.0.0.1:${port}/metrics`)),
    )
  } catch (err) {
    await close()
    throw err
  }
  const deps = core

  return {
    supervisor,
    lever,
    platform,
    leverUrl: leverRunning.url,
    platformUrl: platformRunning.url,
    ingressUrl: env.ingressUrl,
    prefix,
    deps,
    workers: (role) => [...metricsPorts.keys()].filter((name) => name.startsWith(`${role}-`)),
    metricsUrl: (name) => `http://127.0.0.1:${metricsPorts.get(name)}/metrics`,
    createTenant: async () => {
      const { tenant } = await onboardTenant(deps, {
        name: `Chaos ${options.scenario}`,
        brand: BRAND,
        apiKey: DEFAULT_API_KEY,
        settings: {
          performAs: SEED_USERS.samService,
          triggerStageId: TRIGGER_STAGE,
          passStageId: PASS_STAGE,
        },
      })
      await ensureWebhooks(deps, tenant.id)
      return tenant.id
    },
    close,
  }
}
