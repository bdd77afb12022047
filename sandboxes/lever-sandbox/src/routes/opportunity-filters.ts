import type { Request } from 'express'
import type { Credential } from '../http/auth'
import { badRequest } from '../http/errors'
import { bool, inWindow, many, one } from '../http/query'
import { canonicalEmail, type SandboxState } from '../state/store'
import type { Opportunity } from '../state/types'

const CONFIDENTIALITY = ['non-confidential', 'confidential', 'all']

/** True when `wanted` is empty (no filter) or shares a value with `actual`: repeats are ORed. */
const anyOf = (wanted: string[], actual: readonly (string | null | undefined)[]) =>
  wanted.length === 0 || actual.some((value) => value != null && wanted.includes(value))

/**
 * The `GET /opportunities` filters (lever-api.md §6.2). Confidential rows appear only with
 * `confidentiality=confidential|all` and a credential holding confidential access; otherwise
 * they are left out silently, as Lever does.
 */
export function opportunityFilter(
  state: SandboxState,
  req: Request,
  credential: Credential,
): (opportunity: Opportunity) => boolean {
  const q = req.query
  const confidentiality = one(q, 'confidentiality') ?? 'non-confidential'
  if (!CONFIDENTIALITY.includes(confidentiality)) throw badRequest('Invalid confidentiality')
  const archived = bool(q, 'archived')
  const snoozed = bool(q, 'snoozed')
  const emails = many(q, 'email').map(canonicalEmail)
  const tags = many(q, 'tag')
  const origins = many(q, 'origin')
  const sources = many(q, 'source')
  const stages = many(q, 'stage_id')
  const postings = many(q, 'posting_id')
  const archivedPostings = many(q, 'archived_posting_id')
  const reasons = many(q, 'archive_reason_id')
  const contacts = many(q, 'contact_id')
  const locations = many(q, 'location')
  // Validate the windows once up front so a bad value is a 400 even on an empty account.
  for (const prefix of ['created_at', 'updated_at', 'advanced_at', 'archived_at'])
    inWindow(q, prefix, 0)
  const now = Date.now()

  return (opportunity) => {
    const contact = state.contacts.get(opportunity.contactId)
    const postingIds = opportunity.applicationIds.map((id) => state.applications.get(id)?.postingId)
    if (opportunity.confidentiality === 'confidential') {
      if (!credential.confidentialAccess || confidentiality === 'non-confidential') return false
    } else if (confidentiality === 'confidential') return false
    return (
      anyOf(tags, opportunity.tags) &&
      anyOf(emails, (contact?.emails ?? []).map(canonicalEmail)) &&
      anyOf(origins, [opportunity.origin]) &&
      anyOf(sources, opportunity.sources) &&
      anyOf(stages, [opportunity.stage]) &&
      anyOf(postings, postingIds) &&
      (archivedPostings.length === 0 ||
        (opportunity.archived !== null && anyOf(archivedPostings, postingIds))) &&
      anyOf(reasons, [opportunity.archived?.reason]) &&
      anyOf(contacts, [opportunity.contactId]) &&
      anyOf(locations, [contact?.location, opportunity.opportunityLocation]) &&
      (archived === undefined || archived === (opportunity.archived !== null)) &&
      (snoozed === undefined ||
        snoozed === (opportunity.snoozedUntil !== null && opportunity.snoozedUntil > now)) &&
      inWindow(q, 'created_at', opportunity.createdAt) &&
      inWindow(q, 'updated_at', opportunity.updatedAt) &&
      inWindow(q, 'advanced_at', opportunity.lastAdvancedAt) &&
      inWindow(q, 'archived_at', opportunity.archived?.archivedAt)
    )
  }
}
