/** Lever's origins as its pages label them. */
const ORIGIN_LABELS: Record<string, string> = {
  agency: 'Agency',
  applied: 'Applied',
  internal: 'Internal',
  referred: 'Referred',
  sourced: 'Sourced',
  university: 'University',
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A decision's text with the Lever ids it names replaced by their names ("stage Phone Screen")
 * and origins by their labels. Ids Lever does not know stay as they are.
 */
export function readable(text: string, names: Map<string, string>): string {
  let out = text.replace(/\borigin (\w+)/g, (all, origin: string) => (ORIGIN_LABELS[origin] ? `origin ${ORIGIN_LABELS[origin]}` : all))
  // Longest ids first, so that an id containing another is replaced whole.
  for (const id of [...names.keys()].sort((a, b) => b.length - a.length)) {
    if (out.includes(id)) out = out.replace(new RegExp(`(?<![\\w-])${escape(id)}(?![\\w-])`, 'g'), `"${names.get(id)}"`)
  }
  return out
}
