import type { DemoTenant } from './seed-demo-tenant'
import { scoreLines, stagesLine, triggerLines, type DemoUrls } from './try-it'

const demo: DemoTenant = {
  id: 'ten-1',
  name: 'Demo (Lever sandbox)',
  webhookUrl: 'http://127.0.0.1:3000/webhooks/lever/key',
  stages: {
    trigger: { id: 'stage-onsite', name: 'On-site Interview' },
    pass: { id: 'stage-reference', name: 'Reference Check' },
    fail: { id: 'stage-screen', name: 'Recruiter Screen' },
  },
  passingScore: 60,
  sampleOpportunityId: 'opp-1',
}
const urls: DemoUrls = {
  leverSandbox: 'http://127.0.0.1:4010',
  platformSandbox: 'http://127.0.0.1:4020',
  console: 'http://127.0.0.1:3001',
  secretsFile: '.baton/sandbox-secrets.json',
}

describe('the printed demo steps', () => {
  it('move the demo candidate into the trigger stage through the Lever sandbox', () => {
    expect(triggerLines(demo, urls).join('\n')).toContain(
      'curl -X POST http://127.0.0.1:4010/_sandbox/opportunities/opp-1/stage \\\n' +
        `          -H 'Content-Type: application/json' -d '{"stageId":"stage-onsite"}'`,
    )
  })

  it('score the order with a pass and a fail, naming where each moves the candidate', () => {
    const text = scoreLines(demo, 'order-1', urls).join('\n')
    const score = 'curl -X POST http://127.0.0.1:4020/_sandbox/tenants/ten-1/orders/order-1/score'
    expect(text).toContain(
      `pass, moves the candidate to Reference Check:\n     ${score} -H 'Content-Type: application/json' -d '{"score":85}'`,
    )
    expect(text).toContain(
      `fail, moves the candidate to Recruiter Screen:\n     ${score} -H 'Content-Type: application/json' -d '{"score":35}'`,
    )
    expect(text).toContain('curl http://127.0.0.1:4010/_sandbox/opportunities/opp-1')
    expect(text).toContain(`require('./.baton/sandbox-secrets.json').ADMIN_TOKEN`)
    expect(text).toContain("'http://127.0.0.1:3001/api/tenants/ten-1/orders?opportunityId=opp-1'")
  })

  it('say where each result moves the candidate, and when one moves nothing', () => {
    expect(stagesLine(demo)).toBe(
      'trigger On-site Interview; a result at or above 60 moves the candidate to Reference Check, ' +
        'one below moves the candidate to Recruiter Screen',
    )
    const noFailStage = { ...demo, stages: { ...demo.stages, fail: null } }
    expect(stagesLine(noFailStage)).toMatch(/one below moves nothing \(no stage set\)$/)
    expect(scoreLines(noFailStage, 'order-1', urls)).toContain(
      '     fail, moves nothing (no stage set):',
    )
  })
})
