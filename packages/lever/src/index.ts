export { createLeverClient, type LeverClient, type LeverClientOptions } from './client'
export type { LeverAuth } from './auth'
export * from './errors'
export type { LeverRequestInfo } from './http/lever-http'
export {
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isAmbiguousFailure,
  type RetryDecision,
  type RetryPolicy,
} from './http/retry'
export { parseRetryAfter } from './http/error-mapping'
export { unwrapData } from './http/unwrap'
export { collect } from './http/paginate'
export * from './rate-budget'
export * from './oauth'
export * from './schemas/common'
export * from './schemas/opportunity'
export type { OpportunityCreate, OpportunityFilters } from './resources/opportunities'
export type { PerformAsOption, RequiredPerformAs } from './resources/perform-as'
export { noteSchema, type LeverNote, type NoteCreate } from './resources/notes'
export { fileSchema, type FileUpload, type LeverFile } from './resources/files'
export {
  feedbackTemplateSchema,
  scoreSystemOption,
  templateFieldSchema,
  type FeedbackTemplateCreate,
  type LeverFeedbackTemplate,
  type LeverTemplateField,
  type TemplateFieldInput,
} from './resources/feedback-templates'
export {
  feedbackSchema,
  type FeedbackCreate,
  type FeedbackUpdate,
  type FieldValue,
  type LeverFeedback,
} from './resources/feedback'
export { postingSchema, type LeverPosting, type PostingFilters } from './resources/postings'
export { stageSchema, type LeverStage } from './resources/stages'
export { userSchema, type LeverUser, type UserFilters } from './resources/users'
export { archiveReasonSchema, type LeverArchiveReason } from './resources/archive-reasons'
export {
  webhookSchema,
  type CreatedWebhook,
  type LeverWebhook,
  type WebhookConfiguration,
  type WebhookUpdate,
} from './resources/webhooks'
export * from './webhooks'
