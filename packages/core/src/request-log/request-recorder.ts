import {
  BatchWriter,
  writeRequestLog,
  type CallTarget,
  type Db,
  type RequestLogRow,
} from '@baton/db'
import type { LeverRequestInfo } from '@baton/lever'
import type { Logger } from '@baton/logger'
import type { PlatformRequestInfo } from '@baton/platform'
import { settleLeverForbiddenIssues } from './lever-forbidden-issues'
import { templatePath } from '@baton/http-client'

/**
 * Records every attempt of every call Baton makes to Lever and to the platform in the request log
 * (issue #22): ids, a route template and timings, never a body, query, token or personal data.
 * Rows are queued and written in batches, so a call never waits for the log, and no failure of the
 * log ever reaches the call.
 */
export interface RequestRecorder {
  /** A Lever attempt; `tenantId` is undefined for a key checked before a tenant owns it. */
  lever(tenantId: string | undefined, info: LeverRequestInfo): void
  /** A platform attempt; its tenant is the one the path names (`/tenants/<id>`) or the caller gave. */
  platform(info: PlatformRequestInfo): void
  /** Writes what is queued. */
  close(): Promise<void>
}

export interface RequestRecorderOptions {
  db: Db
  /** The process's role (`invitations`, `console`, …), written on each row. */
  role: string
  log: Logger
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Error codes are short tokens (`ECONNRESET`, `ForbiddenError`); anything else is not kept. */
const ERROR_CODE = /^[\w.:-]{1,64}$/
const errorCodeOf = (code: string | undefined) =>
  code === undefined ? null : ERROR_CODE.test(code) ? code : 'other'

export function createRequestRecorder(options: RequestRecorderOptions): RequestRecorder {
  const { db, role, log } = options
  const writer = new BatchWriter<RequestLogRow>(
    async (rows) => {
      await writeRequestLog(db, rows)
      // After the rows are stored: a failure here must not count them as lost.
      await settleLeverForbiddenIssues(db, rows).catch((err: unknown) =>
        log.warn({ err }, 'could not update the Lever permission issues'),
      )
    },
    // Every 5 s: each write is a Postgres commit beside the invitations' own (bench: request-log).
    { everyMs: 5_000, onError: (err, rows) => log.warn({ err, rows }, 'request log rows lost') },
  )

  function record(
    target: CallTarget,
    tenantId: string | undefined,
    info: PlatformRequestInfo | LeverRequestInfo,
  ) {
    try {
      const path = templatePath(info.path)
      const tenant = tenantId ?? path.tenantId
      writer.add({
        at: new Date(Date.now() - info.durationMs),
        tenantId: tenant && UUID.test(tenant) ? tenant : null,
        target,
        role,
        method: info.method,
        route: path.route,
        opportunityId: path.opportunityId,
        status: info.status ?? null,
        latencyMs: Math.round(info.durationMs),
        attempt: info.attempt,
        budgetWaitMs: Math.round('waitedMs' in info ? info.waitedMs : 0),
        errorCode: errorCodeOf(info.errorCode),
      })
    } catch (err) {
      // The call itself went through; only its log row is lost.
      log.warn({ err }, 'could not record a request')
    }
  }

  return {
    lever: (tenantId, info) => record('lever', tenantId, info),
    platform: (info) => record('platform', info.tenantId, info),
    close: () => writer.close(),
  }
}
