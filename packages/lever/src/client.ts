import type { LeverAuth } from './auth'
import { LeverHttp, type LeverRequestInfo } from './http/lever-http'
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './http/retry'
import type { RateBudget } from './rate-budget/rate-budget'
import { archiveReasonsResource } from './resources/archive-reasons'
import { feedbackResource } from './resources/feedback'
import { feedbackTemplatesResource } from './resources/feedback-templates'
import { filesResource } from './resources/files'
import { notesResource } from './resources/notes'
import { opportunitiesResource } from './resources/opportunities'
import { postingsResource } from './resources/postings'
import { stagesResource } from './resources/stages'
import { usersResource } from './resources/users'
import { webhooksResource } from './resources/webhooks'

export interface LeverClientOptions {
  /** API root including `/v1`, e.g. `https://api.lever.co/v1`. */
  baseUrl: string
  auth: LeverAuth
  /** Shared request budget; every attempt acquires from it first. */
  budget?: RateBudget
  /** The budget's bucket: one per Lever credential (Lever limits per key). Required with budget. */
  budgetKey?: string
  /** SDK-level retries of transient failures (default 2; the job queue retries too). */
  maxRetries?: number
  /** Backoff tuning (base, cap, jitter source); `maxRetries` wins over `retryPolicy.maxRetries`. */
  retryPolicy?: Partial<Omit<RetryPolicy, 'idempotent'>>
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number
  /** Hears every attempt (method, path without query, status, timings). */
  onRequest?: (info: LeverRequestInfo) => void
}

/**
 * A Lever Data API client. Each namespace is one Lever resource; lists are lazy async iterables;
 * failures are `LeverError` subclasses.
 */
export function createLeverClient(options: LeverClientOptions) {
  if (options.budget && !options.budgetKey) {
    throw new TypeError('createLeverClient: budgetKey is required when a budget is given')
  }
  const http = new LeverHttp({
    baseUrl: options.baseUrl,
    auth: options.auth,
    budget: options.budget,
    budgetKey: options.budgetKey,
    retry: {
      ...DEFAULT_RETRY_POLICY,
      ...options.retryPolicy,
      maxRetries:
        options.maxRetries ?? options.retryPolicy?.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    },
    timeoutMs: options.timeoutMs ?? 30_000,
    onRequest: options.onRequest,
  })
  return {
    opportunities: opportunitiesResource(http),
    notes: notesResource(http),
    files: filesResource(http),
    feedbackTemplates: feedbackTemplatesResource(http),
    feedback: feedbackResource(http),
    postings: postingsResource(http),
    stages: stagesResource(http),
    users: usersResource(http),
    archiveReasons: archiveReasonsResource(http),
    webhooks: webhooksResource(http),
  }
}

export type LeverClient = ReturnType<typeof createLeverClient>
