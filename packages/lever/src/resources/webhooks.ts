import { z } from 'zod'
import { seg, type LeverHttp } from '../http/lever-http'
import { paginate } from '../http/paginate'
import { epochMs, optionalObject } from '../schemas/common'
import type { LeverEventName } from '../webhooks/event-names'

/** Conditions use the docs form `configuration.conditions.origins` (§2.6). */
export interface WebhookConfiguration {
  conditions?: { origins: string[] }
  verifyConnection?: boolean
  [extra: string]: unknown
}

/** A webhook as Lever lists it. */
export const webhookSchema = z.looseObject({
  id: z.string(),
  event: z.string(),
  url: z.string(),
  configuration: optionalObject(z.looseObject({ signatureToken: z.string().nullish() })),
  createdAt: epochMs,
  updatedAt: epochMs,
})
export type LeverWebhook = z.output<typeof webhookSchema>

/** The create answer must carry the signing token: it is shown this once only. */
const createdWebhookSchema = webhookSchema
  .extend({ configuration: z.looseObject({ signatureToken: z.string().min(1) }) })
  .transform((hook) => ({
    id: hook.id,
    event: hook.event,
    url: hook.url,
    signatureToken: hook.configuration.signatureToken,
  }))

/** What `webhooks.create` returns; store `signatureToken` encrypted, per webhook. */
export type CreatedWebhook = z.output<typeof createdWebhookSchema>

/** `PUT /webhooks` may answer the updated list or nothing. */
const updatedWebhooksSchema = z.union([
  z.array(webhookSchema),
  z.union([z.literal(''), z.null(), z.undefined()]).transform((): LeverWebhook[] => []),
])

export interface WebhookUpdate {
  id: string
  url?: string
  event?: LeverEventName
  configuration?: WebhookConfiguration
}

/**
 * `/webhooks` (Webhooks Subscription API). `list` may answer every webhook of the account, whoever
 * registered it (docs, List Webhooks: "lists all existing webhooks"; Lever's Postman collection
 * says the credential's own): callers pick their own by URL.
 */
export function webhooksResource(http: LeverHttp) {
  return {
    list(): AsyncGenerator<LeverWebhook, void, undefined> {
      return paginate(http, { path: '/webhooks' }, webhookSchema)
    },

    /**
     * Registers a webhook. The token is read from `{data:{configuration}}` or the documented
     * `{data:{data:{configuration}}}`. A Super Admin must still switch the event group on.
     */
    create(webhook: {
      url: string
      event: LeverEventName
      configuration?: WebhookConfiguration
    }): Promise<CreatedWebhook> {
      return http.request(
        { method: 'POST', path: '/webhooks', body: webhook },
        createdWebhookSchema,
      )
    },

    /** Bulk update: `PUT /webhooks` with `{data: [...]}` (no id in the path). */
    update(webhooks: readonly WebhookUpdate[]): Promise<LeverWebhook[]> {
      return http.request(
        { method: 'PUT', path: '/webhooks', body: { data: webhooks } },
        updatedWebhooksSchema,
      )
    },

    /** `DELETE /webhooks/:id` (204). */
    delete(id: string): Promise<void> {
      return http.request({ method: 'DELETE', path: `/webhooks/${seg(id)}` })
    },
  }
}

export type WebhooksResource = ReturnType<typeof webhooksResource>
