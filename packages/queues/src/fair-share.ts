import { queueKeyPrefix, type RedisClient } from '@baton/redis'
import { ADMIT_LUA, LEAVE_LUA, REFILL_LUA } from './fair-share-scripts'
import { QUEUE, type QueueName } from './names'

/**
 * Fair sharing of a queue between tenants, on OSS BullMQ (its per-group limits are a Pro
 * feature). Each tenant has {@link PLACES_PER_TENANT} places in the queue's shared FIFO: a
 * tenant's job takes a free place and becomes a BullMQ job at once; when the tenant has none
 * free, the job is held in the tenant's own Redis list (id, payload and time added: about 60% of
 * a BullMQ job's memory). When one of the tenant's jobs starts its first attempt, it hands its
 * place to the tenant's oldest held job, which then becomes a BullMQ job at the back of the FIFO.
 *
 * So the shared queue holds at most a few jobs per tenant, served in arrival order: a tenant with
 * 10 jobs behind another's 5,000 waits behind at most {@link PLACES_PER_TENANT} of them, and a
 * tenant's own jobs are served in the order they were added.
 *
 * The place counts are bookkeeping, not correctness: a job an operator removes from Bull Board
 * while it waits, or a worker killed between admitting a job and adding it, leaves a count too
 * high. The sweeper recounts the places from the queue itself and promotes held jobs into any
 * place that is free (`refillFairShares`), so a tenant can never stay stuck behind a wrong count.
 * A held job taken out of its list waits in the promoting set until its BullMQ add is confirmed;
 * if the process adding it dies first, the sweeper adds it once the grace period has passed.
 */
export const FAIR_QUEUES: readonly QueueName[] = [
  QUEUE.leverEvents,
  QUEUE.invitations,
  QUEUE.platformEvents,
]

/** How many of one tenant's jobs wait in a fair queue's shared FIFO at once. */
export const PLACES_PER_TENANT = 5

export const isFairQueue = (queue: QueueName) => FAIR_QUEUES.includes(queue)

/** A job of a fair queue as it waits outside BullMQ while its tenant has no place free. */
export interface HeldJob {
  id: string
  data: { tenantId: string }
  /** When it was added (ms): the BullMQ job it becomes keeps this as its timestamp. */
  at: number
  /** With tracing on, the trace it was asked for in (BullMQ's job metadata, about 70 bytes). */
  trace?: string
}

/** A held job given a place: `entry` is its stored text, which names it in the promoting set. */
export interface PromotedJob extends HeldJob {
  entry: string
}

const promotedJob = (entry: string): PromotedJob => ({ ...(JSON.parse(entry) as HeldJob), entry })

/**
 * The Redis keys of one fair queue, beside BullMQ's and under the same hash tag, since the
 * scripts read the queue's wait list and job keys. A `:` keeps them apart from job ids, which
 * cannot hold one.
 */
export function fairShareKeys(prefix: string, queue: QueueName) {
  const queueKey = `${queueKeyPrefix(prefix, queue)}:${queue}:`
  return {
    queueKey,
    /** tenant → its jobs waiting in the shared FIFO that have not started yet */
    places: `${queueKey}fair:places`,
    /** the ids of every held job, to keep a job from being held twice */
    heldIds: `${queueKey}fair:held-ids`,
    /** the tenants with held jobs */
    heldTenants: `${queueKey}fair:held-tenants`,
    /** one tenant's held jobs, oldest first */
    held: (tenantId: string) => `${queueKey}fair:held:${tenantId}`,
    wait: `${queueKey}wait`,
    /** held entries given a place whose BullMQ add is not yet confirmed, by when they got it */
    promoting: `${queueKey}fair:promoting`,
  }
}

type Script = (...keysThenArgs: (string | number)[]) => Promise<unknown>

/**
 * Runs one of the fair-share scripts on `queue` by its SHA, defining it on the connection the
 * first time; every script takes the same keys and first arguments (fair-share-scripts.ts).
 */
function runScript(
  redis: RedisClient,
  prefix: string,
  queue: QueueName,
  script: { name: string; lua: string },
  args: (string | number)[],
): Promise<unknown> {
  const client = redis as RedisClient & Record<string, Script | undefined>
  if (typeof client[script.name] !== 'function') {
    client.defineCommand(script.name, { numberOfKeys: 5, lua: script.lua })
  }
  const keys = fairShareKeys(prefix, queue)
  return (client[script.name] as Script).call(
    client,
    keys.places,
    keys.heldIds,
    keys.heldTenants,
    keys.wait,
    keys.promoting,
    keys.queueKey,
    PLACES_PER_TENANT,
    ...args,
  )
}

export type Admission = 'admitted' | 'held' | 'exists'

/**
 * Admits new jobs of a fair queue, in one round trip: each job takes a place of its tenant
 * (`admitted`: the caller adds it to BullMQ) or is held until one is free (`held`). A job whose
 * id is already in the queue or already held is left alone (`exists`), as BullMQ ignores an add
 * with an id it has.
 */
export async function admitToFairShare(
  redis: RedisClient,
  prefix: string,
  queue: QueueName,
  jobs: { id: string; data: { tenantId: string }; trace?: string }[],
): Promise<Admission[]> {
  const at = Date.now()
  const args = jobs.flatMap((job) => [
    job.data.tenantId,
    job.id,
    JSON.stringify({ id: job.id, data: job.data, at, trace: job.trace } satisfies HeldJob),
  ])
  const admit = { name: 'batonFairShareAdmit', lua: ADMIT_LUA }
  const replies = (await runScript(redis, prefix, queue, admit, args)) as number[]
  return replies.map((reply) => (reply === 1 ? 'admitted' : reply === 2 ? 'held' : 'exists'))
}

/**
 * A job of `tenantId` started its first attempt, so its place is free: returns the tenant's
 * oldest held job, which takes the place (the caller adds it to BullMQ, then confirms it), or
 * null if none is held.
 */
export async function leaveFairShare(
  redis: RedisClient,
  prefix: string,
  queue: QueueName,
  tenantId: string,
): Promise<PromotedJob | null> {
  const leave = { name: 'batonFairShareLeave', lua: LEAVE_LUA }
  const entry = (await runScript(redis, prefix, queue, leave, [tenantId])) as string | null
  return entry ? promotedJob(entry) : null
}

/**
 * Recounts every tenant's places from the jobs waiting in the queue and the promotions not yet
 * confirmed. Returns, for the caller to add and confirm, the promotions older than `graceMs`
 * whose job is still missing, and the held jobs taken out of their lists into the free places.
 */
export async function refillFairShare(
  redis: RedisClient,
  prefix: string,
  queue: QueueName,
  graceMs: number,
): Promise<PromotedJob[]> {
  const refill = { name: 'batonFairShareRefill', lua: REFILL_LUA }
  const entries = (await runScript(redis, prefix, queue, refill, [graceMs])) as string[]
  return entries.map(promotedJob)
}

/** The promoted jobs are BullMQ jobs now: they leave the promoting set. */
export async function confirmPromoted(
  redis: RedisClient,
  prefix: string,
  queue: QueueName,
  jobs: PromotedJob[],
): Promise<void> {
  if (jobs.length === 0) return
  await redis.zrem(fairShareKeys(prefix, queue).promoting, ...jobs.map((job) => job.entry))
}

/** How many jobs of a fair queue are held, and when the oldest of them was added (ms). */
export async function heldJobs(
  redis: RedisClient,
  prefix: string,
  queue: QueueName,
): Promise<{ count: number; oldestAt: number | null }> {
  const keys = fairShareKeys(prefix, queue)
  const tenants = await redis.smembers(keys.heldTenants)
  if (tenants.length === 0) return { count: 0, oldestAt: null }
  const pipeline = redis.pipeline()
  for (const tenantId of tenants) pipeline.llen(keys.held(tenantId)).lindex(keys.held(tenantId), 0)
  const replies = ((await pipeline.exec()) ?? []).map(([err, value]) => {
    if (err) throw err
    return value
  })
  let count = 0
  let oldestAt: number | null = null
  for (let i = 0; i < replies.length; i += 2) {
    count += Number(replies[i])
    const first = replies[i + 1] as string | null
    if (first) oldestAt = Math.min(oldestAt ?? Infinity, (JSON.parse(first) as HeldJob).at)
  }
  return { count, oldestAt }
}
