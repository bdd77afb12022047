import { badRequest } from '../http/errors'
import type { FeedbackTemplate, FieldType, TemplateField } from '../state/types'

const isScore = (value: unknown) =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 4
const optionTexts = (field: TemplateField) => (field.options ?? []).map((option) => option.text)
const isOption = (value: unknown, field: TemplateField) =>
  typeof value === 'string' && optionTexts(field).includes(value)

/**
 * What each field type accepts (lever-api.md §6.8). Option values must match the template's
 * option text exactly; `score` takes an integer 1–4; null clears a field.
 */
const ACCEPTS: Record<FieldType, (value: unknown, field: TemplateField) => boolean> = {
  'score-system': isOption,
  score: isScore,
  scorecard: (value) =>
    Array.isArray(value) &&
    value.every((entry) => {
      const item = entry as { score?: unknown; comment?: unknown } | null
      return (
        typeof item === 'object' &&
        item !== null &&
        (item.score === null || isScore(item.score)) &&
        (item.comment === undefined || item.comment === null || typeof item.comment === 'string')
      )
    }),
  text: (value) => typeof value === 'string',
  textarea: (value) => typeof value === 'string',
  code: (value) => typeof value === 'string',
  date: (value) => Number.isInteger(value),
  dropdown: isOption,
  'multiple-choice': isOption,
  'multiple-select': (value, field) =>
    Array.isArray(value) && value.every((item) => isOption(item, field)),
  'yes-no': (value) => value === 'yes' || value === 'no',
  currency: (value) => typeof value === 'number' && Number.isFinite(value),
}

/** Checks `fieldValues` against the template and returns them keyed by field id. */
export function checkFieldValues(
  template: FeedbackTemplate,
  fieldValues: { id: string; value: unknown }[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const { id, value } of fieldValues) {
    const field = template.fields.find((candidate) => candidate.id === id)
    if (!field) throw badRequest(`Field ${id} is not part of template ${template.id}`)
    if (id in values) throw badRequest(`Field ${id} is given twice`)
    if (value !== null && !ACCEPTS[field.type](value, field)) {
      throw badRequest(`Invalid value for ${field.type} field ${id}`)
    }
    values[id] = value
  }
  return values
}
