import { randomUUID } from 'node:crypto'
import { signLeverWebhook } from '@baton/lever'
import type { ResolvedOptions } from '../options'
import type { SandboxState } from '../state/store'
import type { Delivery, DeliveryAttempt, Origin, Webhook } from '../state/types'
import { CONDITIONAL_EVENTS, type WebhookEvent } from './events'
import type { WebhookSettings } from './settings'

/**
 * Sends signed webhook bodies the way Lever does: POST JSON with `User-Agent: Lever-Webhooks`,
 * success only on 2xx (redirects are failures and are not followed), then retries with growing
 * gaps (lever-api.md §2.5). Every delivery and attempt is recorded in the state.
 */
export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>()
  /** Bumped by cancelAll so attempts already in flight stop touching the state. */
  private generation = 0

  constructor(
    private readonly state: SandboxState,
    private readonly options: ResolvedOptions,
    private readonly settings: WebhookSettings,
  ) {}

  /**
   * Sends `event` to every registered webhook for it whose origin conditions match. While the
   * event is switched off in the settings nothing is sent or recorded, and switching it on later
   * replays nothing: Lever never knew of a delivery.
   */
  emit(event: WebhookEvent, data: Record<string, unknown>, origin?: Origin): Delivery[] {
    if (!this.settings.isOn(event)) return []
    const eventId = this.options.webhookEventIds ? randomUUID() : undefined
    return [...this.state.webhooks.values()]
      .filter((webhook) => webhook.event === event && matches(webhook, event, origin))
      .map((webhook) => {
        const body = signLeverWebhook(webhook.signatureToken, { event, data, id: eventId })
        const delivery = this.record(webhook.id, webhook.url, event, body, 'event')
        void this.attempt(delivery, this.options.webhookRetryDelaysMs, this.generation)
        return delivery
      })
  }

  /**
   * Lever's test request: `candidateHired` with empty data and no id, tried once. It is the
   * settings page's test button, so it sends whether or not the event is switched on.
   */
  async ping(webhook: Webhook): Promise<Delivery> {
    const body = signLeverWebhook(webhook.signatureToken, { event: 'candidateHired', data: {} })
    const delivery = this.record(webhook.id, webhook.url, 'candidateHired', body, 'ping')
    await this.attempt(delivery, [], this.generation)
    return delivery
  }

  /** The admin UI's "Rerun" button: the same body again, tried once. */
  async rerun(original: Delivery): Promise<Delivery> {
    const delivery = this.record(
      original.webhookId,
      original.url,
      original.event,
      original.body,
      'rerun',
    )
    await this.attempt(delivery, [], this.generation)
    return delivery
  }

  /** Resolves true once no delivery is pending, false if `timeoutMs` passes first. */
  async settle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs
    while ([...this.state.deliveries.values()].some((d) => d.status === 'pending')) {
      if (Date.now() >= deadline) return false
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    return true
  }

  /** Stops every scheduled retry (reset and shutdown). */
  cancelAll(): void {
    this.generation += 1
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  private record(
    webhookId: string | null,
    url: string,
    event: string,
    body: object,
    kind: Delivery['kind'],
  ): Delivery {
    const delivery: Delivery = {
      id: randomUUID(),
      webhookId,
      event,
      url,
      kind,
      body: body as Record<string, unknown>,
      status: 'pending',
      attempts: [],
      createdAt: Date.now(),
    }
    this.state.deliveries.set(delivery.id, delivery)
    return delivery
  }

  private async attempt(delivery: Delivery, delays: number[], generation: number): Promise<void> {
    const result = await post(delivery.url, delivery.body, this.options.webhookTimeoutMs)
    if (generation !== this.generation) return
    delivery.attempts.push(result)
    if (result.status !== null && result.status >= 200 && result.status < 300) {
      delivery.status = 'delivered'
      return
    }
    const [delay, ...rest] = delays
    if (delay === undefined) {
      delivery.status = 'failed'
      this.options.log('webhook delivery failed', {
        deliveryId: delivery.id,
        event: delivery.event,
        attempts: delivery.attempts.length,
      })
      return
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      void this.attempt(delivery, rest, generation)
    }, delay)
    this.timers.add(timer)
  }
}

function matches(webhook: Webhook, event: WebhookEvent, origin: Origin | undefined): boolean {
  if (!webhook.conditions || !CONDITIONAL_EVENTS.includes(event) || origin === undefined)
    return true
  return webhook.conditions.origins.includes(origin)
}

async function post(url: string, body: object, timeoutMs: number): Promise<DeliveryAttempt> {
  const at = Date.now()
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Lever-Webhooks' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    // Drain the body so the connection is released; Lever ignores what it says.
    await response.arrayBuffer().catch(() => undefined)
    return { at, status: response.status, error: null }
  } catch (err) {
    return { at, status: null, error: err instanceof Error ? err.message : String(err) }
  }
}
