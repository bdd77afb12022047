import { createLeverClient, createRedisRateBudget } from '@baton/lever'
import { createRedis } from '@baton/redis'

/**
 * One "worker process" of the lever-budget bench: fires Lever requests as fast as the shared
 * budget lets it until the deadline, then prints its counts as JSON.
 * argv: apiUrl redisUrl prefix seconds
 */
async function main() {
  const [apiUrl, redisUrl, prefix, seconds] = process.argv.slice(2)
  const redis = createRedis(redisUrl, 'worker')
  const budget = createRedisRateBudget(redis, { ratePerSecond: 10, burst: 20, prefix })
  const lever = createLeverClient({
    baseUrl: apiUrl,
    auth: { kind: 'apiKey', apiKey: 'sandbox-api-key' },
    budget,
    budgetKey: 'bench-credential',
  })
  const deadline = Date.now() + Number(seconds) * 1000
  let ok = 0
  let failed = 0
  while (Date.now() < deadline) {
    try {
      await lever.stages.get('offer')
      ok++
    } catch {
      failed++
    }
  }
  redis.disconnect()
  process.stdout.write(JSON.stringify({ ok, failed }))
}

void main()
