// Live preview of the tag names a brand gives, from the tenant's templates (served by the API).
import { el } from './dom.js'

/** Every template string of the (nested) template object, in order. */
function templateStrings(templates) {
  return Object.values(templates).flatMap((value) =>
    typeof value === 'string' ? [value] : templateStrings(value),
  )
}

/** Lists each tag name with `brand` in place of the placeholder. */
export function renderBrandPreview(list, templates, placeholder, brand) {
  const shown = brand.trim() || placeholder
  list.replaceChildren(
    ...templateStrings(templates).map((template) =>
      el('li', { text: template.split(placeholder).join(shown) }),
    ),
  )
}
