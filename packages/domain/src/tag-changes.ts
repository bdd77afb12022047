import { normalizeTag } from './tag-normalize'
import type { Band, StatusTag } from './tag-templates'
import type { TagVocabulary } from './tag-vocabulary'

/** Tags to add to and remove from an opportunity in one step (Lever addTags / removeTags). */
export interface TagChange {
  add: string[]
  remove: string[]
}

/**
 * Makes `wanted` the only tag of an exclusive family present: adds its exact text unless already
 * there verbatim, and removes every other member of the family, matched case- and
 * space-insensitively (a hand-typed variant of the wanted tag is replaced by the exact text).
 */
function exclusiveChange(
  family: readonly string[],
  wanted: string,
  current: readonly string[],
): TagChange {
  const members = new Set(family.map(normalizeTag))
  const remove = current.filter((t) => t !== wanted && members.has(normalizeTag(t)))
  return { add: current.includes(wanted) ? [] : [wanted], remove: [...new Set(remove)] }
}

/** Sets the status tag to `status`, removing any other status tag (product.md §2). */
export function statusTagChange(
  vocab: TagVocabulary,
  currentTags: readonly string[],
  status: StatusTag,
): TagChange {
  return exclusiveChange(Object.values(vocab.status), vocab.status[status], currentTags)
}

/** Sets the role-fit band tag to `band`, replacing a previous band tag (product.md §5). */
export function bandTagChange(
  vocab: TagVocabulary,
  currentTags: readonly string[],
  band: Band,
): TagChange {
  return exclusiveChange(Object.values(vocab.band), vocab.band[band], currentTags)
}
