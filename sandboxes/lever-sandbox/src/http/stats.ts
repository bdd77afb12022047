import type { RequestHandler } from 'express'
import { APPLIED_THEN_FAILED } from './after-apply-faults'

/** One request the sandbox answered, for tests asserting exactly which calls a client made. */
export interface RequestLogEntry {
  method: string
  path: string
  /** Route pattern, e.g. `GET /v1/opportunities/:id`; `(unmatched)` for unknown paths. */
  route: string
  query: Record<string, unknown>
  /** `apiKey:<key>` or `oauth:<grant id>`; null when authentication failed. */
  credential: string | null
  /** The status the client saw; 0 when the connection was dropped without an answer. */
  status: number
  at: number
  /** Present on writes that were applied and then answered with an error or dropped. */
  appliedThenFailed?: true
}

export interface StatsSnapshot {
  total: number
  byRoute: Record<string, number>
  byCredential: Record<string, number>
  byStatus: Record<string, number>
  rateLimited: number
  appliedThenFailed: number
  log: RequestLogEntry[]
}

/** Keeps memory bounded in long demo runs; tests read far fewer entries. */
const MAX_LOG_ENTRIES = 10_000

export class Stats {
  private log: RequestLogEntry[] = []

  record(entry: RequestLogEntry): void {
    this.log.push(entry)
    if (this.log.length > MAX_LOG_ENTRIES) this.log.splice(0, this.log.length - MAX_LOG_ENTRIES)
  }

  clear(): void {
    this.log = []
  }

  entries(): RequestLogEntry[] {
    return [...this.log]
  }

  snapshot(): StatsSnapshot {
    const count = (map: Record<string, number>, key: string) => {
      map[key] = (map[key] ?? 0) + 1
    }
    const snapshot: StatsSnapshot = {
      total: this.log.length,
      byRoute: {},
      byCredential: {},
      byStatus: {},
      rateLimited: 0,
      appliedThenFailed: 0,
      log: this.entries(),
    }
    for (const entry of this.log) {
      count(snapshot.byRoute, entry.route)
      if (entry.credential) count(snapshot.byCredential, entry.credential)
      count(snapshot.byStatus, String(entry.status))
      if (entry.status === 429) snapshot.rateLimited += 1
      if (entry.appliedThenFailed) snapshot.appliedThenFailed += 1
    }
    return snapshot
  }
}

/**
 * Records each request once its response is sent, or once the sandbox dropped its connection
 * after applying it. Routes put their pattern in `res.locals.route` and the authenticated
 * credential in `res.locals.credentialId`.
 */
export function recordRequests(stats: Stats): RequestHandler {
  return (req, res, next) => {
    const at = Date.now()
    const query = { ...(req.query as Record<string, unknown>) }
    const record = (status: number) => {
      stats.record({
        method: req.method,
        path: req.originalUrl.split('?')[0],
        route: (res.locals.route as string | undefined) ?? `${req.method} (unmatched)`,
        query,
        credential: (res.locals.credentialId as string | undefined) ?? null,
        status,
        at,
        ...(res.locals[APPLIED_THEN_FAILED] ? { appliedThenFailed: true as const } : {}),
      })
    }
    res.on('finish', () => record(res.statusCode))
    // A dropped response never finishes. Other unfinished ones (the client gave up) stay
    // unlogged, as before.
    res.on('close', () => {
      if (!res.writableFinished && res.locals[APPLIED_THEN_FAILED]) record(0)
    })
    next()
  }
}
