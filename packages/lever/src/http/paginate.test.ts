import { lever, testClient, useNock } from '../test-support/nock-client'
import { collect } from './paginate'

useNock()

const stages = (...ids: string[]) => ids.map((id) => ({ id, text: id }))

describe('pagination', () => {
  it('follows next/hasNext across three pages, passing next as offset', async () => {
    lever()
      .get('/v1/stages')
      .query({ limit: 100 })
      .reply(200, {
        data: stages('a', 'b'),
        next: 'tok-1',
        hasNext: true,
      })
    lever()
      .get('/v1/stages')
      .query({ limit: 100, offset: 'tok-1' })
      .reply(200, {
        data: stages('c'),
        next: 'tok-2',
        hasNext: true,
      })
    lever()
      .get('/v1/stages')
      .query({ limit: 100, offset: 'tok-2' })
      .reply(200, {
        data: stages('d'),
        next: 'tok-3',
        hasNext: false,
      })
    const ids = (await collect(testClient().stages.list())).map((s) => s.id)
    expect(ids).toEqual(['a', 'b', 'c', 'd'])
  })

  it('fetches pages lazily, only as items are consumed', async () => {
    const first = lever()
      .get('/v1/opportunities')
      .query({ limit: 2 })
      .reply(200, {
        data: [{ id: 'o1' }, { id: 'o2' }],
        next: 'n1',
        hasNext: true,
      })
    const second = lever()
      .get('/v1/opportunities')
      .query({ limit: 2, offset: 'n1' })
      .reply(200, { data: [{ id: 'o3' }], hasNext: false })
    const iterator = testClient().opportunities.list({ pageSize: 2 })
    expect(first.isDone()).toBe(false)
    expect((await iterator.next()).value).toMatchObject({ id: 'o1' })
    expect((await iterator.next()).value).toMatchObject({ id: 'o2' })
    expect(second.isDone()).toBe(false)
    expect((await iterator.next()).value).toMatchObject({ id: 'o3' })
    expect((await iterator.next()).done).toBe(true)
  })

  it('stops at a page without hasNext', async () => {
    lever()
      .get('/v1/stages')
      .query({ limit: 100 })
      .reply(200, { data: stages('a') })
    expect(await collect(testClient().stages.list())).toHaveLength(1)
  })

  it.each([0, 101, 1.5])('rejects page size %p', async (pageSize) => {
    await expect(testClient().opportunities.list({ pageSize }).next()).rejects.toThrow(RangeError)
  })

  it('collect stops at max without fetching further pages', async () => {
    lever()
      .get('/v1/stages')
      .query({ limit: 100 })
      .reply(200, {
        data: stages('a', 'b', 'c'),
        next: 'more',
        hasNext: true,
      })
    expect((await collect(testClient().stages.list(), 2)).map((s) => s.id)).toEqual(['a', 'b'])
  })
})
