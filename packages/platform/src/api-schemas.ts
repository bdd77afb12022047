import { z } from 'zod'
import { orderScoredDataSchema } from './events/schemas'

/**
 * Request and response shapes of the platform API (contract.md §3). The request schemas are what
 * the client sends and what the sandbox accepts; the response schemas are tolerant (extra fields
 * pass) so a platform adding fields never breaks Baton.
 */
const id = z.string().min(1)

/** `PUT /v1/tenants/{tenantId}/postings/{postingId}` body. */
export const postingBodySchema = z.object({
  title: z.string(),
  team: z.string().nullable(),
  location: z.string().nullable(),
  hiringManager: z.object({ name: z.string(), email: z.string() }).nullable(),
  description: z.string(),
  salary: z
    .object({
      min: z.number().nullable(),
      max: z.number().nullable(),
      currency: z.string().nullable(),
      interval: z.string().nullable(),
    })
    .nullable(),
  tags: z.array(z.string()),
  state: z.string(),
})

/**
 * `POST /v1/tenants/{tenantId}/orders` body. The email is only required to be a string here: the
 * platform answers a malformed one with 422 `invalid_email`, not a 400.
 */
export const createOrderBodySchema = z.object({
  orderId: id,
  assessment: z.string().min(1).nullable(),
  candidate: z.object({
    opportunityId: id,
    contactId: id,
    name: z.string(),
    email: z.string(),
    phone: z.string().nullish(),
    location: z.string().nullish(),
  }),
  posting: z.object({ id, title: z.string() }),
})

/** `POST /v1/tenants/{tenantId}/candidates/{opportunityId}/events` body. */
export const candidateEventBodySchema = z.object({
  type: z.enum(['hired', 'stage_changed']),
  stage: z.object({ id, name: z.string() }).nullish(),
  at: z.iso.datetime({ offset: true }),
})

export const createOrderResponseSchema = z.object({
  platformOrderId: id,
  candidateUrl: z.url(),
  recruiterUrl: z.url(),
})

export const orderStatuses = ['open', 'started', 'scored', 'bounced', 'cancelled'] as const

export const getOrderResponseSchema = z.object({
  status: z.enum(orderStatuses),
  result: orderScoredDataSchema.nullish().transform((value) => value ?? undefined),
})

export type PostingBody = z.infer<typeof postingBodySchema>
export type CreateOrderBody = z.infer<typeof createOrderBodySchema>
export type CandidateEventBody = z.infer<typeof candidateEventBodySchema>
export type OrderStatus = (typeof orderStatuses)[number]
export type PlatformOrderState = z.infer<typeof getOrderResponseSchema>
