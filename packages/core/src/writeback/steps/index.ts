import { feedbackStep } from './feedback'
import { linkStep } from './link'
import { finalNoteStep, provisionalNoteStep, removeProvisionalNoteStep } from './note'
import { reportPdfStep } from './report-pdf'
import type { WritebackStep } from './step'
import { stageStep } from './stage'
import { tagsStep } from './tags'

/**
 * A result's write-back, in order. Tags first: their answer is the opportunity, which the link
 * and stage steps read back from. The report before the final note, which says when the report
 * could not be attached. The stage move last, once everything a recruiter looks at is there.
 * A partial result writes the band tag, the provisional note and the feedback form.
 */
export const WRITEBACK_STEPS: readonly WritebackStep[] = [
  tagsStep,
  reportPdfStep,
  provisionalNoteStep,
  removeProvisionalNoteStep,
  finalNoteStep,
  feedbackStep,
  linkStep,
  stageStep,
]

export type { ResultWrite, ScoredResult, WritebackStep } from './step'
export { writeOrderTags } from './tags'
export { addRecruiterLink } from './link'
export { attachReport } from './report-pdf'
