import { recordOwnStageMove } from '@baton/db'
import { progressionStage } from '@baton/domain'
import { stageIdOf } from '../../lever/opportunity-refs'
import { writeOnce } from '../../lever-writes/write-once'
import type { ResultWrite, WritebackStep } from './step'

const targetStage = ({ ctx, result }: ResultWrite) =>
  progressionStage(ctx.settings, { final: result.data.final, score: result.data.score, passingScore: result.passingScore })

/**
 * Moves the candidate to the tenant's pass or fail stage. A repeated move would show twice in
 * the candidate's history and fire Lever's webhook again, so after an ambiguous failure the
 * stage is read first. Reads: none when the tags step ran and the move succeeds, else one GET.
 * Writes: one stage change.
 */
export const stageStep: WritebackStep = {
  name: 'stage-move',
  applies: (w) => targetStage(w) !== null,
  run: async (w) => {
    const stageId = targetStage(w)!
    const { deps, ctx, opportunity } = w
    const opp = ctx.order.opportunityId
    await writeOnce(deps, ctx.tenant.id, {
      key: w.key('stage'),
      write: async () => {
        // Recorded first, so the webhook this move causes is recognised as Baton's echo.
        await recordOwnStageMove(deps.db, ctx.tenant.id, opp, { stageId, at: Date.now() })
        await opportunity.write((lever) => lever.opportunities.setStage(opp, stageId, { performAs: ctx.performAs }))
        return stageId
      },
      readBack: async () => (stageIdOf(await opportunity.current()) === stageId ? { leverId: stageId } : null),
    })
  },
}
