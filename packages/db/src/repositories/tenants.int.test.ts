import { createDb } from '../client'
import { Encryptor, generateEncryptionKey } from '../encryption'
import {
  addSigningToken,
  createTenant,
  findTenantForWebhook,
  getLeverCredential,
  saveOAuthGrant,
} from './tenants'

const db = createDb(process.env.DATABASE_URL!)
const encryptor = new Encryptor(generateEncryptionKey())

afterAll(() => db.$disconnect())

describe('tenant repository', () => {
  it('stores the API key and signing tokens encrypted, and finds the tenant by webhook key', async () => {
    const tenant = await createTenant(db, encryptor, {
      name: 'Acme Corp',
      settings: { brand: 'Acme' },
      apiKey: 'lever-key-123',
      signingTokens: ['tok-a'],
    })
    await addSigningToken(db, encryptor, tenant.id, 'tok-b', { event: 'candidateStageChange' })

    const raw = await db.leverCredential.findUniqueOrThrow({ where: { tenantId: tenant.id } })
    expect(raw.ciphertext).not.toContain('lever-key-123')
    const tokens = await db.signingToken.findMany({ where: { tenantId: tenant.id } })
    expect(tokens.map((t) => t.ciphertext).join()).not.toMatch(/tok-[ab]/)

    const found = await findTenantForWebhook(db, encryptor, tenant.webhookKey)
    expect(found?.tenant.id).toBe(tenant.id)
    expect(found?.signingTokens.sort()).toEqual(['tok-a', 'tok-b'])
    expect(await getLeverCredential(db, encryptor, tenant.id)).toEqual({ kind: 'api_key', apiKey: 'lever-key-123' })
  })

  it('gives every tenant its own unguessable webhook key', async () => {
    const a = await createTenant(db, encryptor, { name: 'A', settings: {} })
    const b = await createTenant(db, encryptor, { name: 'B', settings: {} })
    expect(a.webhookKey).not.toBe(b.webhookKey)
    expect(a.webhookKey.length).toBeGreaterThanOrEqual(32)
    expect(await findTenantForWebhook(db, encryptor, 'no-such-key')).toBeNull()
  })

  it('replaces an API key with an OAuth grant', async () => {
    const tenant = await createTenant(db, encryptor, { name: 'C', settings: {}, apiKey: 'k' })
    const expiresAt = new Date(Date.now() + 3600_000)
    await saveOAuthGrant(db, encryptor, tenant.id, { accessToken: 'at', refreshToken: 'rt', expiresAt })
    expect(await getLeverCredential(db, encryptor, tenant.id)).toEqual({
      kind: 'oauth',
      accessToken: 'at',
      refreshToken: 'rt',
      expiresAt,
    })
  })
})
