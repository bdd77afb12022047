import type {
  Application,
  ArchiveReason,
  Contact,
  Deletion,
  Delivery,
  Feedback,
  FeedbackTemplate,
  Note,
  Opportunity,
  Posting,
  Stage,
  StoredFile,
  TemplateGroup,
  User,
  Webhook,
} from './types'

/** Where a list left off: the sort key of the last row served, for one endpoint and query. */
export interface OffsetCursor {
  scope: string
  afterKey: string
}

/**
 * The sandbox's whole Lever account, in memory. Tests may read and change it directly; the
 * control API's reset restores the seed in place, so references to this object stay valid.
 */
export class SandboxState {
  readonly users = new Map<string, User>()
  /** In pipeline order. */
  readonly stages: Stage[] = []
  readonly archiveReasons = new Map<string, ArchiveReason>()
  readonly postings = new Map<string, Posting>()
  readonly contacts = new Map<string, Contact>()
  readonly opportunities = new Map<string, Opportunity>()
  readonly applications = new Map<string, Application>()
  readonly notes = new Map<string, Note>()
  readonly files = new Map<string, StoredFile>()
  readonly templateGroups = new Map<string, TemplateGroup>()
  readonly feedbackTemplates = new Map<string, FeedbackTemplate>()
  readonly feedback = new Map<string, Feedback>()
  readonly webhooks = new Map<string, Webhook>()
  readonly deletions: Deletion[] = []
  readonly deliveries = new Map<string, Delivery>()
  /** Offset tokens this sandbox issued; any other token is rejected like Lever does. */
  readonly offsets = new Map<string, OffsetCursor>()

  /** Empties every collection. */
  clear(): void {
    for (const value of Object.values(this)) {
      if (value instanceof Map) value.clear()
      else if (Array.isArray(value)) value.length = 0
    }
  }

  stageIndex(stageId: string): number {
    return this.stages.findIndex((stage) => stage.id === stageId)
  }

  /** The contact owning `email`, compared the way Lever canonicalises (trimmed, lower case). */
  contactByEmail(email: string): Contact | undefined {
    const wanted = canonicalEmail(email)
    for (const contact of this.contacts.values()) {
      if (contact.emails.some((own) => canonicalEmail(own) === wanted)) return contact
    }
    return undefined
  }
}

export function canonicalEmail(email: string): string {
  return email.trim().toLowerCase()
}
