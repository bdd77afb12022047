import { randomUUID } from 'node:crypto'
import type { SandboxContext } from '../context'
import { badRequest } from '../http/errors'
import type { Application, Contact, DataProtection, Opportunity, Origin } from '../state/types'
import { candidateIds } from './events'

export interface NewOpportunity {
  name?: string
  headline?: string
  location?: string
  emails?: string[]
  phones?: { type?: string; value: string }[]
  links?: string[]
  tags?: string[]
  sources?: string[]
  origin?: Origin
  stageId?: string
  ownerId?: string | null
  followers?: string[]
  postingId?: string
  /** Existing contact to attach to; otherwise the first matching email decides. */
  contactId?: string
  createdAt?: number
  archived?: { reason: string; archivedAt?: number }
  opportunityLocation?: string
  dataProtection?: DataProtection | null
  applicationType?: Application['type']
  performAs: string | null
}

/**
 * Creates an opportunity (and its application when a posting is given). Like Lever it
 * deduplicates by email: the opportunity joins the existing contact and the contact's own data
 * wins (lever-api.md §6.11). An application fires `applicationCreated`.
 */
export function createOpportunity(ctx: SandboxContext, input: NewOpportunity): Opportunity {
  const { state } = ctx
  const posting = input.postingId === undefined ? undefined : state.postings.get(input.postingId)
  if (input.postingId !== undefined && !posting)
    throw badRequest(`Posting ${input.postingId} does not exist`)
  const stageId = input.stageId ?? 'lead-new'
  const stageIndex = state.stageIndex(stageId)
  if (stageIndex < 0) throw badRequest(`Stage ${stageId} does not exist`)
  for (const userId of [input.ownerId, ...(input.followers ?? [])]) {
    if (userId && !state.users.has(userId)) throw badRequest(`User ${userId} does not exist`)
  }
  if (input.archived && !state.archiveReasons.has(input.archived.reason)) {
    throw badRequest(`Archive reason ${input.archived.reason} does not exist`)
  }
  const contact = findOrCreateContact(ctx, input)
  const now = Date.now()
  const createdAt = input.createdAt ?? now
  const opportunity: Opportunity = {
    id: randomUUID(),
    contactId: contact.id,
    stage: stageId,
    stageChanges: [
      {
        toStageId: stageId,
        toStageIndex: stageIndex,
        userId: input.performAs,
        updatedAt: createdAt,
      },
    ],
    tags: [...new Set(input.tags ?? [])],
    sources: [...new Set(input.sources ?? [])],
    origin: input.origin ?? 'sourced',
    confidentiality: posting?.confidentiality ?? 'non-confidential',
    archived: input.archived
      ? { reason: input.archived.reason, archivedAt: input.archived.archivedAt ?? now }
      : null,
    owner: input.ownerId ?? input.performAs,
    followers: [...(input.followers ?? [])],
    sourcedBy: input.origin === 'sourced' || input.origin === undefined ? input.performAs : null,
    applicationIds: [],
    opportunityLocation: input.opportunityLocation ?? null,
    dataProtection: input.dataProtection ?? null,
    snoozedUntil: null,
    createdAt,
    updatedAt: now,
    lastInteractionAt: now,
    lastAdvancedAt: createdAt,
  }
  state.opportunities.set(opportunity.id, opportunity)
  if (posting) {
    const application: Application = {
      id: randomUUID(),
      opportunityId: opportunity.id,
      postingId: posting.id,
      type: input.applicationType ?? 'user',
      userId: input.performAs,
      createdAt,
    }
    state.applications.set(application.id, application)
    opportunity.applicationIds.push(application.id)
    ctx.webhooks.emit(
      'applicationCreated',
      { applicationId: application.id, ...candidateIds(opportunity), postingId: posting.id },
      opportunity.origin,
    )
  }
  return opportunity
}

function findOrCreateContact(ctx: SandboxContext, input: NewOpportunity): Contact {
  const { state } = ctx
  if (input.contactId !== undefined) {
    const contact = state.contacts.get(input.contactId)
    if (!contact) throw badRequest(`Contact ${input.contactId} does not exist`)
    return contact
  }
  for (const email of input.emails ?? []) {
    const existing = state.contactByEmail(email)
    if (existing) return existing
  }
  const contact: Contact = {
    id: randomUUID(),
    name: input.name ?? '',
    headline: input.headline ?? '',
    location: input.location ?? null,
    emails: [...(input.emails ?? [])],
    phones: (input.phones ?? []).map((phone) => ({
      type: phone.type ?? 'other',
      value: phone.value,
    })),
    links: [...(input.links ?? [])],
  }
  state.contacts.set(contact.id, contact)
  return contact
}
