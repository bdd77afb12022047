import { createHash } from 'node:crypto'
import type { PostingFields } from '@baton/db'
import type { LeverPosting } from '@baton/lever'
import type { PostingBody } from '@baton/platform'

type HiringManager = { name: string; email: string } | null

/** The posting fields Baton keeps and syncs (product.md §7), from Lever's posting shape. */
export function postingFields(posting: LeverPosting, hiringManager: HiringManager): PostingFields {
  const salary = posting.salaryRange
  return {
    title: posting.text ?? '',
    team: posting.categories?.team ?? null,
    location: posting.categories?.location ?? null,
    state: posting.state ?? null,
    confidential: posting.confidentiality === 'confidential',
    tags: posting.tags ?? [],
    hiringManager,
    description: posting.content?.description ?? null,
    salary: salary
      ? {
          min: salary.min ?? null,
          max: salary.max ?? null,
          currency: salary.currency ?? null,
          interval: salary.interval ?? null,
        }
      : null,
    leverUpdatedAt: posting.updatedAt ? new Date(posting.updatedAt) : null,
  }
}

/** The platform's posting body (contract.md §3). */
export function platformPostingBody(fields: PostingFields): PostingBody {
  return {
    title: fields.title,
    team: fields.team,
    location: fields.location,
    hiringManager: (fields.hiringManager as HiringManager) ?? null,
    description: fields.description ?? '',
    salary: (fields.salary as PostingBody['salary']) ?? null,
    tags: fields.tags,
    state: fields.state ?? 'unknown',
  }
}

/** Hash of what the platform was sent; a posting is pushed again only when it changes. */
export function postingHash(body: PostingBody): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex')
}
