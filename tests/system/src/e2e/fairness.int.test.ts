import { QUEUE } from '@baton/queues'
import { runFairnessScenario } from '../test-support/fairness-scenario'
import { startSystem, type TestSystem } from '../test-support/system'

let system: TestSystem

beforeAll(async () => {
  // Lever's real limits on both sides: the sandbox answers 429 over 10/s per credential, and
  // Baton paces each tenant to the same budget.
  system = await startSystem({ leverRateLimit: { ratePerSecond: 10, burst: 20 } })
})
afterAll(async () => {
  await system.deps.queues[QUEUE.invitations].drain()
  await system.close()
})

it("tags a small tenant's 10 invitations within 5 s while another tenant has 5,000 queued", async () => {
  const outcome = await runFairnessScenario(system, { backlog: 5_000, small: 10, timeoutMs: 5_000 })

  expect(outcome.smallTenantMs).toBeLessThanOrEqual(5_000)
  // A kept using its own budget meanwhile, and most of its backlog is still queued: B did not
  // simply wait for A to finish.
  expect(outcome.bigTenantRequestsPerSecond).toBeGreaterThan(0)
  expect(outcome.stillQueued).toBeGreaterThan(2_500)
  expect(outcome.rateLimited).toBe(0)
}, 120_000)
