import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { watchDemoOrder } from './watch-demo-order'

describe('watchDemoOrder', () => {
  it('hands over the order id once the platform sandbox has the order, and only once', async () => {
    const asked: string[] = []
    const server = createServer((req, res) => {
      asked.push(req.url ?? '')
      const orders = asked.length < 2 ? [] : [{ orderId: 'order-1' }]
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ data: orders }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const seen: string[] = []
      const order = new Promise<string>((resolve) => {
        watchDemoOrder(url, { tenantId: 'ten-1', opportunityId: 'opp-1' }, (id) => {
          seen.push(id)
          resolve(id)
        })
      })
      expect(await order).toBe('order-1')
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      expect(seen).toEqual(['order-1'])
      expect(asked).toEqual([
        '/_sandbox/orders?tenantId=ten-1&opportunityId=opp-1',
        '/_sandbox/orders?tenantId=ten-1&opportunityId=opp-1',
      ])
    } finally {
      server.close()
    }
  })
})
