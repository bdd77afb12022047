import { seedAccount } from './seed-data/account'
import { SEED_FILES, SEED_NOTES, SEED_OPPORTUNITIES, SEED_TIME, SEED_USERS } from './seed-data/ids'
import { seedOpportunities } from './seed-data/opportunities'
import { seedPostings } from './seed-data/postings'
import type { SandboxState } from './state/store'

export * from './seed-data/ids'

/**
 * Replaces the state with the seed. `full` is the demo account; otherwise only what every Lever
 * account has (built-in stages, "Hired", "No Feedback", one user to act as).
 */
export function seedState(state: SandboxState, full: boolean): void {
  state.clear()
  seedAccount(state, full)
  if (!full) return
  seedPostings(state)
  seedOpportunities(state)
  state.notes.set(SEED_NOTES.fromUi, {
    id: SEED_NOTES.fromUi,
    opportunityId: SEED_OPPORTUNITIES.applied,
    values: [{ value: 'Strong portfolio, invite to screen.', createdAt: SEED_TIME }],
    userId: SEED_USERS.rileyRecruiter,
    secret: false,
    score: null,
    createdVia: 'ui',
    createdAt: SEED_TIME,
    completedAt: SEED_TIME,
  })
  state.files.set(SEED_FILES.resume, {
    id: SEED_FILES.resume,
    opportunityId: SEED_OPPORTUNITIES.applied,
    name: 'resume.txt',
    ext: '.txt',
    mimeType: 'text/plain',
    content: Buffer.from('Ada Lovelace: analytical engines.\n'),
    status: 'processed',
    userId: SEED_USERS.rileyRecruiter,
    createdVia: 'ui',
    uploadedAt: SEED_TIME,
  })
}
