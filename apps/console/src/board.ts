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

/** Enough of a job for the labels: its name and data, as Bull Board hands them to formatters. */
interface JobProps {
  name?: string
  data?: { tenantId?: unknown; opportunityId?: unknown }
}

/**
 * Bull Board at `/queues` over every queue, with personal data redacted from job data and
 * return values. A job names its tenant (in its title and data) with a link back to the
 * tenant's page in the console (and to the candidate's timeline when the job names an
 * opportunity), and the header links to the console. BATON_BOARD_READ_ONLY=true
 * hides retry, clean and delete actions.
 */
export function createBoard(
  queues: Queues,
  options: { basePath: string; readOnly: boolean; tenantName: (tenantId: string) => string | undefined },
) {
  const serverAdapter = new ExpressAdapter()
  serverAdapter.setBasePath(options.basePath)
  const tenantOf = (data: unknown) => {
    const id = (data as JobProps['data'])?.tenantId
    return typeof id === 'string' ? { id, name: options.tenantName(id) } : null
  }
  const adapters = ALL_QUEUES.map((name) => {
    const adapter = new BullMQAdapter(queues[name], { readOnlyMode: options.readOnly })
    adapter.setFormatter('name', (job: JobProps) => {
      const tenant = tenantOf(job.data)
      return tenant?.name ? `${job.name ?? ''} · ${tenant.name}` : (job.name ?? '')
    })
    adapter.setFormatter('data', (data: unknown) => {
      const tenant = tenantOf(data)
      const redacted = redactPersonal(data) as Record<string, unknown>
      if (!tenant) return redacted
      const opportunityId = (data as JobProps['data'])?.opportunityId
      const timeline = typeof opportunityId === 'string' ? { timeline: `/#tenant=${tenant.id}&timeline=${encodeURIComponent(opportunityId)}` } : {}
      return { ...redacted, tenant: { name: tenant.name ?? '(unknown)', console: `/#tenant=${tenant.id}`, ...timeline } }
    })
    adapter.setFormatter('returnValue', redactPersonal)
    return adapter
  })
  createBullBoard({
    queues: adapters,
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Baton queues', miscLinks: [{ text: 'Console', url: '/' }] } },
  })
  return serverAdapter.getRouter()
}
