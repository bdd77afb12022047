import { collapseSpaces, normalizeTag } from './tag-normalize'
import {
  ASSESSMENT_PLACEHOLDER,
  BANDS,
  STAGE_PLACEHOLDER,
  STATUS_TAGS,
  type Band,
  type StatusTag,
} from './tag-templates'
import { assessmentTag, stageTriggerTag, type TagVocabulary } from './tag-vocabulary'

/**
 * What a tag means to Baton. Every known kind carries `canonical`, the exact vocabulary text the
 * tag stands for (the tag itself may differ in case or spacing).
 */
export type TagClass =
  | { kind: 'screening'; canonical: string }
  | { kind: 'skip'; canonical: string }
  | { kind: 'assessment'; name: string; canonical: string }
  | { kind: 'stageTrigger'; stage: string; canonical: string }
  | { kind: 'sendTests'; canonical: string }
  | { kind: 'status'; status: StatusTag; canonical: string }
  | { kind: 'band'; band: Band; canonical: string }
  | { kind: 'unknown' }

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Matches `tag` against a template with one placeholder and returns the text in its place. Both
 * sides are compared with whitespace runs collapsed and case ignored; a space the template has
 * beside the placeholder is required, so "Acme Assessment -X" is not the assessment "X".
 */
function matchTemplate(template: string, placeholder: string, tag: string): string | null {
  const [before, after] = template.split(placeholder).map((side) => side.replace(/\s+/g, ' '))
  const pattern = new RegExp(
    `^${escapeRegExp(before.trimStart())}(.+)${escapeRegExp(after.trimEnd())}$`,
    'iu',
  )
  const name = pattern.exec(collapseSpaces(tag))?.[1].trim()
  return name ? name : null
}

/**
 * Classifies a tag as customers type it: case-insensitive, repeated spaces ignored. Fixed tags
 * are tried first, then the stage-specific trigger, then the assessment mapping.
 */
export function classifyTag(vocab: TagVocabulary, tag: string): TagClass {
  const n = normalizeTag(tag)
  if (n === normalizeTag(vocab.screening)) return { kind: 'screening', canonical: vocab.screening }
  if (n === normalizeTag(vocab.screeningAlias)) {
    return { kind: 'screening', canonical: vocab.screeningAlias }
  }
  if (n === normalizeTag(vocab.skipAssessment))
    return { kind: 'skip', canonical: vocab.skipAssessment }
  if (n === normalizeTag(vocab.sendTests)) return { kind: 'sendTests', canonical: vocab.sendTests }
  const status = STATUS_TAGS.find((s) => n === normalizeTag(vocab.status[s]))
  if (status) return { kind: 'status', status, canonical: vocab.status[status] }
  const band = BANDS.find((b) => n === normalizeTag(vocab.band[b]))
  if (band) return { kind: 'band', band, canonical: vocab.band[band] }
  const stage = matchTemplate(vocab.stageTriggerTemplate, STAGE_PLACEHOLDER, tag)
  if (stage) return { kind: 'stageTrigger', stage, canonical: stageTriggerTag(vocab, stage) }
  const name = matchTemplate(vocab.assessmentTemplate, ASSESSMENT_PLACEHOLDER, tag)
  if (name) return { kind: 'assessment', name, canonical: assessmentTag(vocab, name) }
  return { kind: 'unknown' }
}

/** Whether any of `tags` is of `kind` (e.g. whether an opportunity carries Send Tests). */
export function hasTagKind(
  vocab: TagVocabulary,
  tags: readonly string[],
  kind: TagClass['kind'],
): boolean {
  return tags.some((t) => classifyTag(vocab, t).kind === kind)
}
