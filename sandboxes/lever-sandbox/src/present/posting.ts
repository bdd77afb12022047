import type { SandboxState } from '../state/store'
import type { Posting } from '../state/types'
import { postingUrls, userRef } from './shape'

/** A posting as Lever's API renders it (lever-api.md §6.9). */
export function presentPosting(
  state: SandboxState,
  posting: Posting,
  expand: Set<string>,
): Record<string, unknown> {
  const { description, ...rest } = posting
  return {
    ...rest,
    user: userRef(state, posting.user, expand.has('user')),
    owner: userRef(state, posting.owner, expand.has('owner')),
    hiringManager: userRef(state, posting.hiringManager, expand.has('hiringManager')),
    followers: posting.followers.map((id) => userRef(state, id, expand.has('followers'))),
    categories: { ...posting.categories, allLocations: [...posting.categories.allLocations] },
    tags: [...posting.tags],
    content: {
      description,
      descriptionHtml: `<div>${description}</div>`,
      lists: [],
      closing: '',
      closingHtml: '',
    },
    requisitionCodes: [],
    salaryDescription: '',
    salaryDescriptionHtml: '',
    urls: postingUrls(posting.id),
  }
}
