import { WEBHOOK_EVENTS, type WebhookEvent } from './events'

/** What `GET /_sandbox/webhook-settings` shows. */
export interface WebhookSettingsView {
  strict: boolean
  events: Record<WebhookEvent, boolean>
}

/** A change to the switches: `enabled` sets every event, then `events` sets the ones named. */
export interface WebhookSettingsChange {
  enabled?: boolean
  events?: Partial<Record<WebhookEvent, boolean>>
}

/**
 * The per-event switches a Super Admin flips under Settings → Integrations and API → Webhooks.
 * A webhook created through the API sends nothing until its event is switched on (lever-api.md
 * fact 3, §8 item 4). A strict sandbox starts as a new account does, with every event off; the
 * default starts with every event on so local runs deliver without a setup step.
 */
export class WebhookSettings {
  private readonly switches = new Map<WebhookEvent, boolean>()

  constructor(readonly strict: boolean) {
    this.reset()
  }

  isOn(event: WebhookEvent): boolean {
    return this.switches.get(event) === true
  }

  get current(): WebhookSettingsView {
    const events = Object.fromEntries(WEBHOOK_EVENTS.map((event) => [event, this.isOn(event)]))
    return { strict: this.strict, events: events as Record<WebhookEvent, boolean> }
  }

  set(change: WebhookSettingsChange): WebhookSettingsView {
    if (change.enabled !== undefined) this.setAll(change.enabled)
    for (const [event, on] of Object.entries(change.events ?? {})) {
      if (on !== undefined) this.switches.set(event as WebhookEvent, on)
    }
    return this.current
  }

  /** Back to the starting switches: all off when strict, all on otherwise. */
  reset(): void {
    this.setAll(!this.strict)
  }

  private setAll(on: boolean): void {
    for (const event of WEBHOOK_EVENTS) this.switches.set(event, on)
  }
}
