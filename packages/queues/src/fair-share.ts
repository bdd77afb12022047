import type { Redis } from 'ioredis'
import { QUEUE, type QueueName } from './names'
import type { Queues } from './queues'

/**
 * Fair sharing of a queue between tenants, on OSS BullMQ (its per-group limits are a Pro
 * feature). A job's BullMQ priority is its position in its own tenant's backlog: the first
 * waiting job of every tenant has priority 1, the second 2, and so on. BullMQ serves lower
 * priorities first and equal ones in insertion order, so the queue is served round-robin across
 * tenants: a tenant with 10 jobs waiting behind another's 5,000 has them served among the first
 * 20. The count per tenant is a Redis hash next to the queue's own keys: incremented when a job
 * is added, decremented when the job's first attempt starts.
 *
 * The counts are a scheduling hint, never a correctness input: an add that BullMQ ignored as a
 * duplicate id, or a stalled job's second start, leaves a count off by one, which only moves that
 * tenant's next jobs by one place. Counts are dropped whenever the queue is idle (see
 * `resetIdleFairShares`), so drift never accumulates.
 */
export const FAIR_QUEUES: readonly QueueName[] = [QUEUE.leverEvents, QUEUE.invitations, QUEUE.platformEvents]

/** BullMQ's highest priority value (2^21). */
const MAX_PRIORITY = 2_097_152

const LEAVE = 'batonFairShareLeave'
const LEAVE_LUA = `
local left = redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
if left <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return left`

type LeaveCommand = (key: string, tenantId: string) => Promise<number>

export const isFairQueue = (queue: QueueName) => FAIR_QUEUES.includes(queue)

const shareKey = (prefix: string, queue: string) => `${prefix}:${queue}:fair-share`

/**
 * Counts new jobs, one per entry of `tenantIds`, and returns each one's priority: its place in
 * its tenant's backlog. One HINCRBY per tenant in the batch, all in one round trip. A job with no
 * tenant gets no priority.
 */
export async function fairPriorities(
  redis: Redis,
  prefix: string,
  queue: QueueName,
  tenantIds: (string | undefined)[],
): Promise<(number | undefined)[]> {
  const key = shareKey(prefix, queue)
  const added = new Map<string, number>()
  for (const tenantId of tenantIds) if (tenantId) added.set(tenantId, (added.get(tenantId) ?? 0) + 1)
  const pipeline = redis.pipeline()
  for (const [tenantId, count] of added) pipeline.hincrby(key, tenantId, count)
  const replies = (await pipeline.exec()) ?? []
  // The batch's jobs of a tenant take the places just below its new count, in order.
  const next = new Map<string, number>()
  let reply = 0
  for (const [tenantId, count] of added) {
    const [err, total] = replies[reply++]
    if (err) throw err
    next.set(tenantId, Number(total) - count + 1)
  }
  return tenantIds.map((tenantId) => {
    if (!tenantId) return undefined
    const place = next.get(tenantId)!
    next.set(tenantId, place + 1)
    return Math.min(Math.max(place, 1), MAX_PRIORITY)
  })
}

/** Uncounts a job of `tenantId` whose first attempt has started. */
export async function leaveFairShare(
  client: Redis,
  prefix: string,
  queue: QueueName,
  tenantId: string,
): Promise<void> {
  const redis = client as Redis & { [LEAVE]?: LeaveCommand }
  if (typeof redis[LEAVE] !== 'function') {
    redis.defineCommand(LEAVE, { numberOfKeys: 1, lua: LEAVE_LUA })
  }
  await (redis[LEAVE] as LeaveCommand)(shareKey(prefix, queue), tenantId)
}

/**
 * Drops the counts of every fair queue that has nothing waiting, which corrects any drift. (A
 * delayed retry holds no count: its first attempt already gave it up.) A job added between the
 * check and the drop is merely served a little early.
 */
export async function resetIdleFairShares(queues: Queues): Promise<QueueName[]> {
  const reset: QueueName[] = []
  for (const name of FAIR_QUEUES) {
    const counts = await queues[name].getJobCounts('waiting', 'prioritized')
    if (Object.values(counts).some((n) => n > 0)) continue
    await queues.redis.del(shareKey(queues.prefix, name))
    reset.push(name)
  }
  return reset
}
