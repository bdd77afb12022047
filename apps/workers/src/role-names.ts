/**
 * The worker roles. Each runs as its own process (`node dist/main.js <role>`) and scales by
 * running more processes of that role.
 */
export const WORKER_ROLES = ['lever-events', 'invitations', 'writeback', 'scheduler', 'sweeper'] as const

export type WorkerRole = (typeof WORKER_ROLES)[number]

export function isWorkerRole(value: string | undefined): value is WorkerRole {
  return (WORKER_ROLES as readonly string[]).includes(value ?? '')
}
