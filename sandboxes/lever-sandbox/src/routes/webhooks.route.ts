import { randomBytes, randomUUID } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import type { SandboxContext } from '../context'
import { badRequest, notFound } from '../http/errors'
import { credentialOf, guard } from '../http/guard'
import { byCreation, paginate } from '../http/pagination'
import { parseBody } from '../http/validate'
import { ORIGINS, type Webhook } from '../state/types'
import { CONDITIONAL_EVENTS, WEBHOOK_EVENTS } from '../webhooks/events'

// Lever demands HTTPS with a CA-signed certificate; the sandbox also takes http for local runs
// unless it is strict (checkUrl).
const url = z.url({ protocol: /^https?$/ })
const configuration = z.object({
  conditions: z.object({ origins: z.array(z.enum(ORIGINS)).min(1) }).optional(),
  verifyConnection: z.boolean().optional(),
})
const createSchema = z.object({
  url,
  event: z.enum(WEBHOOK_EVENTS),
  configuration: configuration.optional(),
})
const updateSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      url: url.optional(),
      event: z.enum(WEBHOOK_EVENTS).optional(),
      configuration: configuration.optional(),
    }),
  ),
})

function checkConditions(event: string, conditions: Webhook['conditions']): void {
  if (conditions && !CONDITIONAL_EVENTS.includes(event as (typeof CONDITIONAL_EVENTS)[number])) {
    throw badRequest(`Event ${event} does not take conditions`)
  }
}

/** A strict sandbox refuses what Lever refuses: a URL it could not deliver to over HTTPS. */
function checkUrl(ctx: SandboxContext, target: string): void {
  if (ctx.options.strict && new URL(target).protocol !== 'https:') {
    throw badRequest('Webhook URL must use HTTPS')
  }
}

/**
 * The signature token comes back only in the create response (lever-api.md §3, §2.4), so a
 * client that loses it must create the webhook again.
 */
function present(webhook: Webhook, withToken: boolean) {
  return {
    id: webhook.id,
    event: webhook.event,
    url: webhook.url,
    configuration: {
      ...(withToken ? { signatureToken: webhook.signatureToken } : {}),
      ...(webhook.conditions ? { conditions: { origins: [...webhook.conditions.origins] } } : {}),
    },
    createdAt: webhook.createdAt,
    updatedAt: webhook.updatedAt,
  }
}

/**
 * The Webhooks Subscription API. As in Lever, `GET /webhooks` "lists all existing webhooks" of the
 * account, whichever credential or integration registered them, and any webhook created through
 * the API can be updated or deleted through it (docs, Webhooks via the API): a client must pick
 * its own, by URL.
 */
export function webhooksRouter(ctx: SandboxContext): Router {
  const router = Router()
  const { state } = ctx

  router.get('/webhooks', guard(ctx, 'webhooks'), (req, res) => {
    const page = paginate(state, req, [...state.webhooks.values()], byCreation)
    res.json({ ...page, data: page.data.map((webhook) => present(webhook, false)) })
  })

  router.post('/webhooks', guard(ctx, 'webhooks'), (req, res) => {
    const body = parseBody(createSchema, req.body)
    checkUrl(ctx, body.url)
    const conditions = body.configuration?.conditions ?? null
    checkConditions(body.event, conditions)
    const now = Date.now()
    const webhook: Webhook = {
      id: randomUUID(),
      event: body.event,
      url: body.url,
      ownerId: credentialOf(res).id,
      signatureToken: randomBytes(24).toString('hex'),
      conditions,
      createdAt: now,
      updatedAt: now,
    }
    state.webhooks.set(webhook.id, webhook)
    res.status(201).json({ data: present(webhook, true) })
  })

  router.put('/webhooks', guard(ctx, 'webhooks'), (req, res) => {
    const { data } = parseBody(updateSchema, req.body)
    // Check everything first so a bad entry leaves every webhook unchanged.
    const changes = data.map((change) => {
      const webhook = state.webhooks.get(change.id)
      if (!webhook) throw notFound('Webhook', change.id)
      if (change.url !== undefined) checkUrl(ctx, change.url)
      const event = change.event ?? webhook.event
      const conditions =
        change.configuration === undefined
          ? webhook.conditions
          : (change.configuration.conditions ?? null)
      checkConditions(event, conditions)
      return { webhook, event, conditions, url: change.url ?? webhook.url }
    })
    const now = Date.now()
    for (const { webhook, event, conditions, url: target } of changes) {
      Object.assign(webhook, { event, conditions, url: target, updatedAt: now })
    }
    res.json({ data: changes.map(({ webhook }) => present(webhook, false)) })
  })

  router.delete('/webhooks/:webhookId', guard(ctx, 'webhooks'), (req, res) => {
    const webhook = state.webhooks.get(String(req.params.webhookId))
    if (!webhook) throw notFound('Webhook', String(req.params.webhookId))
    state.webhooks.delete(webhook.id)
    res.status(204).end()
  })

  return router
}
