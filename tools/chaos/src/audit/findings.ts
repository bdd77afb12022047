import type { AuditResult } from './audit'

const sample = (list: string[]) =>
  `${list.slice(0, 5).join(', ')}${list.length > 5 ? `, … (${list.length})` : ''}`

/** The audit's findings as lines for the report, naming a few opportunities of each. */
export function describeFindings(a: AuditResult): string[] {
  const lines: string[] = []
  for (const [kind, n] of Object.entries(a.duplicates)) {
    if (n > 0) lines.push(`duplicate ${kind}: ${n} extra`)
  }
  if (a.duplicateIds.length) lines.push(`opportunities with duplicates: ${sample(a.duplicateIds)}`)
  if (a.lost.invitations.length)
    lines.push(`lost invitations (no order): ${sample(a.lost.invitations)}`)
  if (a.lost.invitationTags.length) {
    lines.push(`invited, but no Invitation Sent tag in Lever: ${sample(a.lost.invitationTags)}`)
  }
  if (a.lost.writebacks.length) lines.push(`incomplete write-backs: ${sample(a.lost.writebacks)}`)
  if (a.lost.unprocessedEvents)
    lines.push(`inbox events never processed: ${a.lost.unprocessedEvents}`)
  if (a.lost.deliveriesGivenUp) {
    lines.push(`webhook deliveries the senders gave up on: ${a.lost.deliveriesGivenUp}`)
  }
  if (a.deadLetters) lines.push(`jobs left in the failed (dead-letter) sets: ${a.deadLetters}`)
  return lines
}
