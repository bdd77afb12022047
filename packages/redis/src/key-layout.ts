/**
 * Where Baton's keys live in Redis. Every key starts with QUEUE_PREFIX, so one deployment's (or
 * one test's) keys are found by that prefix. A Redis Cluster puts a key in the slot of the part
 * between its first braces (its hash tag), and refuses a script whose keys are in several slots.
 * So each queue's keys carry the queue's name as their tag (BullMQ's scripts and Baton's
 * fair-share scripts touch one queue at a time), and each tenant's keys (locks, cursors, the
 * Lever rate budget, the OAuth refresh lock) the tenant's id: every script touches one slot, and
 * the queues and tenants spread over the masters. On one server the braces change nothing.
 */

/** The hash tag that puts every key holding it in one Cluster slot. */
export const hashTag = (id: string): string => `{${id}}`

/** The BullMQ prefix of one queue: its keys are `<prefix>:{<queue>}:<queue>:…`. */
export const queueKeyPrefix = (prefix: string, queue: string): string => `${prefix}:${hashTag(queue)}`

/** A key of one tenant, e.g. `baton:lock:invite:{<tenant>}:<opportunity>`. */
export const tenantKey = (prefix: string, kind: string, tenantId: string, ...rest: string[]): string =>
  [prefix, kind, hashTag(tenantId), ...rest].join(':')

/** Why a QUEUE_PREFIX cannot hold braces: they would make it the hash tag of every key. */
export const PREFIX_BRACES_REASON =
  'must not contain { or }: Baton gives each queue and tenant its own hash tag (see README, Scaling beyond one machine)'
