export interface Cli {
  scenarios: string[]
  /** Event counts by scenario; `*` applies to every scenario not named. */
  events: Map<string, number>
  /** Scenarios run at once (each has its own processes, database, prefix and sandboxes). */
  parallel: number
}

export const USAGE =
  'usage: npm run chaos -- <scenario ...|all> [--events N | --events <scenario>=N ...] [--parallel N]'

/** Parses `npm run chaos -- all --events 200 --events kill9=1000`. Throws with the usage. */
export function parseCli(argv: string[], known: readonly string[]): Cli {
  const scenarios: string[] = []
  const events = new Map<string, number>()
  let parallel = 2
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--events' || arg.startsWith('--events=')) {
      const value = arg === '--events' ? argv[++i] : arg.slice('--events='.length)
      const [name, count] = value?.includes('=') ? value.split('=') : ['*', value]
      const n = Number(count)
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`--events needs a positive whole number\n${USAGE}`)
      if (name !== '*' && !known.includes(name))
        throw new Error(`unknown scenario in --events: ${name}\n${USAGE}`)
      events.set(name, n)
    } else if (arg === '--parallel' || arg.startsWith('--parallel=')) {
      parallel = Number(arg === '--parallel' ? argv[++i] : arg.slice('--parallel='.length))
      if (!Number.isInteger(parallel) || parallel < 1)
        throw new Error(`--parallel needs a positive whole number\n${USAGE}`)
    } else if (arg === 'all') {
      scenarios.push(...known)
    } else if (known.includes(arg)) {
      scenarios.push(arg)
    } else {
      throw new Error(
        `unknown scenario or option: ${arg}; scenarios: ${known.join(', ')}, all\n${USAGE}`,
      )
    }
  }
  if (scenarios.length === 0) throw new Error(`name a scenario\n${USAGE}`)
  return { scenarios: [...new Set(scenarios)], events, parallel }
}
