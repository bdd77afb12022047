export { createPlatformClient } from './client'
export type { CreatedOrder, PlatformClient, PlatformClientOptions } from './client'
export type { PlatformRequestInfo } from './http'
export {
  PlatformAuthError,
  PlatformConflictError,
  PlatformConnectionError,
  PlatformError,
  PlatformNotFoundError,
  PlatformRateLimitError,
  PlatformRejectedError,
  PlatformResponseError,
  PlatformServerError,
  ReportNotPdfError,
  ReportTooLargeError,
  ReportUrlError,
} from './errors'
export { DEFAULT_REPORT_MAX_BYTES } from './report-download'
export {
  candidateEventBodySchema,
  createOrderBodySchema,
  createOrderResponseSchema,
  getOrderResponseSchema,
  orderStatuses,
  postingBodySchema,
} from './api-schemas'
export type {
  CandidateEventBody,
  CreateOrderBody,
  OrderStatus,
  PlatformOrderState,
  PostingBody,
} from './api-schemas'
export {
  candidateSourcedDataSchema,
  orderBouncedDataSchema,
  orderScoredDataSchema,
  orderStartedDataSchema,
  platformEventSchemas,
  platformEventTypes,
  sectionScoreSchema,
} from './events/schemas'
export type {
  CandidateSourcedData,
  OrderBouncedData,
  OrderScoredData,
  OrderStartedData,
  PlatformEvent,
  PlatformEventType,
  SectionScore,
} from './events/schemas'
export { parsePlatformEvent, PlatformEventValidationError } from './events/parse'
export type { ParsedPlatformEvent } from './events/parse'
export { generateWebhookSecret, signPlatformWebhook } from './webhooks/sign'
export type { PlatformWebhookHeaders } from './webhooks/sign'
export {
  PLATFORM_WEBHOOK_TOLERANCE_SECONDS,
  PlatformSignatureError,
  verifyPlatformWebhook,
} from './webhooks/verify'
export type { IncomingHeaders, PlatformSignatureFailure } from './webhooks/verify'
