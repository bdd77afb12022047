function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The one place that removes Lever's envelopes. Objects normally come as `{data: {...}}`; some
 * documented examples (webhook create) nest twice, `{data: {data: {...}}}`, and feedback create is
 * documented bare. Lever objects have no field named `data`, so unwrapping while one exists is safe.
 */
export function unwrapData(body: unknown): unknown {
  let current = body
  for (let depth = 0; depth < 2 && isPlainObject(current) && 'data' in current; depth++) {
    current = current.data
  }
  return current
}
