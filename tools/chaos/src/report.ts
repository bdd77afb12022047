import type { Row, ScenarioResult } from './scenarios/types'

function table(header: Row, rows: Row[]): string {
  const width = Math.max(header[0].length, ...rows.map((r) => r[0].length))
  const line = (r: Row) => `| ${r[0].padEnd(width)} | ${r[1]} |`
  return [line(header), `|${'-'.repeat(width + 2)}|---|`, ...rows.map(line)].join('\n')
}

/** One scenario's counts, verdict and, on failure, every finding and where the logs are. */
export function printScenario(result: ScenarioResult): void {
  const verdict = result.passed ? 'PASS' : 'FAIL'
  console.log(`\n${table([`${result.name}`, verdict], result.rows)}`)
  if (!result.passed) {
    for (const failure of result.failures) console.log(`  ✗ ${failure}`)
    console.log(`  logs: ${result.logDir}`)
  }
}

/** The closing summary of several scenarios, with the wall-clock time of the whole run. */
export function printSummary(results: ScenarioResult[], wallMs: number): void {
  const rows: Row[] = results.map((r) => [
    r.name,
    `${r.passed ? 'PASS' : 'FAIL'} in ${(r.durationMs / 1000).toFixed(1)} s${r.passed ? '' : ` (${r.failures.length} finding(s))`}`,
  ])
  const failed = results.filter((r) => !r.passed).length
  rows.push([
    'all',
    `${failed === 0 ? 'PASS' : `${failed} FAILED`} in ${(wallMs / 1000).toFixed(1)} s (wall clock)`,
  ])
  console.log(`\n${table(['scenario', 'result'], rows)}`)
}
