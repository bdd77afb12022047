import { readSandboxEnv } from './env'
import { createLeverSandbox } from './sandbox'

/** Runs the Lever sandbox as its environment says (see env.ts). */
async function main(): Promise<void> {
  const { port, host, options } = readSandboxEnv(process.env)
  const running = await createLeverSandbox(options).listen(port, host)
  const mode = options.strict ? ', strict mode' : ''
  console.log(`Lever sandbox listening on ${running.url} (LEVER_API_URL=${running.apiUrl}${mode})`)
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
