import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import autocannon from 'autocannon'
import { createDb, createTenant, Encryptor, generateEncryptionKey } from '@baton/db'
import { signLeverWebhook } from '@baton/lever'
import { generateWebhookSecret } from '@baton/platform'
import { deletePrefix } from '@baton/testing'

const INGRESS_MAIN = path.resolve(__dirname, '../../../../apps/ingress/dist/main.js')
const BARE_SERVER = "require('node:http').createServer((_req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')"

/** One autocannon run against one server. */
export interface LoadRun {
  rps: number
  p50: number
  p99: number
  errors: number
}

/** One alternating pair: the bare server, then the durable path, given the same requests. */
export interface RatioPair {
  bare: LoadRun
  durable: LoadRun
  ratio: number
}

export interface DurableRatio {
  pairs: RatioPair[]
  /** The median pair's durable ÷ bare requests/s. */
  ratio: number
  /** The median pair itself. */
  middle: RatioPair
  /** Non-2xx answers and errors of the durable path over every pair. */
  errors: number
}

/** Seconds per load run and pairs: BENCH_INGRESS_SECONDS and BENCH_INGRESS_ROUNDS, else 10 s × 3, short 5 s × 3. */
export function ingressLoad(short: boolean): { seconds: number; rounds: number } {
  return {
    seconds: Number(process.env.BENCH_INGRESS_SECONDS ?? (short ? 5 : 10)),
    rounds: Number(process.env.BENCH_INGRESS_ROUNDS ?? 3),
  }
}

/**
 * One autocannon run of `seconds` at 50 connections, posting `bodies` in turn. The bodies are
 * made beforehand so the load generator, which shares the machine's two cores with the servers,
 * costs the same for both servers.
 */
async function load(url: string, bodies: string[], seconds: number): Promise<LoadRun> {
  let next = 0
  const result = await autocannon({
    url,
    method: 'POST',
    connections: 50,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
  })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Starts a server process and resolves once `probeUrl` answers. */
async function serve(args: string[], env: NodeJS.ProcessEnv, probeUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' })
  for (let tries = 0; tries < 200; tries++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`)
    const up = await fetch(probeUrl).then(() => true, () => false)
    if (up) return child
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error(`${probeUrl} never answered`)
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

/**
 * Signed Lever webhooks through the durable path (verify, inbox insert, enqueue on the Redis at
 * `redisUrl`) with autocannon at 50 connections, against a bare node:http server given the same
 * requests. Each server runs in its own process, as the ingress does in production; autocannon
 * runs in this one. The machine's speed drifts by a fifth from minute to minute, so the two are
 * measured in alternating pairs and the median pair's ratio is reported.
 */
export async function measureDurableRatio(
  databaseUrl: string,
  redisUrl: string,
  { seconds, rounds }: { seconds: number; rounds: number },
): Promise<DurableRatio> {
  const prefix = `bench-ingress-${process.pid}`
  const encryptionKey = generateEncryptionKey()
  const db = createDb(databaseUrl)
  const tenant = await createTenant(db, new Encryptor(encryptionKey), { name: 'Bench', settings: {}, signingTokens: ['bench-signing-token'] })
  await db.$disconnect()
  const barePort = 20_000 + Math.floor(Math.random() * 20_000)
  const port = barePort + 1
  const bare = await serve(['-e', BARE_SERVER], { PORT: String(barePort) }, `http://127.0.0.1:${barePort}/`)
  const durable = await serve(
    [INGRESS_MAIN],
    {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      INGRESS_PORT: String(port),
      ENCRYPTION_KEY: encryptionKey,
      PLATFORM_WEBHOOK_SECRET: generateWebhookSecret(),
      LOG_LEVEL: 'info',
    },
    `http://127.0.0.1:${port}/healthz`,
  )
  // Every event is new: a redelivery takes a cheaper path. 20,000 a second is beyond either server.
  let n = 0
  const signedBodies = () =>
    Array.from({ length: seconds * 20_000 }, () => {
      n++
      return JSON.stringify(
        signLeverWebhook('bench-signing-token', {
          id: `bench-${process.pid}-${n}`,
          event: 'candidateStageChange',
          data: { opportunityId: `o-${n}`, candidateId: `o-${n}`, contactId: 'c', fromStageId: 'a', toStageId: 'b' },
        }),
      )
    })
  try {
    const pairs: RatioPair[] = []
    for (let round = 0; round < rounds; round++) {
      const bodies = signedBodies()
      const bareRun = await load(`http://127.0.0.1:${barePort}/`, bodies, seconds)
      const durableRun = await load(`http://127.0.0.1:${port}/webhooks/lever/${tenant.webhookKey}`, bodies, seconds)
      pairs.push({ bare: bareRun, durable: durableRun, ratio: durableRun.rps / bareRun.rps })
    }
    const ratio = median(pairs.map((p) => p.ratio))
    return {
      pairs,
      ratio,
      middle: pairs.find((p) => p.ratio === ratio)!,
      errors: pairs.reduce((sum, p) => sum + p.durable.errors, 0),
    }
  } finally {
    await Promise.all([stop(bare), stop(durable)])
    await deletePrefix(prefix, redisUrl)
  }
}
