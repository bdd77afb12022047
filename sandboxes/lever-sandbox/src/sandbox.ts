import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express, { type Express } from 'express'
import type { SandboxContext } from './context'
import { controlRouter } from './control/control.route'
import { renderLeverError, unknownPath } from './http/errors'
import { Faults } from './http/faults'
import { RateLimiter } from './http/rate-limit'
import { recordRequests, Stats } from './http/stats'
import { OAuthGrants } from './oauth/grants'
import { oauthRouter } from './oauth/oauth.route'
import { resolveOptions, type LeverSandboxOptions } from './options'
import { v1Router } from './routes/v1'
import { seedState } from './seed'
import { SandboxState } from './state/store'
import { WebhookDispatcher } from './webhooks/delivery'
import { WebhookSettings } from './webhooks/settings'

export interface RunningSandbox {
  /** Base URL, e.g. `http://127.0.0.1:4010`; the OAuth host. */
  url: string
  /** `LEVER_API_URL` for this sandbox: `${url}/v1`. */
  apiUrl: string
  close(): Promise<void>
}

export interface LeverSandbox {
  app: Express
  state: SandboxState
  context: SandboxContext
  /**
   * Restores the seed and the starting webhook settings; clears webhooks, deliveries, stats,
   * OAuth grants and faults.
   */
  reset(): void
  /** Resolves true once no webhook delivery is pending (false after `timeoutMs`). */
  settleDeliveries(timeoutMs?: number): Promise<boolean>
  listen(port?: number, host?: string): Promise<RunningSandbox>
}

/**
 * A Lever Data API v1 lookalike: `/v1` (the API), `/authorize` and `/oauth/token` (Lever's OAuth
 * host) and `/_sandbox` (the sandbox's own control API, not part of Lever).
 */
export function createLeverSandbox(input: LeverSandboxOptions = {}): LeverSandbox {
  const options = resolveOptions(input)
  const state = new SandboxState()
  const webhookSettings = new WebhookSettings(options.strict)
  const ctx: SandboxContext = {
    state,
    options,
    limiter: new RateLimiter(options.rateLimit),
    faults: new Faults(options.faults),
    stats: new Stats(),
    oauth: new OAuthGrants(options.oauth),
    webhooks: new WebhookDispatcher(state, options, webhookSettings),
    webhookSettings,
  }
  const reset = () => {
    ctx.webhooks.cancelAll()
    seedState(state, options.seed)
    ctx.stats.clear()
    ctx.limiter.reset()
    ctx.faults.reset()
    ctx.oauth.reset()
    ctx.webhookSettings.reset()
  }
  reset()

  const app = express()
  app.disable('x-powered-by')
  app.use(['/v1', '/authorize', '/oauth'], recordRequests(ctx.stats))
  app.use('/v1', v1Router(ctx))
  app.use(oauthRouter(ctx))
  app.use('/_sandbox', controlRouter(ctx, reset))
  app.use(unknownPath)
  app.use(renderLeverError)

  return {
    app,
    state,
    context: ctx,
    reset,
    settleDeliveries: (timeoutMs = 10_000) => ctx.webhooks.settle(timeoutMs),
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        const server = createServer(app)
        server.once('error', reject)
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo
          const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`
          options.log('lever sandbox listening', { url })
          resolve({
            url,
            apiUrl: `${url}/v1`,
            close: () =>
              new Promise<void>((done, fail) => {
                ctx.webhooks.cancelAll()
                server.close((err) => (err ? fail(err) : done()))
                server.closeAllConnections()
              }),
          })
        })
      }),
  }
}
