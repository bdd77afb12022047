import type { LeverStage } from './default-trigger-stage'
import { classifyTag } from './tag-classify'
import { sameTag } from './tag-normalize'
import type { TagVocabulary } from './tag-vocabulary'

/**
 * When an opportunity is invited (product.md §4): on entering a stage (named by a posting tag or
 * the tenant's trigger stage), on application, or never (with the reason).
 */
export type Trigger =
  | { kind: 'stage'; stageId: string; source: 'postingStageTag' | 'tenantTriggerStage' }
  | { kind: 'application'; source: 'postingScreeningTag' | 'tenantInviteOnApplication' }
  | { kind: 'none'; why: string }

/** What prompted an evaluation. `gapScan`: the hourly scan found it in a stage with no order. */
export type InvitationEvent =
  | { type: 'stageChange'; toStageId: string }
  | { type: 'applicationCreated' }
  | { type: 'sendTestsScan' }
  | { type: 'gapScan'; stageId: string }

/** The settings {@link resolveTrigger} reads. */
export interface TriggerSettings {
  triggerStageId: string | null
  inviteOnApplication: boolean
}

/**
 * Resolves an opportunity's trigger from its posting's tags; the first rule that matches wins:
 * 1. a stage-specific tag naming a stage of `stages` (case and spacing ignored; the first such
 *    tag in tag order wins);
 * 2. the screening / on-application tag, or the tenant's invite-on-application default;
 * 3. the tenant's trigger stage.
 * Stage tags that all name unknown stages resolve to `none` rather than falling through: the
 * posting asked for a specific stage, so inviting at the tenant's stage would surprise.
 */
export function resolveTrigger(
  vocab: TagVocabulary,
  postingTags: readonly string[],
  stages: readonly LeverStage[],
  settings: TriggerSettings,
): Trigger {
  const classes = postingTags.map((t) => classifyTag(vocab, t))
  const stageNames = classes.flatMap((c) => (c.kind === 'stageTrigger' ? [c.stage] : []))
  for (const name of stageNames) {
    const stage = stages.find((s) => sameTag(s.text, name))
    if (stage) return { kind: 'stage', stageId: stage.id, source: 'postingStageTag' }
  }
  if (stageNames.length > 0) {
    return {
      kind: 'none',
      why: `the posting's stage tag names no Lever stage (${stageNames.map((n) => `"${n}"`).join(', ')})`,
    }
  }
  if (classes.some((c) => c.kind === 'screening')) {
    return { kind: 'application', source: 'postingScreeningTag' }
  }
  if (settings.inviteOnApplication)
    return { kind: 'application', source: 'tenantInviteOnApplication' }
  if (settings.triggerStageId !== null) {
    return { kind: 'stage', stageId: settings.triggerStageId, source: 'tenantTriggerStage' }
  }
  return { kind: 'none', why: 'no trigger stage is configured and the posting has no trigger tag' }
}

/**
 * Whether `event` calls for an invitation under `trigger`. The Send Tests scan always does: it
 * lists only opportunities carrying the tag, which is itself the request to invite.
 */
export function eventTriggersInvitation(trigger: Trigger, event: InvitationEvent): boolean {
  switch (event.type) {
    case 'sendTestsScan':
      return true
    case 'applicationCreated':
      return trigger.kind === 'application'
    case 'stageChange':
      return trigger.kind === 'stage' && trigger.stageId === event.toStageId
    case 'gapScan':
      return trigger.kind === 'stage' && trigger.stageId === event.stageId
  }
}

/** A short description of a trigger, for decision details. */
export function describeTrigger(trigger: Trigger): string {
  switch (trigger.kind) {
    case 'stage':
      return trigger.source === 'postingStageTag'
        ? `entering stage ${trigger.stageId} (posting stage tag)`
        : `entering stage ${trigger.stageId} (tenant trigger stage)`
    case 'application':
      return trigger.source === 'postingScreeningTag'
        ? 'on application (posting screening tag)'
        : 'on application (tenant default)'
    case 'none':
      return `never: ${trigger.why}`
  }
}

/** A short description of an event, for decision details. */
export function describeEvent(event: InvitationEvent): string {
  switch (event.type) {
    case 'stageChange':
      return `stage change to ${event.toStageId}`
    case 'applicationCreated':
      return 'application created'
    case 'sendTestsScan':
      return 'Send Tests scan'
    case 'gapScan':
      return `gap scan in stage ${event.stageId}`
  }
}
