import type { DemoStage, DemoTenant } from './seed-demo-tenant'

export interface DemoUrls {
  leverSandbox: string
  platformSandbox: string
  console: string
  /** The file holding ADMIN_TOKEN, as the person at the terminal can open it. */
  secretsFile: string
}

const json = `-H 'Content-Type: application/json'`
const moves = (stage: DemoStage | null) =>
  stage ? `moves the candidate to ${stage.name}` : 'moves nothing (no stage set)'

/** The demo tenant's stages in one line: which triggers, where each result moves the candidate. */
export function stagesLine(demo: DemoTenant): string {
  const { trigger, pass, fail } = demo.stages
  return (
    `trigger ${trigger?.name ?? '(none: choose one in the console)'}; a result at or above ` +
    `${demo.passingScore} ${moves(pass)}, one below ${moves(fail)}`
  )
}

/** Printed at start: the first step of the demo, moving the candidate into the trigger stage. */
export function triggerLines(demo: DemoTenant, urls: DemoUrls): string[] {
  const { trigger } = demo.stages
  if (!trigger)
    return ['The demo tenant has no trigger stage: choose one in the console to try it.']
  return [
    'Try it:',
    `  1. Move the demo candidate into the trigger stage (${trigger.name}) in the Lever sandbox:`,
    `     curl -X POST ${urls.leverSandbox}/_sandbox/opportunities/${demo.sampleOpportunityId}/stage \\`,
    `          ${json} -d '{"stageId":"${trigger.id}"}'`,
    '  2. Baton invites the candidate; the commands that score the order appear here then.',
  ]
}

/**
 * Printed once Baton placed the demo candidate's order: scoring it as the candidate would (a
 * pass and a fail example, since an order is scored once), then where to see the outcome.
 */
export function scoreLines(demo: DemoTenant, orderId: string, urls: DemoUrls): string[] {
  const score = `${urls.platformSandbox}/_sandbox/tenants/${demo.id}/orders/${orderId}/score`
  const pass = Math.min(100, demo.passingScore + 25)
  const fail = Math.max(0, demo.passingScore - 25)
  const adminToken = `$(node -p "require('./${urls.secretsFile}').ADMIN_TOKEN")`
  return [
    `The demo candidate is invited: order ${orderId} on the platform sandbox.`,
    `  3. Score it as the candidate would, one of (the passing score is ${demo.passingScore}):`,
    `     pass, ${moves(demo.stages.pass)}:`,
    `     curl -X POST ${score} ${json} -d '{"score":${pass}}'`,
    `     fail, ${moves(demo.stages.fail)}:`,
    `     curl -X POST ${score} ${json} -d '{"score":${fail}}'`,
    '  4. See what Baton wrote in Lever: stage, tags, result note, feedback form and report PDF:',
    `     curl ${urls.leverSandbox}/_sandbox/opportunities/${demo.sampleOpportunityId}`,
    `     and the order as Baton keeps it (or the console, ${urls.console}/, signed in with ADMIN_TOKEN):`,
    `     curl -H "Authorization: Bearer ${adminToken}" \\`,
    `          '${urls.console}/api/tenants/${demo.id}/orders?opportunityId=${demo.sampleOpportunityId}'`,
  ]
}
