import { timingSafeEqual } from 'node:crypto'
import {
  findActiveOperatorByTokenHash,
  hashOperatorToken,
  type Db,
  type OperatorRole,
} from '@baton/db'

/** Who sent a request: an operator, or the ADMIN_TOKEN admin (no id, no row in `operators`). */
export interface SignedInOperator {
  id?: string
  name: string
  role: OperatorRole
}

/** ADMIN_TOKEN stays the first admin. */
export const ADMIN_TOKEN_OPERATOR: SignedInOperator = { name: 'admin (ADMIN_TOKEN)', role: 'admin' }

/**
 * How long a lookup is trusted. A token revoked by another console process stops working within
 * this time; in the process that revoked it, at once (`forget`).
 */
export const TOKEN_CACHE_MS = 5_000

/** Bounds the memory a flood of wrong tokens can take; the oldest lookup goes first. */
const MAX_ENTRIES = 1_000

const encode = (s: string) => Buffer.from(s, 'utf8')

/** Constant-time compare; lengths are checked first, as timingSafeEqual throws on a mismatch. */
function sameToken(given: string, expected: string): boolean {
  const a = encode(given)
  const b = encode(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Resolves a presented token to its operator, once per request: ADMIN_TOKEN by constant-time
 * compare, an operator's by the sha256 index, remembered for TOKEN_CACHE_MS (wrong tokens too,
 * so a flood of them does not reach Postgres).
 */
export class OperatorTokens {
  private cache = new Map<string, { at: number; operator: SignedInOperator | null }>()

  constructor(
    private readonly db: Db,
    private readonly adminToken: string,
    private readonly now = Date.now,
  ) {}

  async resolve(token: string): Promise<SignedInOperator | null> {
    if (sameToken(token, this.adminToken)) return ADMIN_TOKEN_OPERATOR
    const hash = hashOperatorToken(token)
    const hit = this.cache.get(hash)
    if (hit && this.now() - hit.at < TOKEN_CACHE_MS) return hit.operator
    const found = await findActiveOperatorByTokenHash(this.db, hash)
    const operator = found ? { id: found.id, name: found.name, role: found.role } : null
    this.cache.delete(hash)
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!)
    this.cache.set(hash, { at: this.now(), operator })
    return operator
  }

  /** Drops what is remembered of an operator, so a revocation takes effect at once here. */
  forget(operatorId: string): void {
    for (const [hash, entry] of this.cache) {
      if (entry.operator?.id === operatorId) this.cache.delete(hash)
    }
  }
}
