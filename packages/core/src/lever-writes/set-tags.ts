import { bandTagChange, statusTagChange, type Band, type StatusTag, type TagChange, type TagVocabulary } from '@baton/domain'
import type { OpportunityView } from './opportunity-view'

export interface WantedTags {
  vocab: TagVocabulary
  /** The one status tag to keep (the others are removed). */
  status?: StatusTag
  /** The one band tag to keep (the others are removed). */
  band?: Band
  /** Tags to add that belong to no exclusive family (a posting's assessment tags). */
  also?: readonly string[]
}

function changeFor(wanted: WantedTags, tags: readonly string[]): TagChange {
  const changes = [
    ...(wanted.status ? [statusTagChange(wanted.vocab, tags, wanted.status)] : []),
    ...(wanted.band ? [bandTagChange(wanted.vocab, tags, wanted.band)] : []),
    { add: (wanted.also ?? []).filter((tag) => !tags.includes(tag)), remove: [] },
  ]
  return {
    add: [...new Set(changes.flatMap((c) => c.add))],
    remove: [...new Set(changes.flatMap((c) => c.remove))],
  }
}

/**
 * Sets an opportunity's Baton tags in at most two calls and without a read first: addTags with
 * the wanted tags that are not known to be there, then removeTags with the other members of the
 * exclusive families that Lever's answer shows. Tags are sets in Lever, so both calls are safe
 * to send again after an ambiguous failure (the SDK does), and their answer is the read-back.
 */
export async function setTags(view: OpportunityView, wanted: WantedTags, performAs: string | undefined): Promise<void> {
  const add = changeFor(wanted, view.latest?.tags ?? []).add
  if (add.length > 0) await view.write((lever) => lever.opportunities.addTags(view.id, add, { performAs }))
  const remove = changeFor(wanted, (await view.current()).tags ?? []).remove
  if (remove.length > 0) await view.write((lever) => lever.opportunities.removeTags(view.id, remove, { performAs }))
}
