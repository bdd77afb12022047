import { randomBytes } from 'node:crypto'
import { leverSignature } from './signature'

export interface LeverWebhookEnvelope<D = Record<string, unknown>> {
  id?: string
  event: string
  triggeredAt: number
  token: string
  signature: string
  data: D
}

/**
 * Builds a signed Lever webhook body exactly as Lever sends it. Used by tests and by the Lever
 * sandbox when it delivers recruiter actions.
 */
export function signLeverWebhook<D extends Record<string, unknown>>(
  signingToken: string,
  input: { event: string; data: D; id?: string; triggeredAt?: number; token?: string },
): LeverWebhookEnvelope<D> {
  const token = input.token ?? randomBytes(24).toString('hex')
  const triggeredAt = input.triggeredAt ?? Date.now()
  return {
    ...(input.id === undefined ? {} : { id: input.id }),
    event: input.event,
    triggeredAt,
    token,
    signature: leverSignature(signingToken, token, triggeredAt),
    data: input.data,
  }
}
