/** What `npm run bench [-- --short] [suite ...]` asked for. */
export interface BenchArgs {
  /** The suites to run, in the order given; empty means all of them. */
  suites: string[]
  /** The short variants (CI): smaller backlogs and shorter runs, labelled as such. */
  short: boolean
}

/** Reads the bench's arguments; throws an Error naming what is unknown and what is known. */
export function parseBenchArgs(argv: string[], knownSuites: readonly string[]): BenchArgs {
  const flags = argv.filter((arg) => arg.startsWith('-'))
  const suites = argv.filter((arg) => !arg.startsWith('-'))
  const unknownFlags = flags.filter((flag) => flag !== '--short')
  if (unknownFlags.length > 0)
    throw new Error(`unknown option(s): ${unknownFlags.join(', ')}; known: --short`)
  const unknownSuites = suites.filter((suite) => !knownSuites.includes(suite))
  if (unknownSuites.length > 0) {
    throw new Error(
      `unknown suite(s): ${unknownSuites.join(', ')}; known: ${knownSuites.join(', ')}`,
    )
  }
  return { suites, short: flags.includes('--short') }
}
