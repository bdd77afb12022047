import { closest } from './levenshtein'
import { classifyTag } from './tag-classify'
import { normalizeTag, sameTag } from './tag-normalize'
import { assessmentTag, stageTriggerTag, type TagVocabulary } from './tag-vocabulary'

/**
 * Why a posting tag was reported: a case or spacing variant of a vocabulary tag, an assessment
 * or stage name that matches nothing, or a brand-bearing tag that is no vocabulary tag at all.
 */
export type TagLintProblem = 'variant' | 'unknownAssessment' | 'unknownStage' | 'unrecognised'

/** One reported posting tag, with the closest valid tag when there is one. */
export interface TagLintFinding {
  tag: string
  problem: TagLintProblem
  suggestion: string | null
  message: string
}

const MESSAGES: Record<TagLintProblem, string> = {
  variant: 'differs in case or spacing from the exact tag',
  unknownAssessment: 'names no known assessment',
  unknownStage: 'names no Lever stage',
  unrecognised: 'looks like a Baton tag but matches none',
}

function finding(tag: string, problem: TagLintProblem, suggestion: string | null): TagLintFinding {
  const hint = suggestion === null ? '' : `; did you mean "${suggestion}"?`
  return { tag, problem, suggestion, message: `"${tag}" ${MESSAGES[problem]}${hint}` }
}

/** Checks a tag naming something (assessment or stage) against the valid names, if known. */
function checkNamed(
  tag: string,
  name: string,
  validNames: readonly string[] | null,
  toTag: (name: string) => string,
  unknown: TagLintProblem,
): TagLintFinding | null {
  if (validNames === null) return tag === toTag(name) ? null : finding(tag, 'variant', toTag(name))
  const match = validNames.find((valid) => sameTag(valid, name))
  if (match !== undefined) {
    return tag === toTag(match) ? null : finding(tag, 'variant', toTag(match))
  }
  const near = closest(name, validNames, normalizeTag)
  return finding(tag, unknown, near ? toTag(near.value) : null)
}

/**
 * The nightly tag lint of product.md §12 for one posting. Looks at Baton-looking tags (those
 * containing the brand, case-insensitively, or parsing as a vocabulary tag) and reports each one
 * that is a case/spacing variant of its exact text, names an unknown assessment or stage, or
 * matches no vocabulary tag, with the closest valid tag by edit distance.
 *
 * @param knownAssessments the platform's assessment names, or null when they are not known (then
 *   assessment tags are checked for variants only)
 * @param stageNames the account's Lever stage names
 */
export function lintPostingTags(
  vocab: TagVocabulary,
  tags: readonly string[],
  knownAssessments: readonly string[] | null,
  stageNames: readonly string[],
): TagLintFinding[] {
  const toAssessmentTag = (name: string) => assessmentTag(vocab, name)
  const toStageTag = (name: string) => stageTriggerTag(vocab, name)
  const validTags = [
    vocab.screening,
    vocab.screeningAlias,
    vocab.skipAssessment,
    ...(knownAssessments ?? []).map(toAssessmentTag),
    ...stageNames.map(toStageTag),
  ]
  const brand = normalizeTag(vocab.brand)
  const check = (tag: string): TagLintFinding | null => {
    const c = classifyTag(vocab, tag)
    switch (c.kind) {
      case 'unknown': {
        if (!normalizeTag(tag).includes(brand)) return null
        return finding(tag, 'unrecognised', closest(tag, validTags, normalizeTag)?.value ?? null)
      }
      case 'assessment':
        return checkNamed(tag, c.name, knownAssessments, toAssessmentTag, 'unknownAssessment')
      case 'stageTrigger':
        return checkNamed(tag, c.stage, stageNames, toStageTag, 'unknownStage')
      default:
        return tag === c.canonical ? null : finding(tag, 'variant', c.canonical)
    }
  }
  return tags.map(check).filter((f): f is TagLintFinding => f !== null)
}
