import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCli } from './cli'
import { runInterruptCleanups } from './harness/cleanup'
import { printScenario, printSummary } from './report'
import { SCENARIOS } from './scenarios'
import type { ScenarioResult } from './scenarios/types'

/**
 * `npm run chaos -- <scenario ...|all> [--events N] [--parallel N]`: runs fault scenarios
 * against real Baton processes, prints a table per scenario and exits 1 when any found a
 * problem. Scenarios share nothing, so `all` runs two at a time: most of a run is spent waiting
 * on Lever's rate budget and on recovery timers, not on the CPU.
 */
async function main(): Promise<number> {
  let cli
  try {
    cli = parseCli(process.argv.slice(2), Object.keys(SCENARIOS))
  } catch (err) {
    console.error((err as Error).message)
    return 64
  }
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-chaos-'))
  console.log(
    `Chaos run: ${cli.scenarios.join(', ')} (${cli.parallel} at a time); process logs in ${runDir}`,
  )
  const started = Date.now()
  const results = new Map<string, ScenarioResult>()
  const queue = [...cli.scenarios]
  const lane = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const events = cli.events.get(name) ?? cli.events.get('*') ?? SCENARIOS[name].events
      const t0 = Date.now()
      const log = (line: string) =>
        console.log(`[${name} +${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}`)
      log(`starting with ${events} events`)
      const logDir = path.join(runDir, name)
      const result = await SCENARIOS[name]
        .run({ events, logDir, log })
        .catch((err: Error): ScenarioResult => ({
          name,
          passed: false,
          durationMs: Date.now() - t0,
          rows: [],
          failures: [`could not run: ${err.stack ?? err.message}`],
          audit: null,
          logDir,
        }))
      printScenario(result)
      results.set(name, result)
    }
  }
  await Promise.all(Array.from({ length: Math.min(cli.parallel, queue.length) }, lane))
  const ordered = cli.scenarios.map((name) => results.get(name)!)
  if (ordered.length > 1) printSummary(ordered, Date.now() - started)
  const failed = ordered.filter((r) => !r.passed)
  if (failed.length === 0) fs.rmSync(runDir, { recursive: true, force: true })
  return failed.length === 0 ? 0 : 1
}

// `on`, not `once`: a library's signal-exit handler re-raises the signal (and the process dies
// before cleaning up) when it finds no other listener left. A second signal exits at once.
let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130)
    interrupted = true
    console.error(`\n${signal}: stopping every process and dropping the scenario databases…`)
    void runInterruptCleanups().finally(() => process.exit(130))
  })
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    console.error(err)
    await runInterruptCleanups()
    process.exit(1)
  },
)
