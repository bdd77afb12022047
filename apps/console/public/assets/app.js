// The settings page: pick a tenant, connect it to Lever, change its settings, explain decisions.
import { api, errorOf, tenantPath } from './api.js'
import { showAudit, wireAudit } from './audit.js'
import { renderBrandPreview } from './brand-preview.js'
import { renderConnection, wireConnect } from './connect.js'
import { clearFieldErrors, setStatus, showFieldErrors } from './dom.js'
import { resetExplainer, wireExplainer } from './explainer.js'
import { renderHealth } from './health.js'
import { renderIssues } from './issues.js'
import { renderOperators, wireOperators } from './operators.js'
import { showRequests, wireRequests } from './requests.js'
import { resetSelfTest, wireSelfTest } from './self-test.js'
import { loadSession } from './session.js'
import { resetTimeline, showTimeline, wireTimeline } from './timeline.js'
import { showWebhookLog, wireWebhookLog } from './webhook-log.js'
import {
  buildSchemaControls,
  changedSettings,
  fillLeverSelects,
  readSettings,
  renderSettings,
} from './settings-form.js'
import { renderTenantList, wireCreateTenant } from './tenants.js'

const form = document.getElementById('settings-form')
const brandInput = document.getElementById('brand')
const preview = document.getElementById('brand-preview')
const state = { schema: null, tenant: null, templates: null, lists: null, loading: 0 }

const hashParam = (name) => new URLSearchParams(window.location.hash.slice(1)).get(name)

/** Lever's stages and users for the dropdowns; empty lists (and a note) when not connected. */
async function leverLists(id) {
  const [stages, users] = await Promise.all([
    api('GET', tenantPath(id, '/lever/stages')),
    api('GET', tenantPath(id, '/lever/users')),
  ])
  const failed = [stages, users].find((r) => !r.ok)
  document.getElementById('lever-lists-note').textContent = !failed
    ? ''
    : errorOf(failed).code === 'lever_not_connected'
      ? 'Connect Lever to choose stages and the Lever user from lists.'
      : `Could not read Lever's stages and users: ${errorOf(failed).message}`
  return { stages: stages.ok ? stages.body : [], users: users.ok ? users.body : [] }
}

function updatePreview() {
  renderBrandPreview(preview, state.templates, state.schema.brandPlaceholder, brandInput.value)
}

/** Shows one tenant: connection, settings, issues. */
async function selectTenant(id) {
  const loading = ++state.loading
  const [tenant, templates, lists] = await Promise.all([
    api('GET', tenantPath(id)),
    api('GET', tenantPath(id, '/tag-templates')),
    leverLists(id),
  ])
  if (loading !== state.loading) return // another tenant was picked meanwhile
  if (!tenant.ok || !templates.ok) {
    setStatus(
      `Could not load the tenant: ${errorOf(tenant.ok ? templates : tenant).message}`,
      'error',
    )
    return
  }
  state.tenant = tenant.body
  state.templates = templates.body
  state.lists = lists
  window.history.replaceState(null, '', `#tenant=${encodeURIComponent(id)}`)
  document.getElementById('tenant-name').textContent = tenant.body.name
  renderHealth(tenant.body, lists)
  renderConnection(tenant.body)
  clearFieldErrors(form)
  renderSettings(form, tenant.body.settings, lists)
  updatePreview()
  resetExplainer()
  resetSelfTest()
  resetTimeline()
  document.getElementById('tenant').hidden = false
  await Promise.all([
    refreshTenants(),
    renderIssues(document.getElementById('issues'), id),
    showWebhookLog(id),
    showRequests(id),
  ])
}

function refreshTenants() {
  return renderTenantList(document.getElementById('tenant-list'), state.tenant?.id, selectTenant)
}

/** After a connect: Lever's lists and the status; unsaved changes in the form stay as they are. */
async function refreshConnection() {
  const id = state.tenant.id
  const [tenant, lists] = await Promise.all([api('GET', tenantPath(id)), leverLists(id)])
  fillLeverSelects(form, lists)
  state.lists = lists
  if (tenant.ok) {
    state.tenant = { ...tenant.body, settings: state.tenant.settings }
    renderHealth(tenant.body, lists)
  }
  await refreshTenants()
}

/** After a save: the status and what is missing follow the settings. */
async function refreshHealth() {
  const tenant = await api('GET', tenantPath(state.tenant.id))
  if (tenant.ok) renderHealth(tenant.body, state.lists)
  await refreshTenants()
}

async function saveSettings(event) {
  event.preventDefault()
  clearFieldErrors(form)
  const patch = changedSettings(state.tenant.settings, readSettings(form))
  if (Object.keys(patch).length === 0) {
    setStatus('Nothing to save: no setting changed.')
    return
  }
  const result = await api('PATCH', tenantPath(state.tenant.id, '/settings'), patch)
  if (!result.ok) {
    const error = errorOf(result)
    const unmatched = showFieldErrors(form, error.fields)
    const rest = unmatched.map((f) => `${f.field}: ${f.message}`).join('; ')
    const count = error.fields.length
    setStatus(
      count > 0
        ? `Not saved: ${count} field${count === 1 ? '' : 's'} to fix. ${rest}`.trim()
        : `Not saved: ${error.message}`,
      'error',
    )
    return
  }
  state.tenant = result.body
  setStatus('Settings saved.', 'success')
  await refreshHealth()
}

async function main() {
  const schema = await api('GET', '/api/settings-schema')
  if (!schema.ok) {
    setStatus(`The page could not start: ${errorOf(schema).message}`, 'error')
    return
  }
  state.schema = schema.body
  buildSchemaControls(form, state.schema)
  // After the controls are built: a viewer's are disabled.
  const me = await loadSession()
  wireOperators(me)
  wireAudit()
  form.addEventListener('submit', saveSettings)
  brandInput.addEventListener('input', updatePreview)
  wireCreateTenant(document.getElementById('create-tenant'), selectTenant)
  wireConnect({
    current: () => state.tenant.id,
    onConnected: refreshConnection,
    onTokenAdded: refreshHealth,
  })
  wireExplainer({ current: () => state.tenant.id })
  wireTimeline({ current: () => state.tenant.id })
  wireWebhookLog({ openTimeline: (opportunityId) => showTimeline(state.tenant.id, opportunityId) })
  wireRequests({ openTimeline: (opportunityId) => showTimeline(state.tenant.id, opportunityId) })
  wireSelfTest({ current: () => state.tenant.id, onDone: refreshHealth })
  const tenants = await refreshTenants()
  // `#tenant=<id>&timeline=<opportunity id>`: Bull Board's job links open a candidate's timeline.
  const wanted = hashParam('tenant')
  const timeline = hashParam('timeline')
  if (wanted && tenants.some((t) => t.id === wanted)) {
    await selectTenant(wanted)
    if (timeline) await showTimeline(wanted, timeline)
  }
  await Promise.all([renderOperators(), showAudit()])
  document.body.dataset.ready = 'true'
}

main().catch((err) => setStatus(`Something went wrong: ${err.message}`, 'error'))
