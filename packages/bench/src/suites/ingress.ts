import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import autocannon from 'autocannon'
import { createDb, createTenant, Encryptor, generateEncryptionKey } from '@baton/db'
import { createIngressApp, createIngressMetrics } from '@baton/ingress'
import { signLeverWebhook } from '@baton/lever'
import { createLogger } from '@baton/logger'
import { generateWebhookSecret } from '@baton/platform'
import { createRedis, openQueues } from '@baton/queues'
import { deletePrefix } from '@baton/testing'
import type { Figure } from '../results'

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  )

async function load(url: string, body: () => string, seconds: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: 50,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
  })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors }
}

/**
 * Signed Lever webhooks through the durable path (verify, inbox insert, enqueue) with autocannon
 * at 50 connections, against a bare node:http server measured in the same run.
 */
export async function ingress(databaseUrl: string, redisUrl: string): Promise<Figure[]> {
  const seconds = Number(process.env.BENCH_INGRESS_SECONDS ?? 10)
  const bare = createServer((_req, res) => res.end('ok'))
  const bareUrl = await listen(bare)
  const baseline = await load(bareUrl, () => '{}', seconds)
  bare.close()

  const prefix = `{bench-ingress-${process.pid}}`
  const db = createDb(databaseUrl, { max: 20 })
  const redis = createRedis(redisUrl, 'producer')
  const queues = openQueues(redis, prefix)
  const encryptor = new Encryptor(generateEncryptionKey())
  const tenant = await createTenant(db, encryptor, { name: 'Bench', settings: {}, signingTokens: ['bench-signing-token'] })
  const app = createIngressApp({
    db,
    encryptor,
    queues,
    redis,
    log: createLogger({ name: 'bench', level: 'silent' }),
    metrics: createIngressMetrics(),
    platformWebhookSecret: generateWebhookSecret(),
  })
  const server = createServer(app)
  const url = `${await listen(server)}/webhooks/lever/${tenant.webhookKey}`
  let n = 0
  const body = () =>
    JSON.stringify(
      signLeverWebhook('bench-signing-token', {
        id: `bench-${process.pid}-${n++}`,
        event: 'candidateStageChange',
        data: { opportunityId: `o-${n}`, candidateId: `o-${n}`, contactId: 'c', fromStageId: 'a', toStageId: 'b' },
      }),
    )
  try {
    const durable = await load(url, body, seconds)
    const ratio = durable.rps / baseline.rps
    return [
      { suite: 'ingress', figure: 'bare node:http req/s', value: baseline.rps.toFixed(0), target: '–', met: null },
      { suite: 'ingress', figure: 'durable path req/s', value: durable.rps.toFixed(0), target: '–', met: null },
      { suite: 'ingress', figure: 'durable path p50 / p99 (ms)', value: `${durable.p50} / ${durable.p99}`, target: '–', met: null },
      { suite: 'ingress', figure: 'ratio to bare node:http', value: ratio.toFixed(3), target: '≥ 0.25', met: ratio >= 0.25 },
      { suite: 'ingress', figure: 'non-2xx or errors', value: String(durable.errors), target: '0', met: durable.errors === 0 },
    ]
  } finally {
    server.close()
    await queues.close()
    redis.disconnect()
    await db.$disconnect()
    await deletePrefix(prefix, redisUrl)
  }
}
