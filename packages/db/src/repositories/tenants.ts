import { randomBytes } from 'node:crypto'
import type { Db } from '../client'
import type { Encryptor } from '../encryption'
import type { CredentialKind, Tenant, TenantStatus } from '../generated/prisma/client'

export type { CredentialKind, Tenant, TenantStatus }

/** The decrypted Lever credential of a tenant. */
export type LeverCredentialSecret =
  | { kind: 'api_key'; apiKey: string }
  | { kind: 'oauth'; accessToken: string; refreshToken: string; expiresAt: Date | null }

/** An unguessable key for the tenant's webhook URL (192 bits). */
export function newWebhookKey(): string {
  return randomBytes(24).toString('base64url')
}

export async function createTenant(
  db: Db,
  encryptor: Encryptor,
  input: { name: string; settings: object; apiKey?: string; signingTokens?: string[]; status?: TenantStatus },
): Promise<Tenant> {
  return db.tenant.create({
    data: {
      name: input.name,
      webhookKey: newWebhookKey(),
      settings: input.settings,
      status: input.status,
      credential: input.apiKey
        ? { create: { kind: 'api_key', ciphertext: encryptor.encryptJson({ apiKey: input.apiKey }) } }
        : undefined,
      signingTokens: {
        create: (input.signingTokens ?? []).map((token) => ({ ciphertext: encryptor.encrypt(token) })),
      },
    },
  })
}

export function getTenant(db: Db, id: string): Promise<Tenant | null> {
  return db.tenant.findUnique({ where: { id } })
}

export function listTenants(db: Db): Promise<Tenant[]> {
  return db.tenant.findMany({ orderBy: { createdAt: 'asc' } })
}

/** The tenant owning a webhook key, with its signing tokens decrypted for verification. */
export async function findTenantForWebhook(
  db: Db,
  encryptor: Encryptor,
  webhookKey: string,
): Promise<{ tenant: Tenant; signingTokens: string[] } | null> {
  const tenant = await db.tenant.findUnique({
    where: { webhookKey },
    include: { signingTokens: { orderBy: { createdAt: 'desc' } } },
  })
  if (!tenant) return null
  const { signingTokens, ...rest } = tenant
  return { tenant: rest, signingTokens: signingTokens.map((t) => encryptor.decrypt(t.ciphertext)) }
}

export async function addSigningToken(
  db: Db,
  encryptor: Encryptor,
  tenantId: string,
  token: string,
  origin: { leverWebhookId?: string; event?: string } = {},
): Promise<{ id: string }> {
  return db.signingToken.create({
    data: { tenantId, ciphertext: encryptor.encrypt(token), ...origin },
    select: { id: true },
  })
}

export async function updateTenantSettings(db: Db, tenantId: string, settings: object): Promise<Tenant> {
  return db.tenant.update({ where: { id: tenantId }, data: { settings } })
}

export async function setTenantStatus(db: Db, tenantId: string, status: TenantStatus): Promise<void> {
  await db.tenant.update({ where: { id: tenantId }, data: { status } })
}

export async function setLeverApiKey(db: Db, encryptor: Encryptor, tenantId: string, apiKey: string) {
  const data = { kind: 'api_key' as const, ciphertext: encryptor.encryptJson({ apiKey }), expiresAt: null }
  await db.leverCredential.upsert({ where: { tenantId }, create: { tenantId, ...data }, update: data })
}

export async function saveOAuthGrant(
  db: Db,
  encryptor: Encryptor,
  tenantId: string,
  grant: { accessToken: string; refreshToken: string; expiresAt: Date },
) {
  const data = {
    kind: 'oauth' as const,
    ciphertext: encryptor.encryptJson({ accessToken: grant.accessToken, refreshToken: grant.refreshToken }),
    expiresAt: grant.expiresAt,
  }
  await db.leverCredential.upsert({ where: { tenantId }, create: { tenantId, ...data }, update: data })
}

export async function getLeverCredential(
  db: Db,
  encryptor: Encryptor,
  tenantId: string,
): Promise<LeverCredentialSecret | null> {
  const row = await db.leverCredential.findUnique({ where: { tenantId } })
  if (!row) return null
  if (row.kind === 'api_key') {
    return { kind: 'api_key', apiKey: encryptor.decryptJson<{ apiKey: string }>(row.ciphertext).apiKey }
  }
  const grant = encryptor.decryptJson<{ accessToken: string; refreshToken: string }>(row.ciphertext)
  return { kind: 'oauth', ...grant, expiresAt: row.expiresAt }
}

/** How the tenant is connected to Lever and since when, without the secret; null when it is not. */
export function leverConnection(
  db: Db,
  tenantId: string,
): Promise<{ kind: CredentialKind; updatedAt: Date } | null> {
  return db.leverCredential.findUnique({ where: { tenantId }, select: { kind: true, updatedAt: true } })
}

/** The tenant's signing tokens, decrypted, oldest first; `leverWebhookId` marks those Baton registered. */
export async function signingTokensOf(
  db: Db,
  encryptor: Encryptor,
  tenantId: string,
): Promise<{ id: string; token: string; leverWebhookId: string | null; createdAt: Date }[]> {
  const rows = await db.signingToken.findMany({ where: { tenantId }, orderBy: { createdAt: 'asc' } })
  return rows.map((row) => ({
    id: row.id,
    token: encryptor.decrypt(row.ciphertext),
    leverWebhookId: row.leverWebhookId,
    createdAt: row.createdAt,
  }))
}

export async function deleteLeverCredential(db: Db, tenantId: string): Promise<void> {
  await db.leverCredential.deleteMany({ where: { tenantId } })
}
