import { sleep } from '../harness/wait'

/**
 * Runs `task` for every item with at most `concurrency` in flight, starting at most
 * `perSecond` per second (when given), so a fault lands in the middle of a steady stream.
 */
export async function paced<T>(
  items: T[],
  task: (item: T, index: number) => Promise<void>,
  options: { concurrency: number; perSecond?: number },
): Promise<void> {
  const started = Date.now()
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      if (options.perSecond) {
        const due = started + (index * 1000) / options.perSecond
        if (due > Date.now()) await sleep(due - Date.now())
      }
      await task(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, lane))
}
