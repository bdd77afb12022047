import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export interface ProcessSpec {
  name: string
  /** Script path relative to the repository root. */
  script: string
  args?: string[]
  env: NodeJS.ProcessEnv
}

const repoRoot = path.resolve(__dirname, '../../..')

/**
 * Runs the system's processes as children, each output line prefixed with its name. When one
 * exits unexpectedly the rest are stopped, so a broken start never looks healthy.
 */
export class ProcessGroup {
  private readonly children = new Map<string, ChildProcess>()
  private stopping = false

  constructor(private readonly onUnexpectedExit: (name: string, code: number | null) => void) {}

  start(spec: ProcessSpec): void {
    const child = spawn(process.execPath, [path.join(repoRoot, spec.script), ...(spec.args ?? [])], {
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const label = spec.name.padEnd(16)
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = ''
      stream?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8')
        const lines = buffered.split('\n')
        buffered = lines.pop() ?? ''
        for (const line of lines) process.stdout.write(`${label}| ${line}\n`)
      })
    }
    child.on('exit', (code) => {
      this.children.delete(spec.name)
      if (!this.stopping) this.onUnexpectedExit(spec.name, code)
    })
    this.children.set(spec.name, child)
  }

  /** SIGTERM to every child (they shut down gracefully), SIGKILL after the grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve()
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
          child.once('exit', () => {
            clearTimeout(timer)
            resolve()
          })
          child.kill('SIGTERM')
        }),
    )
    await Promise.all(exits)
  }
}
