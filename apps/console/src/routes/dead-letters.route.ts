import { Router } from 'express'
import { z } from 'zod'
import { recordAudit } from '@baton/db'
import { ALL_QUEUES, type QueueName } from '@baton/queues'
import { operatorOf } from '../auth'
import type { ConsoleDeps } from '../deps'
import { parseBody } from '../validate'

export const replayBody = z
  .strictObject({
    queue: z.enum(ALL_QUEUES as [QueueName, ...QueueName[]]).optional(),
    tenantId: z.uuid().optional(),
    jobId: z.string().min(1).optional(),
  })
  .refine((b) => !b.jobId || b.queue, { message: 'jobId needs queue', path: ['queue'] })

/**
 * `POST /api/dead-letters/replay`: retries failed jobs (the dead-letter set) — one job, one
 * queue, or every failed job of one tenant across queues.
 */
export function deadLettersRoutes(deps: ConsoleDeps): Router {
  const router = Router()
  router.post('/api/dead-letters/replay', async (req, res) => {
    const body = parseBody(replayBody, req.body ?? {})
    const queues = body.queue ? [body.queue] : ALL_QUEUES
    let replayed = 0
    for (const name of queues) {
      const queue = deps.core.queues[name]
      const failed = body.jobId ? [await queue.getJob(body.jobId)] : await queue.getFailed(0, -1)
      for (const job of failed) {
        if (!job || !(await job.isFailed())) continue
        if (body.tenantId && (job.data as { tenantId?: string }).tenantId !== body.tenantId) continue
        await job.retry('failed')
        replayed++
      }
    }
    await recordAudit(deps.core.db, {
      operator: operatorOf(res),
      action: 'dead_letters.replayed',
      tenantId: body.tenantId,
      details: { queue: body.queue ?? null, jobId: body.jobId ?? null, replayed },
    })
    res.status(202).json({ replayed })
  })
  return router
}
