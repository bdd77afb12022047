import { parseRedisUrl } from './redis-url'

describe('parseRedisUrl', () => {
  it('leaves one server to ioredis, as it was given', () => {
    expect(parseRedisUrl('redis://:pw@10.0.0.5:6380/2')).toEqual({ kind: 'server', url: 'redis://:pw@10.0.0.5:6380/2' })
    expect(parseRedisUrl('rediss://cache.example.com')).toEqual({ kind: 'server', url: 'rediss://cache.example.com' })
  })

  it('reads the seed nodes and login of a Cluster', () => {
    expect(parseRedisUrl('rediss+cluster://baton:p%40ss@a.example.com:7000,b.example.com,[::1]:7002')).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'a.example.com', port: 7000 },
        { host: 'b.example.com', port: 6379 },
        { host: '::1', port: 7002 },
      ],
      username: 'baton',
      password: 'p@ss',
      tls: true,
    })
  })

  it('reads the sentinels, the master name, the database and the sentinels’ own password', () => {
    expect(parseRedisUrl('redis+sentinel://:pw@10.0.0.1,10.0.0.2:26380/mymaster/3?sentinelPassword=sp')).toEqual({
      kind: 'sentinel',
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '10.0.0.2', port: 26380 },
      ],
      masterName: 'mymaster',
      db: 3,
      password: 'pw',
      sentinelPassword: 'sp',
      tls: false,
    })
  })

  it.each([
    ['http://127.0.0.1:6379', /must start with redis:\/\/ or rediss:\/\//],
    ['redis+cluster://', /names no cluster node/],
    ['redis+cluster://a:7000,b:notaport', /"b:notaport" is not a host:port/],
    ['redis+cluster://a:70000', /"a:70000" has no valid port/],
    ['redis+cluster://a:7000/1', /takes no path/],
    ['redis+sentinel://a:26379', /must name the master/],
    ['redis+sentinel://a:26379/m/x', /database "x" is not a number/],
    ['redis://exa mple', /is not a valid URL/],
  ])('refuses %s, saying why', (url, reason) => {
    expect(() => parseRedisUrl(url)).toThrow(reason)
  })
})
