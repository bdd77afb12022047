import { ratingLabel, type Rating } from './rating'

/** What the result note shows (product.md §5). */
export interface ResultNoteInput {
  score: number
  rating: Rating
  sections: readonly { name: string; score: number }[]
  summary: string
  recruiterUrl: string | null
  /** False for a partial result, written as provisional and replaced by the final one. */
  final: boolean
  /** Assessment name; null is the platform's default assessment. */
  assessment: string | null
  /** Vendor name for the heading; defaults to a plain "Assessment result". */
  brand?: string
  /** Why the report PDF could not be attached (a reason code), when it could not. */
  reportNotAttached?: string | null
}

/** What a recruiter is told when the report PDF is missing from the opportunity's files. */
const REPORT_PROBLEMS: Record<string, string> = {
  report_too_large: 'the PDF is larger than Baton accepts; open it from the report link',
  report_not_pdf: 'the platform did not send a PDF; open the report from the report link',
  report_url_invalid: 'the platform gave no downloadable address for it; open the report from the report link',
}

export function reportNotAttachedText(reason: string): string {
  return `Report PDF not attached: ${REPORT_PROBLEMS[reason] ?? reason}.`
}

/** Marker that opens a provisional note, so no one mistakes a partial score for the final one. */
export const PROVISIONAL_MARKER = 'PROVISIONAL (partial result)'

/**
 * The text of an order's result note: score out of 100, Lever's 1-4 rating wording, section
 * scores, summary and report link. A partial result opens with {@link PROVISIONAL_MARKER}.
 */
export function resultNoteText(input: ResultNoteInput): string {
  const heading = [
    input.brand ? `${input.brand} assessment result` : 'Assessment result',
    input.assessment ? `: ${input.assessment}` : '',
  ].join('')
  const lines = [
    ...(input.final
      ? []
      : [`${PROVISIONAL_MARKER}: scores may change; the final result will replace this note.`]),
    heading,
    `Score: ${input.score}/100`,
    `Rating: ${ratingLabel(input.rating)}`,
    ...(input.sections.length > 0
      ? ['Section scores:', ...input.sections.map((s) => `- ${s.name}: ${s.score}/100`)]
      : []),
    ...(input.summary.trim() ? ['Summary:', input.summary.trim()] : []),
    ...(input.recruiterUrl ? [`Report: ${input.recruiterUrl}`] : []),
    ...(input.reportNotAttached ? [reportNotAttachedText(input.reportNotAttached)] : []),
  ]
  return lines.join('\n')
}
