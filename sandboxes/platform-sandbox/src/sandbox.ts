import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Express, Request } from 'express'
import { createApp } from './app'
import type { SandboxContext } from './context'
import { EventSender } from './events/sender'
import { defaultAssessments, defaultRetryDelaysMs, type PlatformSandboxOptions } from './options'
import { SandboxState } from './state'
import { createStorageApp } from './storage/storage-app'

export interface PlatformSandbox {
  app: Express
  state: SandboxState
  sender: EventSender
  /**
   * Starts listening; the URL becomes the default public URL. A second listener on the same host
   * (`storageUrl`, a random port) serves pre-signed report links. Close stops retries too.
   */
  listen(
    port: number,
    host?: string,
  ): Promise<{ url: string; storageUrl: string; close(): Promise<void> }>
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
  let storageUrl: string | undefined
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
    storageUrl: () => storageUrl,
    presignKey: randomBytes(32),
  }
  const app = createApp(ctx)
  const storage = createStorageApp(ctx)

  async function listen(port: number, host = '127.0.0.1') {
    const api = await serve(app, port, host)
    const files = await serve(storage, 0, host)
    listeningUrl ??= api.url
    storageUrl ??= files.url
    return {
      url: api.url,
      storageUrl: files.url,
      close: async () => {
        sender.close()
        await Promise.all([api.close(), files.close()])
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

/** Listens and names the address; a wildcard address is no use in links, so it names loopback. */
async function serve(app: Express, port: number, host: string) {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (err?: Error) => (err ? reject(err) : resolve(s)))
  })
  const address = server.address() as AddressInfo
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return {
    url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}`,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) =>
        server.close((err) => (err ? reject(err) : resolve())),
      )
    },
  }
}
