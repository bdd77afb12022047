/** A query value: arrays become repeated parameters (`tag=a&tag=b`), Lever's OR form (§6.2). */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[]

export type Query = Record<string, QueryValue>

/** Serialises a query without brackets (axios would send `tag[]=a`), skipping null/undefined. */
export function toQueryString(query: Query | undefined): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) value.forEach((item) => params.append(name, String(item)))
    else params.append(name, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}
