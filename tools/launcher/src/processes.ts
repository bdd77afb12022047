import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export interface ProcessSpec {
  name: string
  /** Script path, relative to the repository root (or absolute). */
  script: string
  args?: string[]
  env: NodeJS.ProcessEnv
}

/** A child that exited while nobody was stopping it. */
export class ChildExited extends Error {
  constructor(
    readonly child: string,
    /** `exit code 1` or `killed by SIGKILL`. */
    readonly how: string,
    readonly logFile: string,
  ) {
    super(`${child} exited (${how})`)
    this.name = 'ChildExited'
  }
}

export interface ProcessGroupOptions {
  /** Each child's output goes to `<logDir>/<name>.log`, rewritten at every start. */
  logDir: string
  /** Also print each output line to stdout, prefixed with the child's name. */
  echo?: boolean
}

const repoRoot = path.resolve(__dirname, '../../..')

/**
 * The system's processes, as children of the launcher and so in its process group: Ctrl-C in the
 * terminal reaches them all, and so does `kill -- -<pgid>`. The first child that exits on its own
 * rejects {@link unexpectedExit}; whatever happens, none outlives the launcher.
 */
export class ProcessGroup {
  private readonly children = new Map<string, ChildProcess>()
  private stopping = false
  private rejectUnexpectedExit: (err: ChildExited) => void = () => undefined
  /** Rejects with {@link ChildExited} when a child exits before {@link stopAll}; never resolves. */
  readonly unexpectedExit: Promise<never>

  constructor(private readonly options: ProcessGroupOptions) {
    fs.mkdirSync(options.logDir, { recursive: true })
    this.unexpectedExit = new Promise<never>((_resolve, reject) => {
      this.rejectUnexpectedExit = reject
    })
    // Whoever races it observes the rejection; nobody racing it must not crash the launcher.
    this.unexpectedExit.catch(() => undefined)
    process.on('exit', this.killAllNow)
  }

  logFile(name: string): string {
    return path.join(this.options.logDir, `${name.replace(/[^\w.-]+/g, '-')}.log`)
  }

  /** Starts `node <script> [args]`; returns its pid. */
  start(spec: ProcessSpec): number {
    const logFile = this.logFile(spec.name)
    const log = fs.createWriteStream(logFile)
    const child = spawn(
      process.execPath,
      [path.resolve(repoRoot, spec.script), ...(spec.args ?? [])],
      { env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    for (const stream of [child.stdout, child.stderr]) {
      stream?.pipe(log, { end: false })
      if (this.options.echo) echoLines(stream, spec.name)
    }
    // 'close' comes after the output streams ended, so the log is complete when reported.
    child.on('close', (code, signal) => {
      this.children.delete(spec.name)
      const how = signal ? `killed by ${signal}` : `exit code ${code}`
      log.end(() => {
        if (!this.stopping) this.rejectUnexpectedExit(new ChildExited(spec.name, how, logFile))
      })
    })
    this.children.set(spec.name, child)
    return child.pid ?? -1
  }

  /** SIGTERM to every child (they shut down gracefully), SIGKILL after the grace period. */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
          child.once('close', () => {
            clearTimeout(timer)
            resolve()
          })
          child.kill('SIGTERM')
        }),
    )
    await Promise.all(exits)
    process.off('exit', this.killAllNow)
  }

  /** The last resort when the launcher exits without stopAll: nothing is left listening. */
  private readonly killAllNow = () => {
    for (const child of this.children.values()) child.kill('SIGKILL')
  }
}

function echoLines(stream: NodeJS.ReadableStream | null, name: string): void {
  const label = name.padEnd(16)
  let buffered = ''
  stream?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) process.stdout.write(`${label}| ${line}\n`)
  })
}
