/** Edit distance (insertions, deletions, substitutions) between two strings, by code point. */
export function levenshtein(a: string, b: string): number {
  const s = [...a]
  const t = [...b]
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const row = [i]
    for (let j = 1; j <= t.length; j++) {
      const substitution = previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1)
      row.push(Math.min(previous[j] + 1, row[j - 1] + 1, substitution))
    }
    previous = row
  }
  return previous[t.length]
}

/**
 * The candidate nearest to `text` by edit distance (the first one on ties), or null when there
 * are none. Both sides pass through `key` first (e.g. a normalizer, to ignore case).
 */
export function closest(
  text: string,
  candidates: readonly string[],
  key: (s: string) => string = (s) => s,
): { value: string; distance: number } | null {
  let best: { value: string; distance: number } | null = null
  const target = key(text)
  for (const value of candidates) {
    const distance = levenshtein(target, key(value))
    if (!best || distance < best.distance) best = { value, distance }
  }
  return best
}
