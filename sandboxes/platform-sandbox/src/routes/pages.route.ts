import { Router, type Response } from 'express'
import type { SandboxContext } from '../context'
import type { SandboxOrder } from '../state'

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function page(res: Response, status: number, title: string, lines: string[]): void {
  const body = lines.map((line) => `<p>${escape(line)}</p>`).join('\n')
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html><head><title>${escape(title)}</title></head>` +
        `<body><h1>${escape(title)}</h1>\n${body}\n</body></html>`,
    )
}

function resultLines(order: SandboxOrder): string[] {
  if (!order.result) return ['No result yet.']
  const { final, score, sections, summary } = order.result
  return [
    `${final ? 'Final' : 'Provisional'} score: ${score}/100`,
    ...sections.map((s) => `${s.name}: ${s.score}/100`),
    summary,
  ]
}

/**
 * The pages behind `recruiterUrl` and `candidateUrl`. A real platform would ask the recruiter to
 * sign in; the sandbox shows the result only, never the candidate's contact details.
 */
export function pagesRoute({ state }: SandboxContext): Router {
  const router = Router()

  router.get('/recruiter/orders/:platformOrderId', (req, res) => {
    const order = state.orders.get(req.params.platformOrderId)
    if (!order) return page(res, 404, 'Order not found', [])
    page(res, 200, `${order.assessment} assessment`, [
      `Posting: ${order.posting.title}`,
      `Status: ${order.status}`,
      ...resultLines(order),
    ])
  })

  router.get('/recruiter/candidates/:externalId', (req, res) => {
    const sourced = state.sourced.get(req.params.externalId)
    if (!sourced) return page(res, 404, 'Candidate not found', [])
    page(res, 200, `${sourced.assessment} interview`, [
      `Outcome: ${sourced.outcome}`,
      sourced.score === undefined ? 'No score' : `Score: ${sourced.score}/100`,
      sourced.summary,
    ])
  })

  router.get('/take/:token', (req, res) => {
    const order = state.findOrderByToken(req.params.token)
    if (!order) return page(res, 404, 'Invitation not found', [])
    page(res, 200, `${order.assessment} assessment`, [
      `You are invited to the ${order.assessment} assessment for ${order.posting.title}.`,
      order.status === 'open'
        ? 'This is the platform sandbox: the test is started and scored through its control API.'
        : `This invitation is ${order.status}.`,
    ])
  })

  return router
}
