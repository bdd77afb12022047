import { randomBytes } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import { candidateSourcedDataSchema } from '@baton/platform'
import { now, type SandboxContext } from '../context'
import { sourcedEvent } from '../events/builders'
import { parseInput } from '../http/validate'
import { reportLink } from '../reports/report-link'
import { reportVariantSchema } from '../reports/report-variant'
import { awaitIfAsked } from './respond'

const sourceSchema = z.object({
  outcome: z.enum(['passed', 'failed']),
  candidate: z.object({
    name: z.string().min(1),
    email: z.email(),
    phone: z.string().optional(),
    pseudonym: z.string().min(1).optional(),
  }),
  postingId: z.string().min(1).optional(),
  score: z.number().int().min(0).max(100).optional(),
  summary: z.string().optional(),
  assessment: z.string().min(1).optional(),
  /** How the report is served (pre-signed link, oversize, not a PDF). */
  report: reportVariantSchema.optional(),
  deliver: z.boolean().default(true),
})

/**
 * `POST /_sandbox/tenants/:tenantId/candidates/source`: report a candidate interviewed outside
 * Lever (`candidate.sourced`), with a recruiter page and a report PDF of their own.
 */
export function sourcingRoute(ctx: SandboxContext): Router {
  const router = Router()
  router.post('/tenants/:tenantId/candidates/source', async (req, res) => {
    const input = parseInput(sourceSchema, req.body)
    const base = ctx.publicUrl(req)
    const externalId = `src_${randomBytes(8).toString('hex')}`
    const data = candidateSourcedDataSchema.parse({
      tenantId: req.params.tenantId,
      externalId,
      outcome: input.outcome,
      candidate: {
        ...input.candidate,
        pseudonym: input.candidate.pseudonym ?? `Candidate ${externalId.slice(-4).toUpperCase()}`,
      },
      postingId: input.postingId,
      score: input.score,
      summary: input.summary ?? `Interview ${input.outcome}.`,
      recruiterUrl: `${base}/recruiter/candidates/${externalId}`,
      reportPdfUrl: reportLink(ctx, req, externalId, input.report),
    })
    const assessment = input.assessment ?? ctx.defaultAssessment
    ctx.state.sourced.set(externalId, { ...data, assessment, createdAt: now() })
    const delivery = ctx.sender.send(sourcedEvent(data), input)
    res.json({ candidate: data, delivery: await awaitIfAsked(ctx, req, delivery) })
  })
  return router
}
