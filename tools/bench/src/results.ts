import fs from 'node:fs'
import path from 'node:path'

export interface Figure {
  suite: string
  figure: string
  value: string
  target: string
  met: boolean | null
}

const file = path.resolve(__dirname, '../../../bench/results.md')

/** Percentile of a sorted-or-not list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const HEADER = '| suite | figure | value | target | met | command | date |'

/** The rows of bench/results.md as it stands, so a run of some suites keeps the others' figures. */
function previousRows(): string[] {
  if (!fs.existsSync(file)) return []
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| ') && line !== HEADER && line.split('|').length === 9)
}

/**
 * Prints the table and writes bench/results.md: this run's rows replace the rows of the suites
 * it ran, and every row says which command and date it came from.
 */
export function report(figures: Figure[], command: string, suiteOrder: readonly string[]): void {
  const date = new Date().toISOString()
  const rows = figures.map(
    (f) => `| ${f.suite} | ${f.figure} | ${f.value} | ${f.target} | ${f.met === null ? '–' : f.met ? 'yes' : 'NO'} | \`${command}\` | ${date} |`,
  )
  console.log(`\n${[HEADER, '|---|---|---|---|---|---|---|', ...rows].join('\n')}\n`)
  const ran = new Set(figures.map((f) => f.suite))
  const suiteOf = (row: string) => row.split('|')[1].trim()
  const kept = previousRows().filter((row) => !ran.has(suiteOf(row)))
  const all = [...kept, ...rows].sort((a, b) => suiteOrder.indexOf(suiteOf(a)) - suiteOrder.indexOf(suiteOf(b)))
  const text = `# Benchmark results\n\nMachine: ${process.platform} ${process.arch}, Node ${process.version}. Each row comes from the latest run of its suite.\n\n${[HEADER, '|---|---|---|---|---|---|---|', ...all].join('\n')}\n`
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
  console.log(`written to ${path.relative(process.cwd(), file)}`)
}
