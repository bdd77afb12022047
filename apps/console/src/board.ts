import { createBullBoard } from '@bull-board/api'
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter'
import { ExpressAdapter } from '@bull-board/express'
import { ALL_QUEUES, type Queues } from '@baton/queues'

/** Keys whose values are personal data; job data is ids only by design, this is a second guard. */
const PERSONAL = /^(email|emails|name|firstName|lastName|phone|phones|candidate|pseudonym)$/i

export function redactPersonal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactPersonal)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, PERSONAL.test(k) ? '[redacted]' : redactPersonal(v)]),
    )
  }
  return value
}

/**
 * Bull Board at `/queues` over every queue, with personal data redacted from job data and
 * return values. BATON_BOARD_READ_ONLY=true hides retry, clean and delete actions.
 */
export function createBoard(queues: Queues, options: { basePath: string; readOnly: boolean }) {
  const serverAdapter = new ExpressAdapter()
  serverAdapter.setBasePath(options.basePath)
  const adapters = ALL_QUEUES.map((name) => {
    const adapter = new BullMQAdapter(queues[name], { readOnlyMode: options.readOnly })
    adapter.setFormatter('data', redactPersonal)
    adapter.setFormatter('returnValue', redactPersonal)
    return adapter
  })
  createBullBoard({ queues: adapters, serverAdapter })
  return serverAdapter.getRouter()
}
