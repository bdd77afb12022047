import { Router, type RequestHandler } from 'express'
import { recordAudit, type Db } from '@baton/db'
import type { Logger } from '@baton/logger'
import type { Queues } from '@baton/queues'
import { onlyReads, operatorOf, readOnlyForViewers, requireOperator } from './auth'
import { createBoard } from './board'

/**
 * An admin's change on the board (retry, clean, promote, pause, …) goes to the audit log as
 * `queues.changed` with its method and path (never a body: job data may be edited there). Bull
 * Board answers by itself, so the entry is written once its answer says the change succeeded.
 */
function auditBoardChanges(db: Db, log: Logger): RequestHandler {
  return (req, res, next) => {
    if (onlyReads(req.method)) return next()
    const operator = operatorOf(res)
    const details = { method: req.method, path: req.originalUrl.split('?')[0] }
    res.on('finish', () => {
      if (res.statusCode >= 400) return
      recordAudit(db, { operator, action: 'queues.changed', details }).catch((err: unknown) =>
        log.error(
          { err, ...details },
          'a board change was made but its audit entry was not written',
        ),
      )
    })
    next()
  }
}

/**
 * Bull Board at `/queues` by role: admins get the board as configured (read-only with
 * BATON_BOARD_READ_ONLY=true), viewers a read-only instance, whose pages offer no retry, clean,
 * delete or promote, and a viewer's POST, PUT, PATCH or DELETE made by hand answers 403 before
 * either board sees it.
 */
export function boardRoutes(
  deps: { db: Db; log: Logger; queues: Queues },
  options: { readOnly: boolean; tenantName: (tenantId: string) => string | undefined },
): Router {
  const boardOptions = { basePath: '/queues', tenantName: options.tenantName }
  const adminBoard = createBoard(deps.queues, { ...boardOptions, readOnly: options.readOnly })
  const viewerBoard = options.readOnly
    ? adminBoard
    : createBoard(deps.queues, { ...boardOptions, readOnly: true })
  const router = Router()
  router.use(
    '/queues',
    requireOperator,
    readOnlyForViewers,
    auditBoardChanges(deps.db, deps.log),
    (req, res, next) =>
      (operatorOf(res).role === 'admin' ? adminBoard : viewerBoard)(req, res, next),
  )
  return router
}
