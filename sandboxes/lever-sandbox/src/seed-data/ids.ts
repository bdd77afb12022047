// Deterministic ids of the seeded demo account. Built-in stage ids are not UUIDs, as in Lever.
const uuid = (prefix: string, n: number) =>
  `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`

/** When the seeded records were created (1 Jan 2025, UTC); later changes use the real clock. */
export const SEED_TIME = Date.UTC(2025, 0, 1)

export const SEED_USERS = {
  /** The service user Baton writes as (`perform_as`). */
  samService: uuid('d0000000', 1),
  rileyRecruiter: uuid('d0000000', 2),
  hanaHiringManager: uuid('d0000000', 3),
} as const

export const SEED_STAGES = {
  leadNew: 'lead-new',
  leadReachedOut: 'lead-reached-out',
  leadResponded: 'lead-responded',
  applicantNew: 'applicant-new',
  recruiterScreen: uuid('e0000000', 1),
  phoneScreen: uuid('e0000000', 2),
  assessment: uuid('e0000000', 3),
  onsiteInterview: uuid('e0000000', 4),
  referenceCheck: uuid('e0000000', 5),
  offer: 'offer',
} as const

export const SEED_ARCHIVE_REASONS = {
  hired: uuid('f0000000', 1),
  underqualified: uuid('f0000000', 2),
  withdrew: uuid('f0000000', 3),
  positionFilled: uuid('f0000000', 4),
  /** Inactive, as retired reasons are in real accounts. */
  timing: uuid('f0000000', 5),
} as const

export const SEED_POSTINGS = {
  /** No tags. */
  plain: uuid('b0000000', 1),
  /** Tagged `Acme: Screening`. */
  screening: uuid('b0000000', 2),
  /** Tagged `Acme: Skip Assessment`. */
  skipAssessment: uuid('b0000000', 3),
  /** Tagged `Acme Assessment - Logic` and `Acme Assessment - Personality`. */
  multiAssessment: uuid('b0000000', 4),
  /** Tagged `Acme Assessment Stage - Phone Screen`. */
  stageOverride: uuid('b0000000', 5),
  /** Confidential. */
  confidential: uuid('b0000000', 6),
  /** Closed. */
  closed: uuid('b0000000', 7),
  /** Internal (unlisted) with `distributionChannels: null`, as a real unlisted posting has. */
  unlisted: uuid('b0000000', 8),
} as const

export const SEED_CONTACTS = {
  ada: uuid('c0000000', 1),
  grace: uuid('c0000000', 2),
  alan: uuid('c0000000', 3),
  katherine: uuid('c0000000', 4),
  edsger: uuid('c0000000', 5),
  barbara: uuid('c0000000', 6),
  noEmail: uuid('c0000000', 7),
  invalidEmail: uuid('c0000000', 8),
  archived: uuid('c0000000', 9),
  confidential: uuid('c0000000', 10),
  noConsent: uuid('c0000000', 11),
} as const

export const SEED_OPPORTUNITIES = {
  applied: uuid('a0000000', 1),
  sourced: uuid('a0000000', 2),
  referred: uuid('a0000000', 3),
  university: uuid('a0000000', 4),
  agency: uuid('a0000000', 5),
  internal: uuid('a0000000', 6),
  noEmail: uuid('a0000000', 7),
  /** Email `not-an-email`. */
  invalidEmail: uuid('a0000000', 8),
  archived: uuid('a0000000', 9),
  confidential: uuid('a0000000', 10),
  /** `dataProtection.contact.allowed` is false. */
  noConsent: uuid('a0000000', 11),
  /** A second opportunity of the `referred` contact (Alan), on another posting. */
  secondCandidacy: uuid('a0000000', 12),
} as const

/** Application ids: the opportunity's number under another prefix. */
export const applicationIdFor = (opportunityId: string) => `0a${opportunityId.slice(2)}`

export const SEED_FEEDBACK_TEMPLATES = {
  interview: uuid('70000000', 1),
  /** Lever's built-in "No Feedback" template. */
  noFeedback: uuid('70000000', 2),
  /** Bound to the Phone Screen stage and filed in the Phone Screens group, as Lever renders it. */
  phoneScreen: uuid('70000000', 3),
} as const

export const SEED_TEMPLATE_GROUPS = {
  phoneScreens: uuid('74000000', 1),
} as const

export const SEED_TEMPLATE_FIELDS = {
  /** `score-system` field of the interview template. */
  rating: uuid('71000000', 1),
  /** `textarea` field of the interview template. */
  notes: uuid('71000000', 2),
  /** `score` (1–4) field of the interview template. */
  technical: uuid('71000000', 3),
  /** `score-system` field of the phone screen template. */
  phoneScreenRating: uuid('71000000', 4),
} as const

/** The exact `score-system` option strings of Lever's default rating. */
export const SCORE_SYSTEM_OPTIONS = [
  '4 - Strong Hire',
  '3 - Hire',
  '2 - No Hire',
  '1 - Strong No Hire',
] as const

export const SEED_NOTES = {
  /** Written in the UI on the `applied` opportunity, so the API may not change or delete it. */
  fromUi: uuid('72000000', 1),
} as const

export const SEED_FILES = {
  /** Uploaded in the UI on the `applied` opportunity. */
  resume: uuid('73000000', 1),
} as const
