import type { SandboxState } from '../state/store'
import type { Application, Opportunity } from '../state/types'
import { presentPosting } from './posting'
import { candidateUrls, userRef } from './shape'

/**
 * An opportunity as Lever's API renders it (lever-api.md §6.1). Person fields come from the
 * contact, so links added on one opportunity show on every opportunity of the person.
 */
export function presentOpportunity(
  state: SandboxState,
  opportunity: Opportunity,
  expand: Set<string>,
): Record<string, unknown> {
  const contact = state.contacts.get(opportunity.contactId)
  const stage = state.stages.find((s) => s.id === opportunity.stage)
  const applications = opportunity.applicationIds
    .map((id) => state.applications.get(id))
    .filter((application): application is Application => application !== undefined)
  return {
    id: opportunity.id,
    name: contact?.name ?? '',
    headline: contact?.headline ?? '',
    contact: expand.has('contact') && contact ? presentContact(contact) : opportunity.contactId,
    emails: [...(contact?.emails ?? [])],
    phones: (contact?.phones ?? []).map((phone) => ({ ...phone })),
    location: contact?.location ?? null,
    links: [...(contact?.links ?? [])],
    tags: [...opportunity.tags],
    sources: [...opportunity.sources],
    origin: opportunity.origin,
    stage: expand.has('stage') && stage ? { ...stage } : opportunity.stage,
    stageChanges: opportunity.stageChanges.map((change) => ({ ...change })),
    confidentiality: opportunity.confidentiality,
    archived: opportunity.archived ? { ...opportunity.archived } : null,
    owner: userRef(state, opportunity.owner, expand.has('owner')),
    followers: opportunity.followers.map((id) => userRef(state, id, expand.has('followers'))),
    sourcedBy: userRef(state, opportunity.sourcedBy, expand.has('sourcedBy')),
    applications: expand.has('applications')
      ? applications.map((application) => presentApplication(state, application, expand))
      : applications.map((application) => application.id),
    createdAt: opportunity.createdAt,
    updatedAt: opportunity.updatedAt,
    lastInteractionAt: opportunity.lastInteractionAt,
    lastAdvancedAt: opportunity.lastAdvancedAt,
    snoozedUntil: opportunity.snoozedUntil,
    urls: candidateUrls(opportunity.id),
    dataProtection: structuredClone(opportunity.dataProtection),
    isAnonymized: false,
    opportunityLocation: opportunity.opportunityLocation,
  }
}

function presentContact(contact: NonNullable<ReturnType<SandboxState['contacts']['get']>>) {
  return {
    id: contact.id,
    name: contact.name,
    headline: contact.headline,
    isAnonymized: false,
    location: contact.location ? { name: contact.location } : null,
    emails: [...contact.emails],
    phones: contact.phones.map((phone) => ({ ...phone })),
  }
}

/** An application; `expand=posting` inlines the whole posting. */
export function presentApplication(
  state: SandboxState,
  application: Application,
  expand: Set<string>,
): Record<string, unknown> {
  const opportunity = state.opportunities.get(application.opportunityId)
  const contact = opportunity && state.contacts.get(opportunity.contactId)
  const posting = state.postings.get(application.postingId)
  return {
    id: application.id,
    type: application.type,
    candidateId: application.opportunityId,
    opportunityId: application.opportunityId,
    posting:
      expand.has('posting') && posting
        ? presentPosting(state, posting, new Set())
        : application.postingId,
    postingOwner: posting?.owner ?? null,
    postingHiringManager: posting?.hiringManager ?? null,
    user: application.userId,
    name: contact?.name ?? null,
    email: contact?.emails[0] ?? null,
    phone: contact?.phones[0] ?? null,
    links: [...(contact?.links ?? [])],
    comments: null,
    customQuestions: [],
    createdAt: application.createdAt,
    archived: opportunity?.archived ? { ...opportunity.archived } : null,
    requisitionForHire: null,
  }
}
