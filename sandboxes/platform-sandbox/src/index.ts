export { createPlatformSandbox } from './sandbox'
export type { PlatformSandbox } from './sandbox'
export { defaultAssessments, defaultRetryDelaysMs } from './options'
export type { PlatformSandboxOptions, SandboxLogger } from './options'
export { SandboxState } from './state'
export type {
  CandidateEventRecord,
  Delivery,
  DeliveryAttempt,
  DeliveryStatus,
  ErasureRecord,
  ReportDownload,
  ReportLink,
  RequestStats,
  SandboxOrder,
  SourcedCandidate,
  StoredPosting,
} from './state'
export type { EventSender } from './events/sender'
export type { ReportVariant } from './reports/report-variant'
