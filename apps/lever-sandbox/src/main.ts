import { createLeverSandbox } from './sandbox'

/** Runs the Lever sandbox on LEVER_SANDBOX_PORT (default 4010). */
async function main(): Promise<void> {
  const raw = process.env.LEVER_SANDBOX_PORT ?? '4010'
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`LEVER_SANDBOX_PORT must be a port number, got "${raw}"`)
    process.exit(1)
  }
  const host = process.env.LEVER_SANDBOX_HOST ?? '127.0.0.1'
  const { LEVER_OAUTH_CLIENT_ID: clientId, LEVER_OAUTH_CLIENT_SECRET: clientSecret } = process.env
  const sandbox = createLeverSandbox({
    oauth: clientId && clientSecret ? { clientId, clientSecret } : undefined,
  })
  const running = await sandbox.listen(port, host)
  console.log(`Lever sandbox listening on ${running.url} (LEVER_API_URL=${running.apiUrl})`)
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((err: unknown) => {
  console.error('Lever sandbox failed to start:', err instanceof Error ? err.message : err)
  process.exit(1)
})
