import { createScratchDatabase, LOCAL_POSTGRES } from '@baton/testing'
import { report, type Figure } from './results'
import { fairness } from './suites/fairness'
import { ingress } from './suites/ingress'
import { leverBacklog } from './suites/lever-backlog'
import { leverBudget } from './suites/lever-budget'
import { inviteAndWriteback } from './suites/loop'
import { memory } from './suites/memory'

const SUITES = ['ingress', 'invite-latency', 'writeback', 'lever-budget', 'fairness', 'memory'] as const

/** `npm run bench [-- suite ...]`: runs the suites and writes bench/results.md. */
async function main() {
  const asked = process.argv.slice(2)
  const unknown = asked.filter((s) => !(SUITES as readonly string[]).includes(s))
  if (unknown.length > 0) {
    console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${SUITES.join(', ')}`)
    process.exit(64)
  }
  const suites = new Set<string>(asked.length > 0 ? asked : SUITES)
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
  const db = await createScratchDatabase('baton_bench', process.env.BATON_BENCH_PG_URL ?? LOCAL_POSTGRES)
  process.env.DATABASE_URL = db.url
  const figures: Figure[] = []
  try {
    if (suites.has('ingress')) figures.push(...(await ingress(db.url, redisUrl)))
    if (suites.has('invite-latency') || suites.has('writeback')) figures.push(...(await inviteAndWriteback(suites)))
    if (suites.has('lever-budget')) figures.push(...(await leverBudget(redisUrl)), ...(await leverBacklog()))
    if (suites.has('fairness')) figures.push(...(await fairness()))
    if (suites.has('memory')) figures.push(...(await memory(db.url, redisUrl)))
  } finally {
    await db.drop()
  }
  report(figures, `npm run bench${asked.length ? ` -- ${asked.join(' ')}` : ''}`, SUITES)
  process.exit(0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
