import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { httpLogger } from './http'
import { createLogger } from './logger'

async function served(status: number, successLevel?: 'info' | 'debug', loggerLevel = 'info') {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const log = httpLogger(createLogger({ name: 'test', level: loggerLevel }, stream), { successLevel })
  const server = createServer((req, res) => log(req, res, () => res.writeHead(status).end()))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await fetch(`http://127.0.0.1:${port}/webhooks/x?email=jane@example.com`, {
    headers: { authorization: 'Bearer secret-token' },
  })
  await new Promise((resolve) => server.close(resolve))
  return lines.map((line) => JSON.parse(line))
}

describe('httpLogger', () => {
  it('logs method, path without the query, status and time; never headers', async () => {
    const [line] = await served(200)
    expect(line).toMatchObject({ level: 30, req: { method: 'GET', path: '/webhooks/x' }, res: { statusCode: 200 } })
    expect(line.responseTime).toEqual(expect.any(Number))
    expect(JSON.stringify(line)).not.toMatch(/jane@example\.com|secret-token/)
  })

  it('logs client errors at warn and server errors at error', async () => {
    expect((await served(400))[0].level).toBe(40)
    expect((await served(409))[0].level).toBe(40)
    expect((await served(413))[0].level).toBe(40)
    expect((await served(500))[0].level).toBe(50)
    expect((await served(503))[0].level).toBe(50)
  })

  it('logs unknown paths and auth failures (404, 401, 403) at debug only, never as warnings', async () => {
    for (const status of [404, 401, 403]) {
      expect(await served(status)).toEqual([])
      expect(await served(status, 'debug', 'warn')).toEqual([])
      const [line] = await served(status, 'info', 'debug')
      expect(line).toMatchObject({ level: 20, res: { statusCode: status } })
    }
  })

  it('skips successes below the logger level and still logs failures', async () => {
    expect(await served(200, 'debug')).toEqual([])
    expect((await served(400, 'debug'))[0].level).toBe(40)
  })
})
