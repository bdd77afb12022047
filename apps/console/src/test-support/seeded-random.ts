/** A small seeded PRNG (mulberry32): the same seed replays the same requests. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)],
    chance: (p: number) => next() < p,
  }
}

/** The seeded stream the fuzz draws every choice from. */
export type Random = ReturnType<typeof seededRandom>

/** A well-formed UUID from the seeded stream (never crypto's, which no seed replays). */
export const randomUuid = (rng: Random) =>
  '00000000-0000-4000-8000-000000000000'.replace(/0/g, () => rng.int(16).toString(16))
