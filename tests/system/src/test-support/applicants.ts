import { createLeverClient } from '@baton/lever'
import { DEFAULT_API_KEY, SEED_POSTINGS, SEED_STAGES, SEED_USERS } from '@baton/lever-sandbox'
import type { TestSystem } from './system'

/**
 * `count` new applicants on the plain posting, created through the Lever API as a recruiter's
 * tool would, in the first stage; waits until Baton has handled their webhooks. Returns the
 * opportunity ids in creation order.
 */
export async function createApplicants(system: TestSystem, count: number, name: string): Promise<string[]> {
  const lever = createLeverClient({ baseUrl: `${system.leverUrl}/v1`, auth: { kind: 'apiKey', apiKey: DEFAULT_API_KEY } })
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const created = await lever.opportunities.create(
      {
        name: `${name} ${i}`,
        emails: [`${name.toLowerCase()}${i}@example.com`],
        postings: [SEED_POSTINGS.plain],
        stage: SEED_STAGES.applicantNew,
      },
      { performAs: SEED_USERS.samService },
    )
    ids.push(created.id)
  }
  await system.settle(60_000)
  return ids
}
