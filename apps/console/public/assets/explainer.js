// "Why (not) invited?": find a candidate, then read the decision records of their opportunity.
import { api, errorOf, tenantPath } from './api.js'
import { el, setStatus } from './dom.js'
import { showTimeline } from './timeline.js'

const OUTCOMES = { invited: 'Invited', skipped: 'Not invited', failed: 'Invitation failed' }
const OPPORTUNITY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The rules checked, the one that failed first marked, in the names the API gives. */
function rulesTable(rules, texts = []) {
  const firstFailed = rules.findIndex((rule) => !rule.passed)
  const rows = rules.map((rule, i) =>
    el(
      'tr',
      { class: i === firstFailed ? 'deciding-rule' : undefined },
      el('td', { text: rule.rule }),
      el('td', { text: rule.passed ? 'passed' : 'failed', class: rule.passed ? 'passed' : 'failed' }),
      el('td', { text: texts[i] ?? rule.detail }),
    ),
  )
  const header = el('tr', {}, ...['Rule', 'Result', 'Detail'].map((h) => el('th', { scope: 'col', text: h })))
  return el('table', {}, el('caption', { text: 'Rules checked' }), el('thead', {}, header), el('tbody', {}, ...rows))
}

/** One decision; the deciding one says so and opens, the others are folded away. */
function decisionView(decision) {
  const title = `${OUTCOMES[decision.outcome] ?? decision.outcome}, ${new Date(decision.at).toLocaleString()}`
  const body = [
    el('p', { text: decision.explanation ?? '' }),
    el(
      'dl',
      {},
      el('dt', { text: 'Time' }),
      el('dd', {}, el('time', { datetime: decision.at, text: decision.at })),
      el('dt', { text: 'Trigger' }),
      el('dd', { text: decision.triggerText ?? decision.trigger }),
      el('dt', { text: 'Reason' }),
      el('dd', { text: decision.reason }),
    ),
    rulesTable(decision.rules, decision.ruleTexts),
  ]
  if (decision.deciding) {
    return el(
      'article',
      { class: 'decision deciding' },
      el('h4', {}, el('span', { class: 'badge', text: 'Deciding' }), ` ${title}`),
      ...body,
    )
  }
  return el(
    'details',
    { class: 'decision' },
    el('summary', { text: `Other evaluation: ${title}` }),
    ...body,
  )
}

/** The deciding decision first, then the others newest first. */
function decisionsView(decisions) {
  const deciding = decisions.filter((d) => d.deciding)
  return [...deciding, ...decisions.filter((d) => !d.deciding)].map(decisionView)
}

async function showDecisions(tenantId, opportunityId, label, out) {
  const result = await api('GET', tenantPath(tenantId, `/opportunities/${encodeURIComponent(opportunityId)}/decisions`))
  if (!result.ok) {
    setStatus(`Could not read the decisions: ${errorOf(result).message}`, 'error')
    return
  }
  const timeline = el('button', { type: 'button', class: 'link', text: `Open the timeline of ${label}` })
  timeline.addEventListener('click', () => void showTimeline(tenantId, opportunityId))
  out.replaceChildren(
    el('h4', { text: `Decisions for ${label}` }),
    timeline,
    ...(result.body.length === 0
      ? [el('p', { text: `No decision is recorded for ${label}.` })]
      : decisionsView(result.body)),
  )
}

/** A list of the candidates a search found; choosing one shows its decisions. */
function matchesView(tenantId, found, out) {
  if (found.matches.length === 0) {
    const where =
      found.by === 'recent-names'
        ? 'among the candidates Baton evaluated most recently (Lever has no name search: try the email)'
        : 'in Lever'
    return [el('p', { text: `No candidate found ${where}.` })]
  }
  const items = found.matches.map((match) => {
    const label = `${match.name ?? match.opportunityId}${match.stage ? `, ${match.stage}` : ''}`
    const button = el('button', { type: 'button', class: 'link', text: label })
    button.addEventListener('click', () => void showDecisions(tenantId, match.opportunityId, match.name ?? match.opportunityId, out))
    return el('li', {}, button)
  })
  return [el('p', { text: 'Choose the candidate:' }), el('ul', { class: 'matches' }, ...items)]
}

/** Wires the explainer form; `current()` is the selected tenant id. */
export function wireExplainer({ current }) {
  const form = document.getElementById('explain-form')
  const out = document.getElementById('decisions')
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const query = form.querySelector('#opportunity-id').value.trim()
    if (!query) {
      out.replaceChildren(el('p', { text: 'Enter a candidate email or name, or a Lever opportunity id.' }))
      return
    }
    // The answer for an earlier query must not pass for this one's.
    out.replaceChildren(el('p', { text: 'Looking…' }))
    if (OPPORTUNITY_ID.test(query)) {
      await showDecisions(current(), query, `opportunity ${query}`, out)
      return
    }
    const result = await api('GET', tenantPath(current(), `/candidates?q=${encodeURIComponent(query)}`))
    if (!result.ok) {
      setStatus(`Could not search: ${errorOf(result).message}`, 'error')
      return
    }
    if (result.body.matches.length === 1) {
      const [match] = result.body.matches
      await showDecisions(current(), match.opportunityId, match.name ?? match.opportunityId, out)
      return
    }
    out.replaceChildren(...matchesView(current(), result.body, out))
  })
}

/** Empties the explainer (another tenant was selected). */
export function resetExplainer() {
  document.getElementById('explain-form').reset()
  document.getElementById('decisions').replaceChildren()
}
