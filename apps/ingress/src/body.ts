import express, { type Request } from 'express'
import { HttpError } from '@baton/http'

/** Webhook bodies are read raw (the platform signs the raw bytes), capped at 256 KiB. */
export const rawBody = express.raw({ type: () => true, limit: '256kb' })

/** Parses a raw JSON body, answering 415 for other media types and 400 for broken JSON. */
export function jsonBody(req: Request): { raw: string; body: unknown } {
  if (!req.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Content-Type must be application/json')
  }
  const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : ''
  try {
    return { raw, body: JSON.parse(raw) }
  } catch {
    throw new HttpError(400, 'malformed_json', 'body is not valid JSON')
  }
}
