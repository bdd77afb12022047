import { waitFor } from './wait'

describe('waitFor', () => {
  it('resolves with the first truthy value', async () => {
    let calls = 0
    const value = await waitFor(() => (++calls >= 3 ? { calls } : null), { intervalMs: 1 })
    expect(value).toEqual({ calls: 3 })
  })

  it('times out naming what it waited for and the last error', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('not yet')
        },
        { timeoutMs: 30, intervalMs: 5, what: 'the tag' },
      ),
    ).rejects.toThrow(/the tag.*not yet/)
  })
})
