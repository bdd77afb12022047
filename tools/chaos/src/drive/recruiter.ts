import { randomBytes } from 'node:crypto'
import { SEED_POSTINGS, SEED_STAGES } from '@baton/lever-sandbox'
import { paced } from './pool'

async function control(
  leverUrl: string,
  path: string,
  body: unknown,
): Promise<{ data: { id: string } }> {
  const res = await fetch(`${leverUrl}/_sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`POST /_sandbox${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as { data: { id: string } }
}

/**
 * Candidates applying to a plain posting, each with their own email. Created before the tenant
 * registers its webhooks, so only the stage moves of the run reach Baton.
 */
export async function createCandidates(leverUrl: string, count: number): Promise<string[]> {
  const run = randomBytes(3).toString('hex')
  const ids: string[] = new Array(count)
  await paced(
    Array.from({ length: count }, (_, i) => i),
    async (i) => {
      const body = {
        postingId: SEED_POSTINGS.plain,
        name: `Chaos Candidate ${i}`,
        email: `chaos-${run}-${i}@example.com`,
        stageId: SEED_STAGES.applicantNew,
      }
      ids[i] = (await control(leverUrl, '/applications', body)).data.id
    },
    { concurrency: 20 },
  )
  return ids
}

/** A recruiter moving each candidate into the trigger stage, which fires Lever's webhook. */
export async function moveIntoStage(
  leverUrl: string,
  ids: string[],
  stageId: string,
  options: { perSecond: number; onMoved?: (count: number) => void },
): Promise<void> {
  let moved = 0
  await paced(
    ids,
    async (id) => {
      await control(leverUrl, `/opportunities/${id}/stage`, { stageId })
      options.onMoved?.(++moved)
    },
    { concurrency: 10, perSecond: options.perSecond },
  )
}
