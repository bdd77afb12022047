import type { SandboxState } from '../state/store'
import type { Origin } from '../state/types'
import {
  applicationIdFor,
  SEED_ARCHIVE_REASONS as R,
  SEED_CONTACTS as C,
  SEED_OPPORTUNITIES as O,
  SEED_POSTINGS as P,
  SEED_STAGES as S,
  SEED_TIME,
  SEED_USERS as U,
} from './ids'

interface SeedCandidate {
  id: string
  contactId: string
  name: string
  emails: string[]
  origin: Origin
  postingId: string
  stageId: string
  archivedReason?: string
  noConsent?: boolean
}

/** Every origin, plus the cases Baton must skip: no email, bad email, archived, confidential… */
// prettier-ignore
const CANDIDATES: SeedCandidate[] = [
  { id: O.applied, contactId: C.ada, name: 'Ada Lovelace', emails: ['ada.lovelace@example.com'], origin: 'applied', postingId: P.plain, stageId: S.applicantNew },
  { id: O.sourced, contactId: C.grace, name: 'Grace Hopper', emails: ['grace.hopper@example.com'], origin: 'sourced', postingId: P.screening, stageId: S.leadNew },
  { id: O.referred, contactId: C.alan, name: 'Alan Turing', emails: ['alan.turing@example.com'], origin: 'referred', postingId: P.multiAssessment, stageId: S.recruiterScreen },
  { id: O.university, contactId: C.katherine, name: 'Katherine Johnson', emails: ['katherine.johnson@example.com'], origin: 'university', postingId: P.stageOverride, stageId: S.applicantNew },
  { id: O.agency, contactId: C.edsger, name: 'Edsger Dijkstra', emails: ['edsger.dijkstra@example.com'], origin: 'agency', postingId: P.skipAssessment, stageId: S.applicantNew },
  { id: O.internal, contactId: C.barbara, name: 'Barbara Liskov', emails: ['barbara.liskov@example.com'], origin: 'internal', postingId: P.plain, stageId: S.phoneScreen },
  { id: O.noEmail, contactId: C.noEmail, name: 'Nico Noemail', emails: [], origin: 'sourced', postingId: P.plain, stageId: S.leadNew },
  { id: O.invalidEmail, contactId: C.invalidEmail, name: 'Ivy Invalid', emails: ['not-an-email'], origin: 'applied', postingId: P.plain, stageId: S.applicantNew },
  { id: O.archived, contactId: C.archived, name: 'Archie Archived', emails: ['archie.archived@example.com'], origin: 'applied', postingId: P.plain, stageId: S.applicantNew, archivedReason: R.underqualified },
  { id: O.confidential, contactId: C.confidential, name: 'Connie Confidential', emails: ['connie.confidential@example.com'], origin: 'applied', postingId: P.confidential, stageId: S.applicantNew },
  { id: O.noConsent, contactId: C.noConsent, name: 'Nora Noconsent', emails: ['nora.noconsent@example.com'], origin: 'applied', postingId: P.plain, stageId: S.applicantNew, noConsent: true },
  { id: O.secondCandidacy, contactId: C.alan, name: 'Alan Turing', emails: ['alan.turing@example.com'], origin: 'applied', postingId: P.screening, stageId: S.applicantNew },
]

export function seedOpportunities(state: SandboxState): void {
  CANDIDATES.forEach((row, n) => {
    const createdAt = SEED_TIME + (n + 1) * 3_600_000
    const posting = state.postings.get(row.postingId)
    if (!state.contacts.has(row.contactId)) {
      state.contacts.set(row.contactId, {
        id: row.contactId,
        name: row.name,
        headline: '',
        location: 'Berlin',
        emails: [...row.emails],
        phones: [{ type: 'mobile', value: `+49 30 5550${String(n).padStart(3, '0')}` }],
        links: [],
      })
    }
    const applicationId = applicationIdFor(row.id)
    state.applications.set(applicationId, {
      id: applicationId,
      opportunityId: row.id,
      postingId: row.postingId,
      type: row.origin === 'referred' ? 'referral' : row.origin === 'applied' ? 'posting' : 'user',
      userId: row.origin === 'applied' ? null : U.rileyRecruiter,
      createdAt,
    })
    state.opportunities.set(row.id, {
      id: row.id,
      contactId: row.contactId,
      stage: row.stageId,
      stageChanges: [
        {
          toStageId: row.stageId,
          toStageIndex: state.stageIndex(row.stageId),
          userId: null,
          updatedAt: createdAt,
        },
      ],
      tags: [],
      sources: [row.origin === 'applied' ? 'Job site' : 'LinkedIn'],
      origin: row.origin,
      confidentiality: posting?.confidentiality ?? 'non-confidential',
      archived: row.archivedReason
        ? { reason: row.archivedReason, archivedAt: createdAt + 60_000 }
        : null,
      owner: U.rileyRecruiter,
      followers: [U.rileyRecruiter],
      sourcedBy: row.origin === 'sourced' ? U.rileyRecruiter : null,
      applicationIds: [applicationId],
      opportunityLocation: 'Berlin',
      dataProtection: {
        store: { allowed: true, expiresAt: null },
        contact: { allowed: !row.noConsent, expiresAt: null },
      },
      snoozedUntil: null,
      createdAt,
      updatedAt: createdAt,
      lastInteractionAt: createdAt,
      lastAdvancedAt: createdAt,
    })
  })
}
