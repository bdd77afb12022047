import fs from 'node:fs'
import path from 'node:path'
import { envSchema } from './schema'

const repo = path.resolve(__dirname, '../../..')

/**
 * Where reading a variable straight from `process.env` is fine: test code and harnesses, which
 * are not deployed, and the logger's fallback for a logger made without a level (LOG_LEVEL is in
 * the schema; every process passes it).
 */
const ALLOWED = [
  /\.test\.ts$/,
  /\/test-support\//,
  /\/src\/generated\//,
  /^packages\/(bench|chaos|testing)\//,
  /^packages\/logger\/src\/logger\.ts$/,
]

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(full)
    return entry.name.endsWith('.ts') ? [full] : []
  })
}

function srcDirs(): string[] {
  return ['apps', 'packages'].flatMap((top) =>
    fs
      .readdirSync(path.join(repo, top))
      .map((name) => path.join(repo, top, name, 'src'))
      .filter((dir) => fs.existsSync(dir)),
  )
}

describe('environment variables', () => {
  it('are read through @baton/config in the deployed code, never from process.env directly', () => {
    const reads: string[] = []
    for (const file of srcDirs().flatMap(sources)) {
      const relative = path.relative(repo, file).split(path.sep).join('/')
      if (ALLOWED.some((pattern) => pattern.test(relative))) continue
      const text = fs.readFileSync(file, 'utf8')
      for (const match of text.matchAll(/process\.env(?:\.([A-Z0-9_]+)|\[)/g)) {
        reads.push(`${relative}: process.env${match[1] ? `.${match[1]}` : '['}`)
      }
    }
    expect(reads).toEqual([])
  })

  it('each has a default or is optional, so an empty environment parses', () => {
    expect(envSchema.safeParse({}).success).toBe(true)
  })
})
