import { isDeepStrictEqual } from 'node:util'

type Fields = Record<string, unknown>

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const keysOf = (a: Fields, b: Fields) => [...new Set([...Object.keys(a), ...Object.keys(b)])]

/**
 * The names of the settings a save changed, for the audit log, which never keeps their values:
 * top-level keys, and `key.part` inside settings that are objects (`bands.high`, `writeBack.pdf`).
 */
export function changedSettingNames(before: object, after: object): string[] {
  const [a, b] = [before as Fields, after as Fields]
  return keysOf(a, b)
    .flatMap((key) =>
      isRecord(a[key]) && isRecord(b[key])
        ? keysOf(a[key], b[key])
            .filter(
              (part) => !isDeepStrictEqual((a[key] as Fields)[part], (b[key] as Fields)[part]),
            )
            .map((part) => `${key}.${part}`)
        : isDeepStrictEqual(a[key], b[key])
          ? []
          : [key],
    )
    .sort()
}
