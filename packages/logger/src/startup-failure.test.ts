import { exitOnStartupFailure } from './startup-failure'

function recorder() {
  const written: string[] = []
  const exits: number[] = []
  let settle = () => {}
  const done = new Promise<void>((resolve) => (settle = resolve))
  return {
    written,
    exits,
    done,
    output: {
      write: (line: string) => written.push(line),
      exit: (code: number) => {
        exits.push(code)
        settle()
      },
    },
  }
}

describe('exitOnStartupFailure', () => {
  it('prints the first failed check as one line and exits 1', async () => {
    const out = recorder()
    exitOnStartupFailure(
      [Promise.resolve(), Promise.reject(new Error('Redis not reachable at REDIS_URL=redis://x'))],
      out.output,
    )
    await out.done
    expect(out.written).toEqual(['Redis not reachable at REDIS_URL=redis://x\n'])
    expect(out.exits).toEqual([1])
  })

  it('does nothing when every check passes', async () => {
    const out = recorder()
    exitOnStartupFailure([Promise.resolve(), Promise.resolve()], out.output)
    await new Promise((resolve) => setImmediate(resolve))
    expect(out.written).toEqual([])
    expect(out.exits).toEqual([])
  })
})
