import { WORKER_ROLES } from '@baton/workers'
import type { PortNeed } from './free-ports'
import type { ChildToStart } from './start-children'

export const LEVER_SANDBOX_PORT = 4010
export const PLATFORM_SANDBOX_PORT = 4020

export interface SystemChild extends ChildToStart {
  /** The port it listens on, checked free before anything starts. */
  port?: PortNeed
}

/** The Lever sandbox and the platform sandbox (both bind 127.0.0.1). */
export function sandboxChildren(env: NodeJS.ProcessEnv): SystemChild[] {
  const sandbox = (name: string, role: string, port: number): SystemChild => ({
    spec: { name, script: `sandboxes/${name}/dist/main.js`, env },
    readyUrl: `http://127.0.0.1:${port}/_sandbox/stats`,
    port: { port, host: '127.0.0.1', role },
  })
  return [
    sandbox('lever-sandbox', 'the Lever sandbox', LEVER_SANDBOX_PORT),
    sandbox('platform-sandbox', 'the platform sandbox', PLATFORM_SANDBOX_PORT),
  ]
}

/** The ingress and the console (both bind 0.0.0.0), and one process per worker role. */
export function batonChildren(
  env: NodeJS.ProcessEnv,
  ports: { INGRESS_PORT: number; CONSOLE_PORT: number },
): SystemChild[] {
  const http = (name: string, role: string, variable: keyof typeof ports): SystemChild => ({
    spec: { name, script: `apps/${name}/dist/main.js`, env },
    readyUrl: `http://127.0.0.1:${ports[variable]}/healthz`,
    port: { port: ports[variable], host: '0.0.0.0', role, variable },
  })
  return [
    http('ingress', 'the ingress', 'INGRESS_PORT'),
    http('console', 'the console', 'CONSOLE_PORT'),
    ...WORKER_ROLES.map((role, i) => ({
      spec: { name: `worker:${role}`, script: 'apps/workers/dist/main.js', args: [role], env: workerEnv(env, i) },
    })),
  ]
}

/**
 * One worker's environment. WORKER_METRICS_PORT names one port, and here every role runs on one
 * machine: the first role takes it and each next role the next port up.
 */
function workerEnv(env: NodeJS.ProcessEnv, index: number): NodeJS.ProcessEnv {
  const base = Number(env.WORKER_METRICS_PORT)
  if (!env.WORKER_METRICS_PORT || !Number.isInteger(base)) return env
  return { ...env, WORKER_METRICS_PORT: String(base + index) }
}
