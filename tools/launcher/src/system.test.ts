import { existsSync } from 'node:fs'
import path from 'node:path'
import { WORKER_ROLES } from '@baton/workers'
import { batonChildren, sandboxChildren } from './system'

const ports = { INGRESS_PORT: 3000, CONSOLE_PORT: 3001 }
const workerPorts = (env: NodeJS.ProcessEnv) =>
  batonChildren(env, ports)
    .filter((child) => child.spec.name.startsWith('worker:'))
    .map((child) => child.spec.env?.WORKER_METRICS_PORT)

describe('batonChildren', () => {
  it('gives each worker role its own metrics port, from WORKER_METRICS_PORT up', () => {
    expect(workerPorts({ WORKER_METRICS_PORT: '9400' })).toEqual(WORKER_ROLES.map((_, i) => String(9400 + i)))
  })

  it('leaves the metrics port unset when it is not set', () => {
    expect(workerPorts({})).toEqual(WORKER_ROLES.map(() => undefined))
  })

  it('starts every process from a script the build made', () => {
    // npm test builds first (turbo's test task depends on build), so every dist is there.
    const root = path.resolve(__dirname, '../../..')
    const scripts = [...sandboxChildren({}), ...batonChildren({}, ports)].map((child) => child.spec.script)
    expect(scripts.filter((script) => !existsSync(path.join(root, script)))).toEqual([])
  })
})
