import { ratingLabel } from '@baton/domain'
import { collect, LeverValidationError, scoreSystemOption, type LeverFeedback, type LeverFeedbackTemplate } from '@baton/lever'
import { CLOCK_SKEW_MS } from '../../lever-writes/find-note'
import { writeOnce } from '../../lever-writes/write-once'
import { feedbackTemplate } from '../feedback-template'
import { requirePerformAs } from './perform-as'
import type { ResultWrite, WritebackStep } from './step'

/** The line of the text field that names the order: its recruiter link. */
const orderLine = (w: ResultWrite) => `Report: ${w.result.data.recruiterUrl}`

/** The text field's value: score, rating, sections, summary and the order's report link. */
function feedbackText(w: ResultWrite): string {
  const { data, rating } = w.result
  return [
    `${data.final ? 'Final' : 'Provisional'} score ${data.score}/100 (${ratingLabel(rating)})`,
    ...data.sections.map((s) => `${s.name}: ${s.score}`),
    '',
    data.summary,
    '',
    orderLine(w),
  ].join('\n')
}

/** The answers to the tenant's template for this result, and the ids a read-back matches on. */
function formOn(w: ResultWrite, template: LeverFeedbackTemplate) {
  const ratingField = template.fields.find((f) => f.type === 'score-system')
  const textField = template.fields.find((f) => f.type === 'textarea')
  if (!ratingField?.id || !textField?.id) throw new Error('feedback template lacks its fields')
  return {
    template,
    ids: { id: template.id, textFieldId: textField.id },
    fieldValues: [
      { id: ratingField.id, value: scoreSystemOption(template, w.result.rating) },
      { id: textField.id, value: feedbackText(w) },
    ],
  }
}

/**
 * Whether a form is the one Baton created for this order: on the tenant's template, created
 * since the write began, with the order's report link in its text field (partial or final).
 */
function isOrderForm(w: ResultWrite, form: LeverFeedback, template: { id: string; textFieldId: string }, since: Date) {
  const value = form.fields.find((f) => f.id === template.textFieldId)?.value
  return (
    form.baseTemplateId === template.id &&
    (form.createdAt ?? Infinity) >= since.getTime() - CLOCK_SKEW_MS &&
    typeof value === 'string' &&
    value.split('\n').includes(orderLine(w))
  )
}

/**
 * The feedback form on the tenant's template: one overall rating and the scores as text. The
 * first result of the order creates it; a final result updates a form that was there before (a
 * PUT, safe to send again). Reads: the template on the tenant's first result (cached after);
 * the opportunity's feedback only after an ambiguous create. Writes: one create or one update.
 */
export const feedbackStep: WritebackStep = {
  name: 'feedback',
  applies: (w) => w.ctx.settings.writeBack.feedback,
  run: async (w) => {
    const performAs = await requirePerformAs(w, 'feedback form')
    if (!performAs) return
    const { lever, order } = w.ctx
    const opp = order.opportunityId
    let form = formOn(w, await feedbackTemplate(w.deps, w.ctx))
    let createdNow = false
    const formId = await writeOnce(w.deps, w.ctx.tenant.id, {
      key: w.key('feedback'),
      write: async () => {
        const send = () =>
          lever.feedback.create(opp, { baseTemplateId: form.template.id, fieldValues: form.fieldValues, completedAt: Date.now() }, { performAs })
        const created = await send().catch(async (err: unknown) => {
          // Lever refuses a template it no longer has: the cached one was deleted meanwhile.
          if (!(err instanceof LeverValidationError)) throw err
          form = formOn(w, await feedbackTemplate(w.deps, w.ctx, { fresh: true }))
          return send()
        })
        createdNow = true
        return created.id
      },
      readBack: async (since) => {
        const found = (await collect(lever.feedback.list(opp))).find((f) => isOrderForm(w, f, form.ids, since))
        return found ? { leverId: found.id } : null
      },
    })
    if (!w.result.data.final || createdNow || !formId) return
    // A form an earlier (partial) result created, or one found by a read-back, takes the final values.
    await writeOnce(w.deps, w.ctx.tenant.id, {
      key: w.key('feedback-final'),
      write: async () => {
        await lever.feedback.update(opp, formId, { fieldValues: form.fieldValues, completedAt: Date.now() }, { performAs })
        return formId
      },
      readBack: async () => null,
    })
  },
}
