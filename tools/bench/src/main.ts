import { createScratchDatabase, LOCAL_POSTGRES } from '@baton/testing'
import { parseBenchArgs, type BenchArgs } from './bench-args'
import { qualifiersOf, qualify } from './figure-qualifiers'
import { report, type Figure } from './results'
import { SUITE_GROUPS, SUITES } from './suite-table'

/**
 * `npm run bench [-- --short] [suite ...]`: runs the suites, writes bench/results.md, and exits 1
 * when a figure misses its target, so CI fails on a regression.
 */
async function main() {
  const argv = process.argv.slice(2)
  let args: BenchArgs
  try {
    args = parseBenchArgs(argv, SUITES)
  } catch (err) {
    console.error((err as Error).message)
    process.exit(64)
  }
  const asked = new Set<string>(args.suites.length > 0 ? args.suites : SUITES)
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
  const db = await createScratchDatabase(
    'baton_bench',
    process.env.BATON_BENCH_PG_URL ?? LOCAL_POSTGRES,
  )
  process.env.DATABASE_URL = db.url
  const figures: Figure[] = []
  try {
    for (const group of SUITE_GROUPS.filter((g) => g.suites.some((suite) => asked.has(suite)))) {
      const short = args.short && group.hasShortVariant
      if (args.short && !short)
        console.error(`${group.suites.join(', ')}: no short variant, runs in full`)
      const measured = await group.run({ databaseUrl: db.url, redisUrl, short, asked })
      figures.push(
        ...qualify(measured, qualifiersOf({ short, redisUrl: group.onRedisUrl ? redisUrl : null })),
      )
    }
  } finally {
    await db.drop()
  }
  report(figures, `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`, SUITES)
  const missed = figures.filter((f) => f.met === false)
  for (const f of missed)
    console.error(`target missed: ${f.suite}, ${f.figure}: ${f.value} (target ${f.target})`)
  process.exit(missed.length > 0 ? 1 : 0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
