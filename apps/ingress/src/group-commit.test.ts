import { GroupCommit } from './group-commit'

describe('GroupCommit', () => {
  it('commits items submitted together in one call and answers each with its own result', async () => {
    const calls: number[][] = []
    const group = new GroupCommit(async (items: number[]) => {
      calls.push(items)
      return items.map((n) => n * 10)
    })
    const results = await Promise.all([1, 2, 3].map((n) => group.submit(n)))
    expect(results).toEqual([10, 20, 30])
    expect(calls).toEqual([[1, 2, 3]])
  })

  it('with no wait, commits what was submitted in one turn of the event loop together', async () => {
    const calls: number[][] = []
    const group = new GroupCommit(
      async (items: number[]) => {
        calls.push(items)
        return items
      },
      { maxBatch: 100, maxWaitMs: 0 },
    )
    await Promise.all([group.submit(1), group.submit(2)])
    await group.submit(3)
    expect(calls).toEqual([[1, 2], [3]])
  })

  it('commits at once when the batch is full', async () => {
    const calls: number[][] = []
    const group = new GroupCommit(
      async (items: number[]) => {
        calls.push(items)
        return items
      },
      { maxBatch: 2, maxWaitMs: 60_000 },
    )
    await Promise.all([group.submit(1), group.submit(2)])
    expect(calls).toEqual([[1, 2]])
  })

  it('fails every submitter of a batch whose commit fails, and later batches still commit', async () => {
    let fail = true
    const group = new GroupCommit(async (items: string[]) => {
      if (fail) throw new Error('database down')
      return items
    })
    const failed = await Promise.allSettled([group.submit('a'), group.submit('b')])
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    fail = false
    await expect(group.submit('c')).resolves.toBe('c')
  })
})
