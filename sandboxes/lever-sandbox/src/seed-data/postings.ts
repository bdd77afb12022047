import type { SandboxState } from '../state/store'
import type { Posting } from '../state/types'
import { SEED_POSTINGS as P, SEED_TIME, SEED_USERS as U } from './ids'

const posting = (
  id: string,
  text: string,
  team: string,
  tags: string[],
  extra: Partial<Posting> = {},
): Posting => ({
  id,
  text,
  state: 'published',
  confidentiality: 'non-confidential',
  user: U.rileyRecruiter,
  owner: U.rileyRecruiter,
  hiringManager: U.hanaHiringManager,
  categories: {
    team,
    department: 'Operations',
    location: 'Berlin',
    allLocations: ['Berlin'],
    commitment: 'Full-time',
    level: null,
  },
  description: `${text} at the sandbox company.`,
  tags,
  distributionChannels: ['public', 'internal'],
  salaryRange: { min: 50000, max: 70000, currency: 'EUR', interval: 'per-year-salary' },
  country: 'DE',
  workplaceType: 'hybrid',
  followers: [U.rileyRecruiter],
  createdAt: SEED_TIME,
  updatedAt: SEED_TIME,
  ...extra,
})

const POSTINGS: Posting[] = [
  posting(P.plain, 'Support Engineer', 'Support', []),
  posting(P.screening, 'Account Executive', 'Sales', ['Acme: Screening']),
  posting(P.skipAssessment, 'Office Manager', 'Operations', ['Acme: Skip Assessment']),
  posting(P.multiAssessment, 'Data Analyst', 'Analytics', [
    'Acme Assessment - Logic',
    'Acme Assessment - Personality',
  ]),
  posting(P.stageOverride, 'Customer Success Manager', 'Success', [
    'Acme Assessment Stage - Phone Screen',
  ]),
  posting(P.confidential, 'VP Engineering', 'Engineering', [], {
    confidentiality: 'confidential',
    state: 'internal',
    distributionChannels: ['internal'],
  }),
  posting(P.closed, 'Legacy Role', 'Operations', [], { state: 'closed', distributionChannels: [] }),
  // Recorded from real Lever: an unlisted posting without channels or hiring manager.
  posting(P.unlisted, 'Research Engineer', 'Research', [], {
    state: 'internal',
    distributionChannels: null,
    hiringManager: null,
  }),
]

export function seedPostings(state: SandboxState): void {
  for (const row of POSTINGS) state.postings.set(row.id, structuredClone(row))
}
