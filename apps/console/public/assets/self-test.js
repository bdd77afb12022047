// The tenant's self-test: each check Baton makes against Lever (and, on the sandboxes, a
// candidate end to end), with what it found or what to do.
import { api, errorOf, tenantPath } from './api.js'
import { el, setStatus } from './dom.js'

function stepView(step) {
  return el(
    'li',
    { class: step.ok ? 'passed' : 'failed' },
    el('strong', { text: `${step.ok ? 'Passed' : 'Failed'}: ${step.name}` }),
    ` (${step.ms} ms) `,
    el('span', { text: step.detail }),
  )
}

/** Wires the self-test button; `current()` is the selected tenant id, `onDone` refreshes the health. */
export function wireSelfTest({ current, onDone }) {
  const button = document.getElementById('self-test-run')
  const summary = document.getElementById('self-test-summary')
  const steps = document.getElementById('self-test-steps')
  button.addEventListener('click', async () => {
    button.disabled = true
    summary.textContent = 'Running…'
    steps.replaceChildren()
    try {
      const result = await api('POST', tenantPath(current(), '/run/self-test'))
      if (!result.ok) {
        summary.textContent = ''
        setStatus(`The self-test could not run: ${errorOf(result).message}`, 'error')
        return
      }
      const failed = result.body.steps.filter((s) => !s.ok).length
      summary.textContent = failed === 0 ? 'Every check passed.' : `${failed} check${failed === 1 ? '' : 's'} failed.`
      steps.replaceChildren(...result.body.steps.map(stepView))
      await onDone()
    } finally {
      button.disabled = false
    }
  })
}

/** Empties the self-test (another tenant was selected). */
export function resetSelfTest() {
  document.getElementById('self-test-summary').textContent = ''
  document.getElementById('self-test-steps').replaceChildren()
}
