import { SEED_STAGES } from '@baton/lever-sandbox'
import { createApplicants, recruiter, startSystem } from '@baton/system-tests'
import { waitFor } from '@baton/testing'
import { percentile, type Figure } from '../results'

interface Run {
  /** Webhook → Invitation Sent tag, candidates one at a time, p50 (ms). */
  latencyMs: number
  /** Candidates moved into the trigger stage at once, to the last tag. */
  invitationsPerSecond: number
}

/**
 * One system with the request log on or off: `serial` candidates invited one at a time (latency),
 * then `bulk` moved at once (throughput), with a Lever sandbox that has no rate limit.
 */
async function measure(redisUrl: string, recordRequests: boolean, serial: number, bulk: number): Promise<Run> {
  const system = await startSystem({ redisUrl, recordRequests, roles: ['lever-events', 'invitations'] })
  try {
    await system.createTenant()
    const act = recruiter(system.leverUrl)
    const invited = (id: string) => system.lever.state.opportunities.get(id)?.tags.includes('Acme: Invitation Sent')
    const latencies: number[] = []
    for (const id of await createApplicants(system, serial, 'Serial')) {
      const started = Date.now()
      await act.moveStage(id, SEED_STAGES.onsiteInterview)
      await waitFor(() => invited(id), { intervalMs: 2, timeoutMs: 60_000, what: 'the invitation' })
      latencies.push(Date.now() - started)
      await system.settle(60_000)
    }
    const ids = await createApplicants(system, bulk, 'Bulk')
    const started = Date.now()
    await Promise.all(ids.map((id) => act.moveStage(id, SEED_STAGES.onsiteInterview)))
    await waitFor(() => ids.every(invited), { intervalMs: 20, timeoutMs: 5 * 60_000, what: 'every invitation' })
    return { latencyMs: percentile(latencies, 50), invitationsPerSecond: bulk / ((Date.now() - started) / 1000) }
  } finally {
    await system.close()
  }
}

const median = (values: number[]) => percentile(values, 50)

/**
 * What the request log costs (issue #22: within 5%): the same runs with every Lever call recorded
 * and without, in alternating pairs, since this machine's speed drifts from minute to minute.
 * Each pair gives the ratio on/off of webhook → tag latency and of invitations/s; the median pair
 * decides.
 */
export async function requestLogCost(redisUrl: string, short: boolean): Promise<Figure[]> {
  const [pairs, serial, bulk] = short ? [2, 10, 50] : [4, 50, 300]
  const latencyRatios: number[] = []
  const throughputRatios: number[] = []
  const on: Run[] = []
  const off: Run[] = []
  for (let i = 0; i < pairs; i++) {
    // Which goes first alternates too (an even number of pairs), so neither the warming machine
    // nor the database growing run after run favours one side.
    const [first, second] = i % 2 === 0 ? [true, false] : [false, true]
    const a = await measure(redisUrl, first, serial, bulk)
    const b = await measure(redisUrl, second, serial, bulk)
    const [withLog, without] = first ? [a, b] : [b, a]
    on.push(withLog)
    off.push(without)
    latencyRatios.push(withLog.latencyMs / without.latencyMs)
    throughputRatios.push(withLog.invitationsPerSecond / without.invitationsPerSecond)
  }
  const latency = median(latencyRatios)
  const throughput = median(throughputRatios)
  const list = (values: number[]) => values.map((v) => v.toFixed(2)).join(', ')
  return [
    { suite: 'request-log', figure: 'webhook → invite tag p50 (ms), request log on / off', value: `${median(on.map((r) => r.latencyMs)).toFixed(0)} / ${median(off.map((r) => r.latencyMs)).toFixed(0)}`, target: '–', met: null },
    { suite: 'request-log', figure: `latency on ÷ off (median of ${pairs} pairs: ${list(latencyRatios)})`, value: latency.toFixed(3), target: '≤ 1.05', met: latency <= 1.05 },
    { suite: 'request-log', figure: 'invitations/s, request log on / off', value: `${median(on.map((r) => r.invitationsPerSecond)).toFixed(1)} / ${median(off.map((r) => r.invitationsPerSecond)).toFixed(1)}`, target: '–', met: null },
    { suite: 'request-log', figure: `invitations/s on ÷ off (median of ${pairs} pairs: ${list(throughputRatios)})`, value: throughput.toFixed(3), target: '≥ 0.95', met: throughput >= 0.95 },
  ]
}
