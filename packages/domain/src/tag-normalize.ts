/**
 * The comparison form of a tag someone typed: trimmed, runs of whitespace collapsed to one space,
 * lower case (product.md §2: parsing is case-insensitive and ignores repeated spaces).
 */
export function normalizeTag(tag: string): string {
  return collapseSpaces(tag).toLowerCase()
}

/** Trims and collapses runs of whitespace, keeping case (how a name found in a tag is shown). */
export function collapseSpaces(text: string): string {
  return text.trim().replace(/\s+/g, ' ')
}

/** Whether two tags are the same once normalized. */
export function sameTag(a: string, b: string): boolean {
  return normalizeTag(a) === normalizeTag(b)
}
