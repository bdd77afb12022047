import type { Request } from 'express'
import type { EventSender } from './events/sender'
import type { SandboxLogger } from './options'
import type { SandboxState } from './state'

/** What every route module gets. */
export interface SandboxContext {
  state: SandboxState
  sender: EventSender
  apiKey: string
  assessments: readonly string[]
  defaultAssessment: string
  log?: SandboxLogger
  /** Base URL for links the platform hands out (no trailing slash). */
  publicUrl(req: Request): string
  /** Base URL of the storage listener serving pre-signed links; undefined until it listens. */
  storageUrl(): string | undefined
  /** Signs pre-signed report links (random per sandbox). */
  presignKey: Buffer
}

/** Current time as ISO 8601, the format of every timestamp the sandbox stores or sends. */
export function now(): string {
  return new Date().toISOString()
}
