// The settings form: filled from a tenant's settings, read back into a PATCH of what changed.
import { el } from './dom.js'

const LEVER_ID_FIELDS = [
  'triggerStageId',
  'passStageId',
  'failStageId',
  'completedStageId',
  'performAs',
]
const BAND_KEYS = ['veryHigh', 'high', 'medium', 'low']

/** Builds the checkboxes whose values the server owns (origins, write-back toggles). */
export function buildSchemaControls(form, schema) {
  const origins = form.querySelector('#blockedOrigins')
  for (const origin of schema.blockedOrigins) {
    const id = `origin-${origin}`
    const box = el('input', { type: 'checkbox', id, name: 'blockedOrigins', value: origin })
    origins.append(el('div', { class: 'check' }, box, el('label', { for: id, text: origin })))
  }
  const writeBack = form.querySelector('#writeBack')
  for (const { key, label } of schema.writeBack) {
    const id = `writeBack-${key}`
    const box = el('input', {
      type: 'checkbox',
      id,
      name: 'writeBack',
      value: key,
      'data-field': `writeBack.${key}`,
    })
    writeBack.append(el('div', { class: 'check' }, box, el('label', { for: id, text: label })))
  }
}

/** Options of a Lever list, a "none" option for null, and the current id if Lever lacks it. */
function fillSelect(select, items, labelOf, current) {
  const options = [el('option', { value: '', text: '(none)' })]
  for (const item of items) options.push(el('option', { value: item.id, text: labelOf(item) }))
  if (current && !items.some((item) => item.id === current)) {
    options.push(el('option', { value: current, text: `${current} (not in Lever's list)` }))
  }
  select.replaceChildren(...options)
  select.value = current ?? ''
}

/**
 * Fills the stage and user dropdowns from Lever's lists (empty when unknown), selecting
 * `values[field]`, or what is selected now when `values` is left out.
 */
export function fillLeverSelects(form, lists, values) {
  for (const field of LEVER_ID_FIELDS) {
    const select = form.querySelector(`#${field}`)
    const isUsers = select.dataset.list === 'users'
    const items = isUsers ? lists.users : lists.stages
    const current = values ? values[field] : select.value || null
    fillSelect(select, items, (item) => (isUsers ? item.name : item.text), current)
  }
}

/** Puts `settings` into the form; `lists` holds Lever's stages and users. */
export function renderSettings(form, settings, lists) {
  fillLeverSelects(form, lists, settings)
  for (const box of form.querySelectorAll('input[name="blockedOrigins"]')) {
    box.checked = settings.blockedOrigins.includes(box.value)
  }
  for (const box of form.querySelectorAll('input[name="writeBack"]')) {
    box.checked = settings.writeBack[box.value] === true
  }
  form.querySelector('#brand').value = settings.brand
  form.querySelector('#passingScore').value = String(settings.passingScore)
  for (const key of BAND_KEYS)
    form.querySelector(`#bands-${key}`).value = String(settings.bands[key])
}

/** A number input's value; empty is null so the server names the field. */
const numberOf = (input) => (input.value.trim() === '' ? null : Number(input.value))

/** The form's values, shaped like the settings. */
export function readSettings(form) {
  const values = {}
  for (const field of LEVER_ID_FIELDS) values[field] = form.querySelector(`#${field}`).value || null
  values.blockedOrigins = [...form.querySelectorAll('input[name="blockedOrigins"]:checked')].map(
    (b) => b.value,
  )
  values.brand = form.querySelector('#brand').value.trim()
  values.passingScore = numberOf(form.querySelector('#passingScore'))
  values.bands = Object.fromEntries(
    BAND_KEYS.map((k) => [k, numberOf(form.querySelector(`#bands-${k}`))]),
  )
  values.writeBack = Object.fromEntries(
    [...form.querySelectorAll('input[name="writeBack"]')].map((box) => [box.value, box.checked]),
  )
  return values
}

const sameList = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...(b ?? [])].sort())
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)

/** The PATCH body: only the keys (and nested keys of bands, writeBack) that changed. */
export function changedSettings(before, after) {
  const patch = {}
  for (const [key, value] of Object.entries(after)) {
    const old = before[key]
    if (isObject(value)) {
      const changed = Object.entries(value).filter(([k, v]) => v !== (old ?? {})[k])
      if (changed.length > 0) patch[key] = Object.fromEntries(changed)
    } else if (Array.isArray(value) ? !sameList(value, old) : value !== old) {
      patch[key] = value
    }
  }
  return patch
}
