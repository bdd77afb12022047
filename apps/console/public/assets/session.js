// Who is signed in, and what their role lets the page offer. A viewer's changing controls
// (marked `data-changes` in index.html) are disabled; the API refuses a viewer's change anyway
// (403), and each control shows that refusal like any other.
import { api } from './api.js'

/**
 * Asks who is signed in (`GET /api/me`), shows it in the header, and for a viewer disables every
 * control that changes something. Resolves to `{ id, name, role }`, or null when unknown.
 */
export async function loadSession() {
  const result = await api('GET', '/api/me')
  if (!result.ok) return null
  const me = result.body
  document.getElementById('signed-in').textContent = `Signed in as ${me.name} (${me.role})`
  document.body.dataset.role = me.role
  if (me.role !== 'admin') {
    document.getElementById('viewer-note').hidden = false
    for (const control of document.querySelectorAll('[data-changes]')) disable(control)
  }
  return me
}

/** Disables a button, or a form's fieldsets and buttons (a fieldset disables what it holds). */
function disable(control) {
  const parts =
    control.tagName === 'FORM' ? control.querySelectorAll('fieldset, button') : [control]
  for (const part of parts) part.disabled = true
}
