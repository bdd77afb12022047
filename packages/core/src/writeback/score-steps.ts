import { findLeverWrite, recordOwnStageMove, raiseTenantIssue } from '@baton/db'
import { progressionStage, ratingLabel, resultNoteText, type Band, type Rating } from '@baton/domain'
import { collect, LeverNotFoundError, scoreSystemOption } from '@baton/lever'
import type { OrderScoredData } from '@baton/platform'
import type { CoreDeps } from '../deps'
import { noteMarker, writeOnce } from '../lever-writes/write-once'
import { feedbackTemplate } from './feedback-template'
import type { OrderContext } from './order-context'
import { writeExclusiveTags } from './tag-writes'

export interface ScoredResult {
  data: OrderScoredData
  passingScore: number
  rating: Rating
  band: Band
}

export interface WritebackStep {
  name: string
  run: () => Promise<void>
}

/**
 * The write-back of one scored result as named steps, in order. Every step is exactly-once
 * (ledger or idempotent Lever call), so the list can be re-run from the start after a crash.
 * A partial result writes the band tag, the provisional note and the feedback form; the final
 * one also writes Completed, the PDF, the link and the stage move.
 */
export function scoreSteps(deps: CoreDeps, ctx: OrderContext, result: ScoredResult): WritebackStep[] {
  const { order, settings, lever, performAs, vocab } = ctx
  const { data } = result
  const opp = order.opportunityId
  const key = (step: string) => `order-${order.id}-${step}`
  const noteText = (stepKey: string) =>
    `${resultNoteText({
      score: data.score,
      rating: result.rating,
      sections: data.sections,
      summary: data.summary,
      recruiterUrl: data.recruiterUrl,
      final: data.final,
      assessment: order.assessment,
      brand: vocab.brand,
    })}\n\n${noteMarker(stepKey)}`
  const findNote = async (marker: string) =>
    (await collect(lever.notes.list(opp))).find((n) => JSON.stringify(n).includes(marker))?.id ?? null
  const needsUser = async (what: string) => {
    await raiseTenantIssue(deps.db, {
      tenantId: ctx.tenant.id,
      kind: 'perform_as_missing',
      key: 'perform-as-missing',
      message: `Set a perform-as user: Lever requires one to write the ${what}.`,
    })
  }

  const steps: WritebackStep[] = [
    { name: 'tags', run: () => writeExclusiveTags(ctx, { band: result.band, ...(data.final ? { status: 'completed' } : {}) }) },
  ]
  if (settings.writeBack.note) {
    if (!data.final) {
      steps.push({
        name: 'provisional-note',
        run: async () => {
          const k = key('note-partial')
          await writeOnce(deps, ctx.tenant.id, {
            key: k,
            write: () => lever.notes.create(opp, { value: noteText(k) }, { performAs }),
            findExisting: () => findNote(noteMarker(k)),
          })
        },
      })
    } else {
      steps.push({
        // Lever notes can only be replaced, not edited in place reliably: delete, then create.
        name: 'remove-provisional-note',
        run: async () => {
          const partial = await findLeverWrite(deps.db, ctx.tenant.id, key('note-partial'))
          if (!partial?.leverId) return
          const noteId = partial.leverId
          await writeOnce(deps, ctx.tenant.id, {
            key: key('note-partial-deleted'),
            write: async () => {
              await lever.notes.delete(opp, noteId).catch((err) => {
                if (!(err instanceof LeverNotFoundError)) throw err
              })
              return null
            },
            findExisting: async () => null,
          })
        },
      })
      steps.push({
        name: 'final-note',
        run: async () => {
          const k = key('note-final')
          await writeOnce(deps, ctx.tenant.id, {
            key: k,
            write: () => lever.notes.create(opp, { value: noteText(k) }, { performAs }),
            findExisting: () => findNote(noteMarker(k)),
          })
        },
      })
    }
  }
  if (settings.writeBack.feedback) {
    steps.push({
      name: 'feedback',
      run: async () => {
        if (!performAs) return needsUser('feedback form')
        const template = await feedbackTemplate(deps, ctx)
        const [ratingField, textField] = [
          template.fields.find((f) => f.type === 'score-system'),
          template.fields.find((f) => f.type === 'textarea'),
        ]
        if (!ratingField?.id || !textField?.id) throw new Error('feedback template lacks its fields')
        const fieldValues = [
          { id: ratingField.id, value: scoreSystemOption(template, result.rating) },
          {
            id: textField.id,
            value: `${data.final ? 'Final' : 'Provisional'} score ${data.score}/100 (${ratingLabel(result.rating)})\n${data.sections
              .map((s) => `${s.name}: ${s.score}`)
              .join('\n')}\n\n${data.summary}`,
          },
        ]
        const existed = (await findLeverWrite(deps.db, ctx.tenant.id, key('feedback')))?.status === 'done'
        const createdId = await writeOnce(deps, ctx.tenant.id, {
          key: key('feedback'),
          write: async () =>
            (await lever.feedback.create(opp, { baseTemplateId: template.id, fieldValues, completedAt: Date.now() }, { performAs })).id,
          findExisting: async () =>
            (await collect(lever.feedback.list(opp))).find((f) => f.baseTemplateId === template.id)?.id ?? null,
        })
        if (!data.final || !createdId) return
        // A form created by an earlier partial result is updated in place by the final one (PUT
        // is idempotent); one created just now already holds the final values.
        await writeOnce(deps, ctx.tenant.id, {
          key: key('feedback-final'),
          write: async () => {
            if (existed) await lever.feedback.update(opp, createdId, { fieldValues, completedAt: Date.now() }, { performAs })
            return createdId
          },
          findExisting: async () => null,
        })
      },
    })
  }
  if (data.final && settings.writeBack.pdf && data.reportPdfUrl) {
    const url = data.reportPdfUrl
    const filename = `${vocab.brand} report ${order.assessment ?? 'assessment'} ${order.id.slice(0, 8)}.pdf`
    steps.push({
      name: 'report-pdf',
      run: async () => {
        if (!performAs) return needsUser('report PDF')
        await writeOnce(deps, ctx.tenant.id, {
          key: key('report'),
          write: async () => {
            const content = await deps.platform.downloadReport(url)
            return (await lever.files.upload(opp, { filename, contentType: 'application/pdf', content }, { performAs })).id
          },
          findExisting: async () => (await collect(lever.files.list(opp))).find((f) => f.name === filename)?.id ?? null,
        })
      },
    })
  }
  if (data.final && settings.writeBack.link) {
    steps.push({
      name: 'link',
      run: async () => {
        await writeOnce(deps, ctx.tenant.id, {
          key: key('link'),
          write: async () => {
            await lever.opportunities.addLinks(opp, [data.recruiterUrl], { performAs })
            return null
          },
          findExisting: async () => null,
        })
      },
    })
  }
  const stageId = progressionStage(settings, { final: data.final, score: data.score, passingScore: result.passingScore })
  if (stageId) {
    steps.push({
      name: 'stage-move',
      run: async () => {
        await writeOnce(deps, ctx.tenant.id, {
          key: key('stage'),
          write: async () => {
            // Recorded first, so the webhook this move causes is recognised as Baton's echo.
            await recordOwnStageMove(deps.db, ctx.tenant.id, opp, { stageId, at: Date.now() })
            await lever.opportunities.setStage(opp, stageId, { performAs })
            return stageId
          },
          findExisting: async () => null,
        })
      },
    })
  }
  return steps
}
