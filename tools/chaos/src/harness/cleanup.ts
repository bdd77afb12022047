/**
 * Last-resort cleanup when the chaos run itself is interrupted (Ctrl-C, SIGTERM): every
 * resource registers how to release it, and main runs what is still registered before exiting.
 * Normal runs release everything in the scenarios' own `finally` blocks and unregister.
 */
const tasks = new Set<() => Promise<void> | void>()

export function onInterrupt(task: () => Promise<void> | void): () => void {
  tasks.add(task)
  return () => void tasks.delete(task)
}

export async function runInterruptCleanups(): Promise<void> {
  for (const task of [...tasks].reverse()) {
    try {
      await task()
    } catch {
      // keep releasing the rest
    }
  }
  tasks.clear()
}
