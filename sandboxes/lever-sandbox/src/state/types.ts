/** Candidate origins; the only thing webhook conditions can filter on (lever-api.md §2.1). */
export const ORIGINS = [
  'applied',
  'sourced',
  'referred',
  'university',
  'agency',
  'internal',
] as const
export type Origin = (typeof ORIGINS)[number]

export type Confidentiality = 'confidential' | 'non-confidential'

export interface User {
  id: string
  name: string
  username: string
  email: string
  accessRole: 'super admin' | 'admin' | 'team member' | 'limited team member' | 'interviewer'
  deactivatedAt: number | null
  createdAt: number
  photo: string | null
  externalDirectoryId: string | null
  linkedContactIds: string[] | null
  jobTitle: string | null
  managerId: string | null
}

export interface Stage {
  id: string
  text: string
}

export interface ArchiveReason {
  id: string
  text: string
  status: 'active' | 'inactive'
  type: 'hired' | 'non-hired'
}

export interface Posting {
  id: string
  text: string
  state: 'published' | 'internal' | 'closed' | 'draft' | 'pending' | 'rejected'
  confidentiality: Confidentiality
  user: string
  owner: string
  hiringManager: string | null
  categories: {
    team: string
    department: string
    location: string
    allLocations: string[]
    commitment: string
    level: string | null
  }
  description: string
  tags: string[]
  /** `null` on some unlisted postings, as real Lever sends it (lever contract fixtures). */
  distributionChannels: string[] | null
  salaryRange: { min: number; max: number; currency: string; interval: string } | null
  country: string
  workplaceType: 'onsite' | 'remote' | 'hybrid' | 'unspecified'
  followers: string[]
  createdAt: number
  updatedAt: number
}

/** A person. Links live here, so they show on every opportunity of the person (§6.3). */
export interface Contact {
  id: string
  name: string
  headline: string
  location: string | null
  emails: string[]
  phones: { type: string; value: string }[]
  links: string[]
}

export interface StageChange {
  toStageId: string
  toStageIndex: number
  userId: string | null
  updatedAt: number
}

export interface Archived {
  reason: string
  archivedAt: number
}

export interface DataProtection {
  store: { allowed: boolean; expiresAt: number | null }
  contact: { allowed: boolean; expiresAt: number | null }
}

/** One candidacy of a contact. */
export interface Opportunity {
  id: string
  contactId: string
  stage: string
  stageChanges: StageChange[]
  tags: string[]
  sources: string[]
  origin: Origin
  confidentiality: Confidentiality
  archived: Archived | null
  owner: string | null
  followers: string[]
  sourcedBy: string | null
  applicationIds: string[]
  opportunityLocation: string | null
  dataProtection: DataProtection | null
  snoozedUntil: number | null
  createdAt: number
  updatedAt: number
  lastInteractionAt: number
  lastAdvancedAt: number
}

export interface Application {
  id: string
  opportunityId: string
  postingId: string
  type: 'posting' | 'referral' | 'user'
  userId: string | null
  createdAt: number
}

/** Whether a record came from the API (only those may be changed through the API) or the UI. */
export type CreatedVia = 'api' | 'ui'

export interface Note {
  id: string
  opportunityId: string
  values: { value: string; createdAt: number }[]
  userId: string | null
  secret: boolean
  score: number | null
  createdVia: CreatedVia
  createdAt: number
  completedAt: number
}

export interface StoredFile {
  id: string
  opportunityId: string
  name: string
  ext: string
  mimeType: string
  content: Buffer
  status: 'processing' | 'processed' | 'unsupported' | 'error' | null
  userId: string
  createdVia: CreatedVia
  uploadedAt: number
}

export const FIELD_TYPES = [
  'score-system',
  'score',
  'scorecard',
  'text',
  'textarea',
  'code',
  'date',
  'dropdown',
  'multiple-choice',
  'multiple-select',
  'yes-no',
  'currency',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]

export interface TemplateField {
  id: string
  type: FieldType
  text: string
  description: string
  required: boolean
  options: { text: string }[] | null
  scores: { text: string; description: string }[] | null
  prompt: string | null
}

/** A group feedback templates are filed under; rendered `{id, name}`, the name may be empty. */
export interface TemplateGroup {
  id: string
  name: string
}

export interface FeedbackTemplate {
  id: string
  text: string
  /** Rendered as the group object `{id, name}`, or `null`. */
  groupId: string | null
  instructions: string
  /** The stage the template is bound to, rendered as `{id, text}`, or `null`. */
  stageId: string | null
  fields: TemplateField[]
  createdVia: CreatedVia
  createdAt: number
  updatedAt: number
}

export interface Feedback {
  id: string
  opportunityId: string
  baseTemplateId: string
  panel: string | null
  interview: string | null
  userId: string
  /** Field id → value, as sent. */
  values: Record<string, unknown>
  createdAt: number
  completedAt: number | null
  updatedAt: number
}

export interface Webhook {
  id: string
  event: string
  url: string
  /** The credential that created it (shown by the control API; Lever lists every webhook). */
  ownerId: string
  signatureToken: string
  conditions: { origins: Origin[] } | null
  createdAt: number
  updatedAt: number
}

export interface Deletion {
  opportunityId: string
  contactId: string
  deletedBy: string | null
  deletedAt: number
}

export interface DeliveryAttempt {
  at: number
  /** HTTP status, or null when no response came back (see `error`). */
  status: number | null
  error: string | null
}

/** One webhook body sent to one URL, with every attempt made for it. */
export interface Delivery {
  id: string
  webhookId: string | null
  event: string
  url: string
  kind: 'event' | 'ping' | 'rerun'
  body: Record<string, unknown>
  status: 'pending' | 'delivered' | 'failed'
  attempts: DeliveryAttempt[]
  createdAt: number
}
