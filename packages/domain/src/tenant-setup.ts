import type { TenantStatus } from './eligibility-types'

/**
 * What a tenant needs before it can invite, in the order an admin does it: Lever first (the
 * stage and user lists come from it), then the trigger stage, then the user Baton writes as.
 */
export const SETUP_STEPS = [
  'connect Lever',
  'choose a trigger stage',
  'choose a perform-as user',
] as const

/** One thing a tenant still needs before it can invite. */
export type SetupStep = (typeof SETUP_STEPS)[number]

/** The facts the setup rule reads. */
export interface SetupFacts {
  /** The tenant has a Lever credential (API key or OAuth grant). */
  connected: boolean
  triggerStageId: string | null
  performAs: string | null
}

/** What the tenant still needs, first step first; empty when it can invite. */
export function missingSetup(facts: SetupFacts): SetupStep[] {
  const done: Record<SetupStep, boolean> = {
    'connect Lever': facts.connected,
    'choose a trigger stage': !!facts.triggerStageId,
    'choose a perform-as user': !!facts.performAs,
  }
  return SETUP_STEPS.filter((step) => !done[step])
}

/**
 * The status a tenant settles on after its setup changed (created, connected, settings saved):
 * `active` with nothing missing, else `needs_setup`. `paused` and `disconnected` are kept: only
 * an admin unpauses, and only a reconnect (which passes the status it had before) lifts
 * `disconnected`.
 */
export function settledStatus(current: TenantStatus, missing: readonly SetupStep[]): TenantStatus {
  if (current === 'paused' || current === 'disconnected') return current
  return missing.length === 0 ? 'active' : 'needs_setup'
}

/** The statuses in which a tenant holds its events (see {@link holdsEvents}). */
export type HoldingStatus = 'needs_setup' | 'disconnected'

/**
 * A tenant that cannot act on its events holds them: disconnected (no credential to read or
 * write with), or still being set up (it may not even be connected, and it must not invite).
 * Held events are processed once, in order, when the tenant becomes active.
 */
export function holdsEvents(status: TenantStatus): status is HoldingStatus {
  return status === 'needs_setup' || status === 'disconnected'
}
