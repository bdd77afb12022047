import { z } from 'zod'
import type { LeverHttp } from '../http/lever-http'
import { collect, paginate } from '../http/paginate'
import { epochMs } from '../schemas/common'

/** A Lever user: the candidates for `perform_as`. */
export const userSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  username: z.string().nullish(),
  email: z.string().nullish(),
  accessRole: z.string().nullish(),
  deactivatedAt: epochMs,
  createdAt: epochMs,
  externalDirectoryId: z.string().nullish(),
  jobTitle: z.string().nullish(),
  managerId: z.string().nullish(),
})
export type LeverUser = z.output<typeof userSchema>

export interface UserFilters {
  /** Exact canonical email. */
  email?: string
  /** Lever lists only active users unless this is true. */
  includeDeactivated?: boolean
  accessRole?: string
  pageSize?: number
}

/** `/users`. */
export function usersResource(http: LeverHttp) {
  const list = (filters: UserFilters = {}): AsyncGenerator<LeverUser, void, undefined> => {
    const { pageSize, ...query } = filters
    return paginate(http, { path: '/users', query, pageSize }, userSchema)
  }
  return {
    /** Users matching `filters`, fetched lazily. */
    list,

    /** The active user with this email, or null (resolves an admin-entered perform_as user). */
    async findByEmail(email: string): Promise<LeverUser | null> {
      const [user] = await collect(list({ email }), 1)
      return user ?? null
    },
  }
}

export type UsersResource = ReturnType<typeof usersResource>
