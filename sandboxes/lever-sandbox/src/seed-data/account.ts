import type { SandboxState } from '../state/store'
import type { ArchiveReason, FeedbackTemplate, Stage, TemplateGroup, User } from '../state/types'
import {
  SCORE_SYSTEM_OPTIONS,
  SEED_ARCHIVE_REASONS as R,
  SEED_FEEDBACK_TEMPLATES as T,
  SEED_STAGES as S,
  SEED_TEMPLATE_FIELDS as F,
  SEED_TEMPLATE_GROUPS as G,
  SEED_TIME,
  SEED_USERS as U,
} from './ids'

const user = (id: string, name: string, role: User['accessRole'], jobTitle: string): User => ({
  id,
  name,
  username: name.split(' ')[0].toLowerCase(),
  email: `${name.toLowerCase().replace(/ /g, '.')}@sandbox.example.com`,
  accessRole: role,
  deactivatedAt: null,
  createdAt: SEED_TIME,
  photo: null,
  externalDirectoryId: null,
  linkedContactIds: null,
  jobTitle,
  managerId: null,
})

const USERS: User[] = [
  user(U.samService, 'Sam Service', 'super admin', 'Integration service user'),
  user(U.rileyRecruiter, 'Riley Recruiter', 'admin', 'Recruiter'),
  user(U.hanaHiringManager, 'Hana Hiring Manager', 'team member', 'Engineering Manager'),
]

/** Pipeline order; `builtIn` stages exist in every Lever account. */
const STAGES: (Stage & { builtIn: boolean })[] = [
  { id: S.leadNew, text: 'New lead', builtIn: true },
  { id: S.leadReachedOut, text: 'Reached out', builtIn: true },
  { id: S.leadResponded, text: 'Responded', builtIn: true },
  { id: S.applicantNew, text: 'New applicant', builtIn: true },
  { id: S.recruiterScreen, text: 'Recruiter Screen', builtIn: false },
  { id: S.phoneScreen, text: 'Phone Screen', builtIn: false },
  { id: S.assessment, text: 'Assessment', builtIn: false },
  { id: S.onsiteInterview, text: 'On-site Interview', builtIn: false },
  { id: S.referenceCheck, text: 'Reference Check', builtIn: false },
  { id: S.offer, text: 'Offer', builtIn: true },
]

const ARCHIVE_REASONS: ArchiveReason[] = [
  { id: R.hired, text: 'Hired', status: 'active', type: 'hired' },
  { id: R.underqualified, text: 'Underqualified', status: 'active', type: 'non-hired' },
  { id: R.withdrew, text: 'Withdrew', status: 'active', type: 'non-hired' },
  { id: R.positionFilled, text: 'Position filled', status: 'active', type: 'non-hired' },
  { id: R.timing, text: 'Timing', status: 'inactive', type: 'non-hired' },
]

const field = (id: string, type: 'score-system' | 'textarea' | 'score', text: string) => ({
  id,
  type,
  text,
  description: '',
  required: type === 'score-system',
  options:
    type === 'score-system' ? SCORE_SYSTEM_OPTIONS.map((option) => ({ text: option })) : null,
  scores: null,
  prompt: null,
})

const TEMPLATES: FeedbackTemplate[] = [
  {
    id: T.noFeedback,
    text: 'No Feedback',
    groupId: null,
    instructions: '',
    stageId: null,
    fields: [],
    createdVia: 'ui',
    createdAt: SEED_TIME,
    updatedAt: SEED_TIME,
  },
  {
    id: T.interview,
    text: 'Interview Feedback',
    groupId: null,
    instructions: 'Rate the candidate overall and note the evidence.',
    stageId: null,
    fields: [
      field(F.rating, 'score-system', 'Rating'),
      field(F.notes, 'textarea', 'Notes'),
      field(F.technical, 'score', 'Technical skills'),
    ],
    createdVia: 'ui',
    createdAt: SEED_TIME,
    updatedAt: SEED_TIME,
  },
  {
    // Real accounts bind templates to stages; a client that reads `stage` as an id string fails
    // on this one (Lever docs, Retrieve a feedback template).
    id: T.phoneScreen,
    text: 'Phone Screen Feedback',
    groupId: G.phoneScreens,
    instructions: 'Ask about the last project they shipped.',
    stageId: S.phoneScreen,
    fields: [field(F.phoneScreenRating, 'score-system', 'Rating')],
    createdVia: 'ui',
    createdAt: SEED_TIME,
    updatedAt: SEED_TIME,
  },
]

const TEMPLATE_GROUPS: TemplateGroup[] = [{ id: G.phoneScreens, name: 'Phone Screens' }]

/**
 * Users, stages, archive reasons, template groups and feedback templates. Without the full seed
 * only what every Lever account has is kept: the built-in stages, "Hired", "No Feedback" and one
 * user to act as.
 */
export function seedAccount(state: SandboxState, full: boolean): void {
  for (const row of full ? USERS : USERS.slice(0, 1)) state.users.set(row.id, { ...row })
  for (const { builtIn, ...stage } of STAGES) if (full || builtIn) state.stages.push(stage)
  for (const row of full ? ARCHIVE_REASONS : ARCHIVE_REASONS.slice(0, 1)) {
    state.archiveReasons.set(row.id, { ...row })
  }
  for (const row of full ? TEMPLATE_GROUPS : []) state.templateGroups.set(row.id, { ...row })
  for (const row of full ? TEMPLATES : TEMPLATES.slice(0, 1)) {
    state.feedbackTemplates.set(row.id, structuredClone(row))
  }
}
