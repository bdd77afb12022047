import { createHash } from 'node:crypto'
import type { Request, Response } from 'express'
import { z } from 'zod'
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  type Db,
  type Prisma,
} from '@baton/db'
import { HttpError } from '@baton/http'

/** Visible ASCII, as in Stripe's and the IETF draft's keys; a UUID fits. */
const keySchema = z.string().regex(/^[\x21-\x7e]{1,255}$/)

/** Deeper than any body of the API; bounds the recursion below (a 256 KiB body nests far deeper). */
const MAX_DEPTH = 64

/** The same JSON however its keys are ordered, so a retry hashes as its first request did. */
function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH)
    throw new HttpError(400, 'invalid_request', `body is nested more than ${MAX_DEPTH} levels deep`)
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item, depth + 1)).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, depth + 1)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

const hashOf = (body: unknown) => createHash('sha256').update(canonicalJson(body)).digest('hex')

/** An answer to send, and to keep for the retries of an idempotent request. */
export interface Answer {
  status: number
  body: Prisma.InputJsonValue
}

/**
 * Runs a creating request at most once per `Idempotency-Key` header (when it has one) within
 * `scope`: a retry with the same key and body gets the first answer again, marked
 * `Idempotent-Replayed: true`; the same key with another body answers 422, and while the first
 * request still runs, 409. A request that fails (a 4xx included) frees its key, so the client can
 * fix it and send it again. Keys are kept in Postgres for 24 hours (see idempotency-keys.ts).
 */
export async function answerIdempotently(
  db: Db,
  scope: string,
  req: Request,
  res: Response,
  run: () => Promise<Answer>,
): Promise<void> {
  const header = req.get('Idempotency-Key')
  if (header === undefined) {
    const answer = await run()
    res.status(answer.status).json(answer.body)
    return
  }
  if (!keySchema.safeParse(header).success) {
    throw new HttpError(
      400,
      'invalid_idempotency_key',
      'Idempotency-Key must be 1 to 255 visible ASCII characters',
    )
  }
  const ref = { scope, key: header }
  const claim = await claimIdempotencyKey(db, { ...ref, requestHash: hashOf(req.body) })
  if (claim.state === 'mismatch') {
    throw new HttpError(
      422,
      'idempotency_key_reused',
      'this Idempotency-Key was used with another body',
    )
  }
  if (claim.state === 'in_progress') {
    throw new HttpError(
      409,
      'idempotency_key_in_use',
      'a request with this Idempotency-Key is still running; retry shortly',
    )
  }
  if (claim.state === 'replay') {
    res.setHeader('Idempotent-Replayed', 'true')
    res.status(claim.status).json(claim.body)
    return
  }
  let answer: Answer
  try {
    answer = await run()
  } catch (err) {
    await releaseIdempotencyKey(db, ref)
    throw err
  }
  await completeIdempotencyKey(db, ref, answer)
  res.status(answer.status).json(answer.body)
}
