import type { Redis } from 'ioredis'
import { mastersOf, whenReady, type RedisClient } from './connection'

/**
 * Every key starting with `prefix`, from every master (SCAN walks one server; a Cluster's keys
 * are spread over its masters). Yields them in batches, with the server that holds them.
 */
export async function* scanKeys(client: RedisClient, prefix: string): AsyncGenerator<{ server: Redis; keys: string[] }> {
  await whenReady(client)
  for (const server of mastersOf(client)) {
    let cursor = '0'
    do {
      const [next, keys] = await server.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
      if (keys.length > 0) yield { server, keys }
      cursor = next
    } while (cursor !== '0')
  }
}

/**
 * Deletes every key starting with `prefix` (a test's or a fault scenario's own). In a Cluster a
 * command may only name keys of one slot, so each key is unlinked on its own, in one pipeline
 * per batch to the server holding it.
 */
export async function deleteKeysWithPrefix(client: RedisClient, prefix: string): Promise<number> {
  let deleted = 0
  for await (const { server, keys } of scanKeys(client, prefix)) {
    const pipeline = server.pipeline()
    for (const key of keys) pipeline.unlink(key)
    await pipeline.exec()
    deleted += keys.length
  }
  return deleted
}
