import { createDb } from '../client'
import { Encryptor, generateEncryptionKey } from '../encryption'
import { advanceOpportunity, getOpportunity, ownStageMoves, recordOwnStageMove } from './opportunities'
import { createTenant } from './tenants'

const db = createDb(process.env.DATABASE_URL!)
afterAll(() => db.$disconnect())

describe('opportunity ordering', () => {
  it('applies events in triggeredAt order and refuses an older one arriving late', async () => {
    const tenant = await createTenant(db, new Encryptor(generateEncryptionKey()), { name: 'T', settings: {} })
    const key = { tenantId: tenant.id, opportunityId: 'opp-order' }
    expect(await advanceOpportunity(db, key, { triggeredAt: 2000, stageId: 'onsite' })).toBe(true)
    expect(await advanceOpportunity(db, key, { triggeredAt: 1000, stageId: 'phone' })).toBe(false)
    expect((await getOpportunity(db, tenant.id, 'opp-order'))?.stageId).toBe('onsite')
    expect(await advanceOpportunity(db, key, { triggeredAt: 3000, stageId: 'offer' })).toBe(true)
    const row = await getOpportunity(db, tenant.id, 'opp-order')
    expect(row?.stageId).toBe('offer')
    expect(row?.lastEventAt).toBe(BigInt(3000))
  })

  it('remembers Baton\'s own stage moves', async () => {
    const tenant = await createTenant(db, new Encryptor(generateEncryptionKey()), { name: 'T', settings: {} })
    await recordOwnStageMove(db, tenant.id, 'opp-echo', { stageId: 'pass', at: 5 })
    expect(await ownStageMoves(db, tenant.id, 'opp-echo')).toEqual([{ stageId: 'pass', at: 5 }])
  })
})
