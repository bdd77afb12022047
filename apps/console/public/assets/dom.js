// DOM helpers. Data only ever reaches the page as text (textContent), never as markup.

/** An element with attributes (`text` sets textContent) and child nodes or strings. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue
    if (name === 'text') node.textContent = String(value)
    else node.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children) {
    node.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return node
}

/** Says something in the page's status region (`role="status"`). */
export function setStatus(message, kind = 'info') {
  const status = document.getElementById('status')
  status.textContent = message
  status.dataset.kind = kind
}

/** Removes every error shown by {@link showFieldErrors} inside `scope`. */
export function clearFieldErrors(scope) {
  for (const error of scope.querySelectorAll('.field-error')) error.remove()
  for (const control of scope.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid')
  }
  for (const control of scope.querySelectorAll('[data-base-describedby]')) {
    const base = control.dataset.baseDescribedby
    if (base) control.setAttribute('aria-describedby', base)
    else control.removeAttribute('aria-describedby')
    delete control.dataset.baseDescribedby
  }
}

/** The control for an API field path (`bands.high`); `blockedOrigins.1` falls back to its list. */
function controlFor(scope, field) {
  for (let path = field; path; path = path.includes('.') ? path.replace(/\.[^.]*$/, '') : '') {
    const control = scope.querySelector(`[data-field="${CSS.escape(path)}"]`)
    if (control) return control
  }
  return null
}

/**
 * Shows each `{ field, message }` beside its control, linked by `aria-describedby` and marked
 * `aria-invalid`. Returns the errors that match no control, for the caller to show elsewhere.
 */
export function showFieldErrors(scope, fields) {
  const unmatched = []
  for (const { field, message } of fields) {
    const control = controlFor(scope, String(field))
    if (!control) {
      unmatched.push({ field, message })
      continue
    }
    const id = `${control.id}-error`
    let error = document.getElementById(id)
    if (!error) {
      error = el('p', { id, class: 'field-error' })
      if (control.tagName === 'FIELDSET') control.append(error)
      else control.insertAdjacentElement('afterend', error)
    }
    error.textContent = error.textContent ? `${error.textContent} ${message}` : message
    // aria-invalid belongs on form controls; a fieldset (a group) only gets the description.
    if (control.tagName !== 'FIELDSET') control.setAttribute('aria-invalid', 'true')
    if (control.dataset.baseDescribedby === undefined) {
      control.dataset.baseDescribedby = control.getAttribute('aria-describedby') || ''
    }
    const described = `${control.dataset.baseDescribedby} ${id}`.trim()
    control.setAttribute('aria-describedby', described)
  }
  return unmatched
}
