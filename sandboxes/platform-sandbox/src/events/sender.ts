import { randomBytes } from 'node:crypto'
import { signPlatformWebhook, type PlatformEvent } from '@baton/platform'
import { now } from '../context'
import type { SandboxLogger } from '../options'
import type { Delivery, SandboxState } from '../state'

export interface EventSenderOptions {
  state: SandboxState
  secret: string
  webhookUrl?: string
  retryDelaysMs: readonly number[]
  timeoutMs: number
  log?: SandboxLogger
}

/**
 * Signs platform events (Standard Webhooks) and POSTs them to Baton, retrying failed attempts
 * after the configured delays. Every attempt of one event keeps its `webhook-id` and gets a fresh
 * timestamp and signature, as Standard Webhooks senders do.
 */
export class EventSender {
  webhookUrl?: string
  private readonly inFlight = new Map<string, Promise<void>>()
  private readonly waits = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>()
  private closed = false

  constructor(private readonly options: EventSenderOptions) {
    this.webhookUrl = options.webhookUrl
  }

  /** Records the event and starts delivering it, unless `deliver` is false or a drop is pending. */
  send(event: PlatformEvent, { deliver = true }: { deliver?: boolean } = {}): Delivery {
    const { state } = this.options
    const delivery: Delivery = {
      id: `msg_${randomBytes(12).toString('hex')}`,
      type: event.type,
      tenantId: event.data.tenantId,
      status: 'pending',
      attempts: [],
      event,
      createdAt: now(),
    }
    state.deliveries.push(delivery)
    const dropped = !deliver || state.dropNext > 0
    if (deliver && state.dropNext > 0) state.dropNext -= 1
    if (dropped) delivery.status = 'dropped'
    else this.start(delivery)
    return delivery
  }

  /** Sends a recorded event again with the same `webhook-id` (Baton must treat it as a repeat). */
  redeliver(delivery: Delivery): Delivery {
    if (delivery.status !== 'pending') this.start(delivery)
    return delivery
  }

  /** Resolves once this delivery is no longer being attempted. */
  async settled(delivery: Delivery): Promise<void> {
    await this.inFlight.get(delivery.id)
  }

  /** Resolves once no delivery is being attempted. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight.values())
  }

  /** Stops retries; deliveries still pending stay pending. */
  close(): void {
    this.closed = true
    for (const wait of this.waits) {
      clearTimeout(wait.timer)
      wait.resolve()
    }
    this.waits.clear()
  }

  private start(delivery: Delivery): void {
    const url = this.webhookUrl
    if (!url) {
      delivery.status = 'no_webhook_url'
      return
    }
    delivery.status = 'pending'
    delivery.url = url
    const run = this.deliver(delivery, url).finally(() => this.inFlight.delete(delivery.id))
    this.inFlight.set(delivery.id, run)
  }

  private async deliver(delivery: Delivery, url: string): Promise<void> {
    const delays = [0, ...this.options.retryDelaysMs]
    for (const delay of delays) {
      if (delay > 0) await this.sleep(delay)
      if (this.closed) return
      if (await this.attempt(delivery, url)) {
        delivery.status = 'delivered'
        this.options.log?.info({ deliveryId: delivery.id, type: delivery.type }, 'event delivered')
        return
      }
    }
    delivery.status = 'failed'
    const fields = {
      deliveryId: delivery.id,
      type: delivery.type,
      attempts: delivery.attempts.length,
    }
    this.options.log?.warn(fields, 'event delivery failed')
  }

  private async attempt(delivery: Delivery, url: string): Promise<boolean> {
    const body = JSON.stringify(delivery.event)
    const headers = signPlatformWebhook(this.options.secret, delivery.id, body)
    const at = now()
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
      await response.arrayBuffer()
      delivery.attempts.push({ at, status: response.status })
      return response.ok
    } catch (err) {
      // fetch hides the socket error code (ECONNREFUSED…) in `cause`.
      const code = (err as { cause?: { code?: unknown } }).cause?.code
      delivery.attempts.push({ at, error: typeof code === 'string' ? code : (err as Error).name })
      return false
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wait = {
        timer: setTimeout(() => {
          this.waits.delete(wait)
          resolve()
        }, ms),
        resolve,
      }
      this.waits.add(wait)
    })
  }
}
