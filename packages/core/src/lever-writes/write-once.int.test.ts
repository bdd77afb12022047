import { createDb, createTenant, Encryptor, generateEncryptionKey, findLeverWrite, startLeverWrite } from '@baton/db'
import type { CoreDeps } from '../deps'
import { writeOnce } from './write-once'

const db = createDb(process.env.DATABASE_URL!)
const deps = { db } as unknown as CoreDeps
afterAll(() => db.$disconnect())

async function tenantId() {
  return (await createTenant(db, new Encryptor(generateEncryptionKey()), { name: 'W', settings: {} })).id
}

describe('writeOnce', () => {
  it('writes once and skips a completed step on a re-run', async () => {
    const t = await tenantId()
    let writes = 0
    const step = { key: 'order-1-note', write: async () => `note-${++writes}`, findExisting: async () => null }
    expect(await writeOnce(deps, t, step)).toBe('note-1')
    expect(await writeOnce(deps, t, step)).toBe('note-1')
    expect(writes).toBe(1)
    expect((await findLeverWrite(db, t, 'order-1-note'))?.status).toBe('done')
  })

  it('after a crash between the call and the ledger, finds the earlier write instead of writing again', async () => {
    const t = await tenantId()
    await startLeverWrite(db, t, 'order-2-note')
    let writes = 0
    const id = await writeOnce(deps, t, {
      key: 'order-2-note',
      write: async () => `new-${++writes}`,
      findExisting: async () => 'note-from-the-crashed-run',
    })
    expect(id).toBe('note-from-the-crashed-run')
    expect(writes).toBe(0)
  })

  it('writes again when the crashed run never reached Lever', async () => {
    const t = await tenantId()
    await startLeverWrite(db, t, 'order-3-note')
    const id = await writeOnce(deps, t, { key: 'order-3-note', write: async () => 'written', findExisting: async () => null })
    expect(id).toBe('written')
  })
})
