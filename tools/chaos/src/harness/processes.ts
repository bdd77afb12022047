import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { onInterrupt } from './cleanup'

export interface ChildSpec {
  name: string
  command: string
  args: string[]
  env: NodeJS.ProcessEnv
}

interface Running {
  spec: ChildSpec
  child: ChildProcess
  expectingExit: boolean
}

/**
 * The real processes of one scenario. Output goes to `<logDir>/<name>.log`; an exit nobody asked
 * for is remembered (a crashed worker fails the scenario). Everything is killed on interrupt.
 */
export class Supervisor {
  private readonly running = new Map<string, Running>()
  private readonly specs = new Map<string, ChildSpec>()
  /** Processes that exited on their own, with their exit code or signal. */
  readonly unexpectedExits: string[] = []
  private readonly unregister: () => void

  constructor(readonly logDir: string) {
    fs.mkdirSync(logDir, { recursive: true })
    this.unregister = onInterrupt(() => {
      for (const { child } of this.running.values()) child.kill('SIGKILL')
    })
  }

  start(spec: ChildSpec): number {
    if (this.running.has(spec.name)) throw new Error(`${spec.name} is already running`)
    const log = fs.createWriteStream(path.join(this.logDir, `${spec.name}.log`), { flags: 'a' })
    const child = spawn(spec.command, spec.args, {
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    log.write(`[chaos] ${spec.name} started (pid ${child.pid})\n`)
    child.stdout?.pipe(log, { end: false })
    child.stderr?.pipe(log, { end: false })
    const entry: Running = { spec, child, expectingExit: false }
    this.specs.set(spec.name, spec)
    child.on('error', (err) =>
      this.unexpectedExits.push(`${spec.name}: could not start (${err.message})`),
    )
    child.on('exit', (code, signal) => {
      log.end(`\n[chaos] ${spec.name} (pid ${child.pid}) exited: code ${code} signal ${signal}\n`)
      if (this.running.get(spec.name) === entry) this.running.delete(spec.name)
      if (!entry.expectingExit)
        this.unexpectedExits.push(`${spec.name}: code ${code} signal ${signal}`)
    })
    this.running.set(spec.name, entry)
    return child.pid ?? -1
  }

  pid(name: string): number | undefined {
    return this.running.get(name)?.child.pid
  }

  names(): string[] {
    return [...this.running.keys()]
  }

  /** `kill -9`: no shutdown hooks run. Resolves with the pid once the process is gone. */
  async kill9(name: string): Promise<number> {
    const entry = this.entry(name)
    entry.expectingExit = true
    const pid = entry.child.pid ?? -1
    await this.exit(entry, 'SIGKILL')
    return pid
  }

  /** Starts a stopped or killed process again with its original command and environment. */
  restart(name: string): number {
    const spec = this.specs.get(name)
    if (!spec) throw new Error(`${name} was never started`)
    return this.start(spec)
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(name: string, graceMs = 5000): Promise<void> {
    const entry = this.running.get(name)
    if (!entry) return
    entry.expectingExit = true
    const timer = setTimeout(() => entry.child.kill('SIGKILL'), graceMs)
    await this.exit(entry, 'SIGTERM')
    clearTimeout(timer)
  }

  async stopAll(graceMs = 5000): Promise<void> {
    await Promise.all(this.names().map((name) => this.stop(name, graceMs)))
    this.unregister()
  }

  private entry(name: string): Running {
    const entry = this.running.get(name)
    if (!entry) throw new Error(`${name} is not running`)
    return entry
  }

  private exit(entry: Running, signal: NodeJS.Signals): Promise<void> {
    return new Promise((resolve) => {
      if (entry.child.exitCode !== null || entry.child.signalCode !== null) return resolve()
      entry.child.once('exit', () => resolve())
      entry.child.kill(signal)
    })
  }
}
