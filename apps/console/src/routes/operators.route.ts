import { Router } from 'express'
import { z } from 'zod'
import {
  activeOperatorNamed,
  createOperator,
  listOperators,
  recordAudit,
  revokeOperator,
} from '@baton/db'
import { HttpError } from '@baton/http'
import { operatorOf } from '../auth'
import type { ConsoleDeps } from '../deps'
import { ADMIN_TOKEN_OPERATOR, type OperatorTokens } from '../operator-tokens'
import { parseBody } from '../validate'

export const operatorBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['admin', 'viewer']),
})

/**
 * Operators: who is signed in (`/api/me`), the list (never a token or its hash), creating one
 * (the token is in this answer only, so there is no Idempotency-Key: a replay would have to keep
 * it), and revoking one, which takes effect at once in this process. Revoking yourself is
 * allowed (someone leaving, or a leaked token); ADMIN_TOKEN, having no row, is changed in the
 * configuration instead.
 */
export function operatorsRoutes(deps: ConsoleDeps, tokens: OperatorTokens): Router {
  const router = Router()
  const db = deps.core.db

  router.get('/api/me', (_req, res) => {
    const { id, name, role } = operatorOf(res)
    res.json({ id: id ?? null, name, role })
  })

  router.get('/api/operators', async (_req, res) => {
    res.json(await listOperators(db))
  })

  router.post('/api/operators', async (req, res) => {
    const { name, role } = parseBody(operatorBody, req.body)
    // Names tell operators apart in the audit log.
    const taken =
      name.toLowerCase() === ADMIN_TOKEN_OPERATOR.name.toLowerCase() ||
      (await activeOperatorNamed(db, name))
    if (taken)
      throw new HttpError(
        409,
        'operator_name_taken',
        'an operator who is not revoked has this name',
      )
    const creator = operatorOf(res)
    const { operator, token } = await createOperator(db, { name, role, createdBy: creator.name })
    await recordAudit(db, {
      operator: creator,
      action: 'operator.created',
      details: { operatorId: operator.id, name, role },
    })
    res.status(201).json({ id: operator.id, name, role, token })
  })

  router.delete('/api/operators/:id', async (req, res) => {
    const id = String(req.params.id)
    const result = z.uuid().safeParse(id).success ? await revokeOperator(db, id) : null
    if (!result) throw new HttpError(404, 'operator_not_found', 'no operator has this id')
    tokens.forget(id)
    // Revoking a revoked operator changes nothing, so it is not audited again.
    if (result.revoked) {
      const { name, role } = result.operator
      await recordAudit(db, {
        operator: operatorOf(res),
        action: 'operator.revoked',
        details: { operatorId: id, name, role },
      })
    }
    res.status(204).end()
  })

  return router
}
