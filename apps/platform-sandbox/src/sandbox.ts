import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Express, Request } from 'express'
import { createApp } from './app'
import type { SandboxContext } from './context'
import { EventSender } from './events/sender'
import { defaultAssessments, defaultRetryDelaysMs, type PlatformSandboxOptions } from './options'
import { SandboxState } from './state'

export interface PlatformSandbox {
  app: Express
  state: SandboxState
  sender: EventSender
  /** Starts listening; the URL becomes the default public URL. Close stops retries too. */
  listen(port: number, host?: string): Promise<{ url: string; close(): Promise<void> }>
  /** Where events go from now on (Baton's `POST /webhooks/platform`). */
  setWebhookUrl(url: string | undefined): void
}

/** A reference assessment platform implementing contract.md §3 and sending §4 events. */
export function createPlatformSandbox(options: PlatformSandboxOptions): PlatformSandbox {
  const state = new SandboxState()
  const sender = new EventSender({
    state,
    secret: options.webhookSecret,
    webhookUrl: options.webhookUrl,
    retryDelaysMs: options.retryDelaysMs ?? defaultRetryDelaysMs,
    timeoutMs: options.deliveryTimeoutMs ?? 10_000,
    log: options.log,
  })
  let listeningUrl: string | undefined
  const publicUrl = (req: Request) =>
    (options.publicUrl ?? listeningUrl ?? `${req.protocol}://${req.get('host')}`).replace(
      /\/+$/,
      '',
    )
  const assessments = options.assessments ?? defaultAssessments
  const ctx: SandboxContext = {
    state,
    sender,
    apiKey: options.apiKey,
    assessments,
    defaultAssessment:
      options.defaultAssessment ?? (assessments.includes('General') ? 'General' : assessments[0]),
    log: options.log,
    publicUrl,
  }
  const app = createApp(ctx)

  async function listen(port: number, host = '127.0.0.1') {
    const server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)))
    })
    const address = server.address() as AddressInfo
    // A wildcard address is no use in links, so links then name the loopback address.
    const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
    const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}`
    listeningUrl ??= url
    return {
      url,
      close: async () => {
        sender.close()
        server.closeAllConnections()
        await new Promise<void>((resolve, reject) =>
          server.close((err) => (err ? reject(err) : resolve())),
        )
      },
    }
  }

  return {
    app,
    state,
    sender,
    listen,
    setWebhookUrl: (url) => {
      sender.webhookUrl = url
    },
  }
}
