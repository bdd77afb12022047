import { createRedis, mastersOf, whenReady } from '@baton/redis'

/** Commands each master has processed since it started (INFO stats), by port. */
export type CommandCounts = Map<number, number>

/** Commands per second one master processed over a run. */
export interface MasterOps {
  port: number
  opsPerSecond: number
}

/**
 * A connection that reads `total_commands_processed` from every master of the Redis at `url`
 * (one server, or a Cluster's masters): read before and after a run, then {@link opsPerSecond}.
 */
export async function openCommandCounter(
  url: string,
): Promise<{ read(): Promise<CommandCounts>; close(): void }> {
  const client = createRedis(url, 'producer')
  await whenReady(client)
  return {
    read: async () =>
      new Map(
        await Promise.all(
          mastersOf(client).map(async (master) => {
            const processed = /total_commands_processed:(\d+)/.exec(await master.info('stats'))
            if (!processed)
              throw new Error(`no total_commands_processed from :${master.options.port}`)
            return [master.options.port ?? 6379, Number(processed[1])] as const
          }),
        ),
      ),
    close: () => client.disconnect(),
  }
}

/** Each master's commands between two reads, per second of the run, in order of port. */
export function opsPerSecond(
  before: CommandCounts,
  after: CommandCounts,
  seconds: number,
): MasterOps[] {
  return [...after.entries()]
    .sort(([a], [b]) => a - b)
    .map(([port, count]) => ({ port, opsPerSecond: (count - (before.get(port) ?? 0)) / seconds }))
}
