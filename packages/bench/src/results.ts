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

/** Prints the table and writes bench/results.md with the command and the date. */
export function report(figures: Figure[], command: string): void {
  const rows = figures.map(
    (f) => `| ${f.suite} | ${f.figure} | ${f.value} | ${f.target} | ${f.met === null ? '–' : f.met ? 'yes' : 'NO'} |`,
  )
  const table = ['| suite | figure | value | target | met |', '|---|---|---|---|---|', ...rows].join('\n')
  console.log(`\n${table}\n`)
  const text = `# Benchmark results\n\nCommand: \`${command}\`  \nDate: ${new Date().toISOString()}  \nMachine: ${process.platform} ${process.arch}, Node ${process.version}\n\n${table}\n`
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
  console.log(`written to ${path.relative(process.cwd(), file)}`)
}
