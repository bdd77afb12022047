import { classifyTag } from './tag-classify'
import { normalizeTag } from './tag-normalize'
import type { TagVocabulary } from './tag-vocabulary'

/**
 * The assessments to order for a posting, one order each (product.md §4): the names of its
 * assessment mapping tags in tag order (case/spacing duplicates once, as first written), else the
 * tenant's default. `null` means the platform's own default assessment.
 */
export function assessmentsFor(
  vocab: TagVocabulary,
  postingTags: readonly string[],
  defaultAssessment: string | null,
): (string | null)[] {
  const seen = new Set<string>()
  const names: string[] = []
  for (const tag of postingTags) {
    const c = classifyTag(vocab, tag)
    if (c.kind !== 'assessment' || seen.has(normalizeTag(c.name))) continue
    seen.add(normalizeTag(c.name))
    names.push(c.name)
  }
  return names.length > 0 ? names : [defaultAssessment]
}

/**
 * The posting tags an invited opportunity inherits: its assessment mapping tags, in the posting's
 * exact text so filters in Lever (case-sensitive) find candidates and postings alike.
 */
export function inheritedTags(vocab: TagVocabulary, postingTags: readonly string[]): string[] {
  return [...new Set(postingTags.filter((t) => classifyTag(vocab, t).kind === 'assessment'))]
}

/** Whether two assessment references are the same (null is the platform default). */
export function sameAssessment(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : normalizeTag(a) === normalizeTag(b)
}
