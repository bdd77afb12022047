import type { Request, RequestHandler, Response } from 'express'
import { HttpError } from '@baton/http'
import type { IngressDeps } from './deps'

type Source = 'lever' | 'platform'

/**
 * Wraps a webhook route so every outcome is counted once in `baton_webhooks_total`: the handler
 * returns the outcome it answered with (`stored`, `duplicate`, `ping`, …), and a rejection is
 * counted by its error code before the error middleware renders it.
 */
export function countedWebhook(
  deps: IngressDeps,
  source: Source,
  handle: (req: Request, res: Response) => Promise<string>,
): RequestHandler {
  return async (req, res) => {
    try {
      deps.metrics.webhooks.inc({ source, outcome: await handle(req, res) })
    } catch (err) {
      if (err instanceof HttpError) deps.metrics.webhooks.inc({ source, outcome: err.code })
      throw err
    }
  }
}

/** Answers a stored (or recognised) event and names the outcome for the metric. */
export function acknowledge(res: Response, stored: { duplicate: boolean }): string {
  res.status(200).json({ ok: true, duplicate: stored.duplicate })
  return stored.duplicate ? 'duplicate' : 'stored'
}
