import { unwrapData } from './unwrap'

describe('unwrapData', () => {
  it('unwraps {data}', () => expect(unwrapData({ data: { id: 'a' } })).toEqual({ id: 'a' }))
  it('unwraps {data:{data}}', () => {
    expect(unwrapData({ data: { data: { id: 'a' } } })).toEqual({ id: 'a' })
  })
  it('leaves a bare object alone', () => expect(unwrapData({ id: 'a' })).toEqual({ id: 'a' }))
  it('unwraps a list body to its array', () => {
    expect(unwrapData({ data: [{ id: 'a' }], hasNext: false })).toEqual([{ id: 'a' }])
  })
  it('unwraps at most twice', () => {
    expect(unwrapData({ data: { data: { data: 1 } } })).toEqual({ data: 1 })
  })
})
