import type { EmailFailure } from './reason-codes'
import { vocabulary } from './tag-vocabulary'

const WHAT_IS_WRONG: Record<EmailFailure, string> = {
  missing_email: 'the candidate has no email address in Lever',
  invalid_email: "the candidate's email address in Lever is not a valid email address",
}

const howToRetry = (sendTestsTag: string) =>
  "To retry, fix the candidate's email address in Lever, then move the candidate out of the " +
  `trigger stage and back into it, or add the tag "${sendTestsTag}" (checked every hour).`

/**
 * The note written when an invitation fails for its email (product.md §4): what is wrong and how
 * to retry. Pass the tenant's exact Send Tests tag when its templates are overridden.
 */
export function failureNoteText(
  reason: EmailFailure,
  brand: string,
  sendTestsTag: string = vocabulary(brand).sendTests,
): string {
  return [
    `${brand} could not send the assessment invitation: ${WHAT_IS_WRONG[reason]}.`,
    howToRetry(sendTestsTag),
  ].join('\n')
}

/**
 * The note written when the invitation email bounced (product.md §5), with the platform's reason.
 * Pass the tenant's exact Send Tests tag when its templates are overridden.
 */
export function bounceNoteText(
  reason: string,
  brand: string,
  sendTestsTag: string = vocabulary(brand).sendTests,
): string {
  return [
    `${brand} could not deliver the assessment invitation to the candidate's email address.`,
    `Reason: ${reason.trim() || 'not given'}.`,
    howToRetry(sendTestsTag),
  ].join('\n')
}
