import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../client'
import type { Operator, OperatorRole } from '../generated/prisma/client'

export type { Operator, OperatorRole }

/** An operator as anyone may see it: never the token, nor its hash. */
export type OperatorView = Omit<Operator, 'tokenHash'>

const VIEW = {
  id: true,
  name: true,
  role: true,
  createdAt: true,
  createdBy: true,
  revokedAt: true,
} as const

/** The sha256 (hex) under which an operator token is stored and looked up. */
export function hashOperatorToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/**
 * Creates an operator with a new token: 32 random bytes, base64url. The token is returned this
 * once; only its sha256 is stored.
 */
export async function createOperator(
  db: Db,
  input: { name: string; role: OperatorRole; createdBy: string },
): Promise<{ operator: OperatorView; token: string }> {
  const token = randomBytes(32).toString('base64url')
  const operator = await db.operator.create({
    data: { ...input, tokenHash: hashOperatorToken(token) },
    select: VIEW,
  })
  return { operator, token }
}

/** Every operator, revoked ones too, oldest first. */
export function listOperators(db: Db): Promise<OperatorView[]> {
  return db.operator.findMany({ select: VIEW, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })
}

/** The operator whose token hashes to `tokenHash`, unless revoked. */
export function findActiveOperatorByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<OperatorView | null> {
  return db.operator.findFirst({ where: { tokenHash, revokedAt: null }, select: VIEW })
}

/** The operator with this id, unless revoked. */
export function findActiveOperator(db: Db, id: string): Promise<OperatorView | null> {
  return db.operator.findFirst({ where: { id, revokedAt: null }, select: VIEW })
}

/** Whether an operator who is not revoked goes by `name` (names tell operators apart in the audit log). */
export async function activeOperatorNamed(db: Db, name: string): Promise<boolean> {
  const found = await db.operator.findFirst({
    where: { name: { equals: name, mode: 'insensitive' }, revokedAt: null },
    select: { id: true },
  })
  return found !== null
}

/**
 * Revokes an operator's token. `revoked` is false when it already was (nothing changed);
 * null when no operator has this id.
 */
export async function revokeOperator(
  db: Db,
  id: string,
  now = new Date(),
): Promise<{ operator: OperatorView; revoked: boolean } | null> {
  const { count } = await db.operator.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: now },
  })
  const operator = await db.operator.findUnique({ where: { id }, select: VIEW })
  return operator ? { operator, revoked: count === 1 } : null
}
