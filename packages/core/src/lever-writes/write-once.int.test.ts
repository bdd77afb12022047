import { createDb, createTenant, Encryptor, generateEncryptionKey, findLeverWrite, startLeverWrite } from '@baton/db'
import { LeverConnectionError, LeverRateLimitError, LeverServerError, LeverValidationError } from '@baton/lever'
import type { CoreDeps } from '../deps'
import { SEND_ATTEMPTS, writeOnce, WriteSkipped, type Applied } from './write-once'

const db = createDb(process.env.DATABASE_URL!)
const deps = { db } as unknown as CoreDeps
afterAll(() => db.$disconnect())

async function tenantId() {
  return (await createTenant(db, new Encryptor(generateEncryptionKey()), { name: 'W', settings: {} })).id
}

const absent = async (): Promise<Applied | null> => null
const appliedThen500 = () => new LeverServerError('applied, then 500', { status: 500, code: 'InternalServerError' })

/** A fake Lever resource: each write is applied; `failures` says how each attempt is answered. */
function fakeLever(failures: (Error | null)[]) {
  const written: string[] = []
  let reads = 0
  return {
    written,
    reads: () => reads,
    write: async () => {
      const id = `note-${written.length + 1}`
      written.push(id)
      const failure = failures.shift()
      if (failure) throw failure
      return id
    },
    readBack: async (): Promise<Applied | null> => {
      reads++
      return written.length > 0 ? { leverId: written[written.length - 1] } : null
    },
  }
}

describe('writeOnce', () => {
  it('writes once and skips a completed step on a re-run', async () => {
    const t = await tenantId()
    let writes = 0
    const step = { key: 'order-1-note', write: async () => `note-${++writes}`, readBack: absent }
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
      readBack: async () => ({ leverId: 'note-from-the-crashed-run' }),
    })
    expect(id).toBe('note-from-the-crashed-run')
    expect(writes).toBe(0)
  })

  it('writes again when the crashed run never reached Lever', async () => {
    const t = await tenantId()
    await startLeverWrite(db, t, 'order-3-note')
    const id = await writeOnce(deps, t, { key: 'order-3-note', write: async () => 'written', readBack: absent })
    expect(id).toBe('written')
  })

  it('reads back the time the first attempt began, so older look-alikes are not taken for ours', async () => {
    const t = await tenantId()
    const started = await startLeverWrite(db, t, 'order-4-note')
    const seen: Date[] = []
    await writeOnce(deps, t, { key: 'order-4-note', write: async () => 'x', readBack: async (since) => (seen.push(since), null) })
    expect(seen).toEqual([started.createdAt])
  })

  it.each([
    ['a 500', appliedThen500()],
    ['a 503', new LeverServerError('applied, then 503', { status: 503, code: 'ServiceUnavailable' })],
    ['a dropped connection', new LeverConnectionError('socket hang up', { code: 'ECONNRESET' })],
  ])('a write Lever applied but answered with %s is found by reading back, never sent twice', async (_name, failure) => {
    const t = await tenantId()
    const lever = fakeLever([failure])
    expect(await writeOnce(deps, t, { key: 'order-5-note', ...lever })).toBe('note-1')
    expect(lever.written).toEqual(['note-1'])
    expect(lever.reads()).toBe(1)
    expect(await findLeverWrite(db, t, 'order-5-note')).toMatchObject({ status: 'done', leverId: 'note-1' })
  })

  it('sends again when the read-back shows an ambiguous failure was not applied', async () => {
    const t = await tenantId()
    let sends = 0
    const id = await writeOnce(deps, t, {
      key: 'order-6-note',
      write: async () => {
        if (++sends === 1) throw appliedThen500()
        return 'note-sent-again'
      },
      readBack: absent,
    })
    expect(id).toBe('note-sent-again')
    expect(sends).toBe(2)
  })

  it(`gives up after ${SEND_ATTEMPTS} ambiguous sends and leaves the ledger started for the job's retry`, async () => {
    const t = await tenantId()
    let sends = 0
    const failure = appliedThen500()
    const step = {
      key: 'order-7-note',
      write: async () => {
        sends++
        throw failure
      },
      readBack: absent,
    }
    await expect(writeOnce(deps, t, step)).rejects.toBe(failure)
    expect(sends).toBe(SEND_ATTEMPTS)
    expect((await findLeverWrite(db, t, 'order-7-note'))?.status).toBe('started')
  })

  it.each([
    ['a 400', new LeverValidationError('bad', { status: 400, code: 'BadRequestError' })],
    ['a 429 (Lever surely did not act)', new LeverRateLimitError('slow down', { status: 429, code: 'TooManyRequests' })],
  ])('does not read back after %s: the failure is not ambiguous', async (_name, failure) => {
    const t = await tenantId()
    let reads = 0
    const step = {
      key: 'order-8-note',
      write: async () => {
        throw failure
      },
      readBack: async () => (reads++, null),
    }
    await expect(writeOnce(deps, t, step)).rejects.toBe(failure)
    expect(reads).toBe(0)
  })

  it('records a write that decided not to write, with its reason, and does not try it again', async () => {
    const t = await tenantId()
    let tries = 0
    const step = {
      key: 'order-9-report',
      write: async (): Promise<string | null> => {
        tries++
        throw new WriteSkipped('report_too_large')
      },
      readBack: absent,
    }
    expect(await writeOnce(deps, t, step)).toBeNull()
    expect(await writeOnce(deps, t, step)).toBeNull()
    expect(tries).toBe(1)
    expect(await findLeverWrite(db, t, 'order-9-report')).toMatchObject({ status: 'done', skipped: 'report_too_large' })
  })
})
