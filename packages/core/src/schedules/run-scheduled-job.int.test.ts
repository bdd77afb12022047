import { UnrecoverableError, type Job } from '@baton/queues'
import { Redis } from 'ioredis'
import {
  createDb,
  createTenant,
  Encryptor,
  generateEncryptionKey,
  openTenantIssues,
} from '@baton/db'
import type { LeverClient } from '@baton/lever'
import { createLogger } from '@baton/logger'
import { deletePrefix, testPrefix, testRedisUrl } from '@baton/testing'
import type { CoreDeps } from '../deps'
import { runScheduledJob } from './run-scheduled-job'

const db = createDb(process.env.DATABASE_URL!)
const redis = new Redis(testRedisUrl)
const prefix = testPrefix('scheduled-job')
const encryptor = new Encryptor(generateEncryptionKey())
const log = createLogger({ name: 'scheduled-job-test', level: 'silent' })
afterAll(async () => {
  await deletePrefix(prefix)
  redis.disconnect()
  await db.$disconnect()
})

/** Lever as posting-sync sees it: down, or up with no posting. */
let leverDown = true
const lever = {
  postings: {
    async *list() {
      if (leverDown) throw new Error('Lever is down')
      yield* []
    },
  },
} as unknown as LeverClient

const deps = {
  db,
  encryptor,
  redis,
  queues: { prefix },
  lever: { forTenant: async () => lever, invalidate: () => undefined },
  log,
} as unknown as CoreDeps

/** A job's context on its attempt `attempt` of `attempts`. */
const context = (attempt: number, attempts: number) => ({
  log,
  attempt,
  job: { id: `job-${attempt}`, opts: { attempts } } as unknown as Job,
})

describe('runScheduledJob', () => {
  it('raises a tenant issue when a task fails for good, and resolves it when the task runs again', async () => {
    const tenant = await createTenant(db, encryptor, {
      name: 'Scheduled',
      settings: {},
      apiKey: 'key-0123456789',
    })
    const data = { tenantId: tenant.id, task: 'posting-sync' as const }
    // A failed attempt that will be retried raises nothing yet.
    await expect(runScheduledJob(deps, data, context(1, 3))).rejects.toThrow('Lever is down')
    expect(await openTenantIssues(db, tenant.id)).toEqual([])
    await expect(runScheduledJob(deps, data, context(3, 3))).rejects.toThrow('Lever is down')
    const [issue] = await openTenantIssues(db, tenant.id)
    expect(issue).toMatchObject({
      kind: 'scheduled_task_failed',
      details: { task: 'posting-sync' },
    })
    expect(issue.message).toContain('The scheduled posting-sync failed: Lever is down.')

    leverDown = false
    expect(await runScheduledJob(deps, data, context(1, 3))).toEqual({ seen: 0, pushed: 0 })
    expect(await openTenantIssues(db, tenant.id)).toEqual([])
  })

  it('skips, without an issue, what a tenant being set up cannot run yet', async () => {
    const tenant = await createTenant(db, encryptor, { name: 'Not connected', settings: {} })
    expect(tenant.status).toBe('needs_setup')
    const scan = await runScheduledJob(
      deps,
      { tenantId: tenant.id, task: 'send-tests-scan' },
      context(1, 1),
    )
    expect(scan).toEqual({ skipped: 'the tenant is needs_setup' })
    const sync = await runScheduledJob(
      deps,
      { tenantId: tenant.id, task: 'posting-sync' },
      context(1, 1),
    )
    expect(sync).toEqual({ skipped: 'the tenant is not connected to Lever' })
    expect(await openTenantIssues(db, tenant.id)).toEqual([])
  })

  it('raises the issue at once for an error that is never retried', async () => {
    const tenant = await createTenant(db, encryptor, {
      name: 'Unrecoverable',
      settings: {},
      apiKey: 'key-0123456789',
    })
    const failing = {
      ...deps,
      lever: { forTenant: async () => Promise.reject(new UnrecoverableError('refused')) },
    } as unknown as CoreDeps
    await expect(
      runScheduledJob(failing, { tenantId: tenant.id, task: 'health-check' }, context(1, 8)),
    ).rejects.toThrow('refused')
    expect((await openTenantIssues(db, tenant.id)).map((i) => i.kind)).toEqual([
      'scheduled_task_failed',
    ])
  })
})
