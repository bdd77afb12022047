import { BatchWriter } from './batch-writer'

describe('BatchWriter', () => {
  it('writes queued rows together, at once when a batch is full', async () => {
    const batches: number[][] = []
    const writer = new BatchWriter<number>(async (rows) => void batches.push(rows), { everyMs: 60_000, maxRows: 3 })
    writer.add(1)
    writer.add(2)
    expect(batches).toEqual([])
    writer.add(3)
    writer.add(4)
    await writer.close()
    expect(batches).toEqual([[1, 2, 3], [4]])
  })

  it('writes on its timer', async () => {
    const batches: string[][] = []
    const writer = new BatchWriter<string>(async (rows) => void batches.push(rows), { everyMs: 10 })
    writer.add('a')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(batches).toEqual([['a']])
    await writer.close()
  })

  it('drops the rows of a failed write and those beyond its bound, and counts them', async () => {
    const errors: number[] = []
    const writer = new BatchWriter<number>(
      async () => {
        throw new Error('postgres away')
      },
      { everyMs: 60_000, maxRows: 100, maxQueued: 2, onError: (_err, rows) => errors.push(rows) },
    )
    writer.add(1)
    writer.add(2)
    writer.add(3)
    await writer.close()
    expect(errors).toEqual([2])
    expect(writer.dropped).toBe(3)
  })

  it('counts rows being written against its bound, so a hung write cannot grow memory', async () => {
    let release = () => undefined as void
    const hung = new Promise<void>((resolve) => (release = resolve))
    const written: number[][] = []
    const writer = new BatchWriter<number>(
      async (rows) => {
        await hung
        written.push(rows)
      },
      { everyMs: 60_000, maxRows: 2, maxQueued: 3 },
    )
    for (const n of [1, 2, 3, 4, 5]) writer.add(n)
    expect(writer.dropped).toBe(2)
    release()
    await writer.close()
    expect(written).toEqual([[1, 2], [3]])
  })
})
