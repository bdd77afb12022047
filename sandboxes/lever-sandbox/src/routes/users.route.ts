import { Router } from 'express'
import type { SandboxContext } from '../context'
import { notFound } from '../http/errors'
import { guard } from '../http/guard'
import { byCreation, paginate } from '../http/pagination'
import { bool, many, one } from '../http/query'
import { presentUser } from '../present/shape'
import { canonicalEmail } from '../state/store'

/** Users; `email` is an exact match on the canonical address, deactivated users hidden by default. */
export function usersRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx

  router.get('/users', guard(ctx, 'users'), (req, res) => {
    const email = one(req.query, 'email')
    const roles = many(req.query, 'accessRole')
    const externalIds = many(req.query, 'external_directory_id')
    const includeDeactivated = bool(req.query, 'includeDeactivated') ?? false
    const rows = [...state.users.values()].filter(
      (user) =>
        (email === undefined || canonicalEmail(user.email) === canonicalEmail(email)) &&
        (roles.length === 0 || roles.includes(user.accessRole)) &&
        (externalIds.length === 0 || externalIds.includes(user.externalDirectoryId ?? '')) &&
        (includeDeactivated || user.deactivatedAt === null),
    )
    const page = paginate(state, req, rows, byCreation)
    res.json({ ...page, data: page.data.map(presentUser) })
  })

  router.get('/users/:userId', guard(ctx, 'users'), (req, res) => {
    const user = state.users.get(String(req.params.userId))
    if (!user) throw notFound('User', String(req.params.userId))
    res.json({ data: presentUser(user) })
  })

  return router
}
