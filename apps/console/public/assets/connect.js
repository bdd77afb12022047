// Connecting a tenant to Lever (OAuth or API key), its webhook URL and its signing tokens.
import { api, errorOf, tenantPath } from './api.js'
import { clearFieldErrors, setStatus, showFieldErrors } from './dom.js'

/**
 * Wires the connection controls; `current()` is the selected tenant id, `onConnected` and
 * `onTokenAdded` refresh what depends on them.
 */
export function wireConnect({ current, onConnected, onTokenAdded }) {
  const oauthButton = document.getElementById('oauth-start')
  const oauthMessage = document.getElementById('oauth-message')
  oauthButton.addEventListener('click', async () => {
    oauthMessage.textContent = ''
    const result = await api('GET', tenantPath(current(), '/oauth/start'))
    if (result.ok) {
      window.location.assign(result.body.url)
      return
    }
    const error = errorOf(result)
    oauthMessage.textContent =
      error.code === 'oauth_disabled'
        ? `OAuth is not configured on this console (${error.message}). Use an API key instead.`
        : `Could not start OAuth: ${error.message}`
  })

  wireFieldForm(document.getElementById('api-key-form'), {
    field: 'apiKey',
    send: (form) =>
      api('PUT', tenantPath(current(), '/lever/api-key'), { apiKey: form.elements.apiKey.value }),
    failed: 'Lever is not connected: see the API key field.',
    succeeded: 'Lever connected with the API key.',
    then: onConnected,
  })

  wireFieldForm(document.getElementById('signing-token-form'), {
    field: 'token',
    send: (form) =>
      api('POST', tenantPath(current(), '/signing-tokens'), {
        token: form.elements.token.value.trim(),
      }),
    failed: 'The signing token was not added.',
    succeeded: 'Signing token added.',
    then: onTokenAdded,
  })

  const url = document.getElementById('webhook-url')
  document.getElementById('copy-webhook').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(url.value)
      setStatus('Webhook URL copied.', 'success')
    } catch {
      // No clipboard permission (or no secure context): select it for a manual copy.
      url.focus()
      url.select()
      setStatus('Webhook URL selected: press Ctrl+C (or ⌘C) to copy it.')
    }
  })
}

/** Shows the connection details of a tenant view. */
export function renderConnection(tenant) {
  document.getElementById('webhook-url').value = tenant.webhookUrl
  document.getElementById('oauth-message').textContent = ''
  for (const form of ['api-key-form', 'signing-token-form']) {
    const node = document.getElementById(form)
    node.reset()
    clearFieldErrors(node)
  }
}

/**
 * A one-field form: on submit, `send(form)`; a refusal is shown on the fields the API named, or on
 * `field` when it named none, with the `failed` status; success clears the form, shows
 * `succeeded` and runs `then`.
 */
function wireFieldForm(form, { field, send, failed, succeeded, then }) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    clearFieldErrors(form)
    const result = await send(form)
    if (!result.ok) {
      const error = errorOf(result)
      showFieldErrors(
        form,
        error.fields.length ? error.fields : [{ field, message: error.message }],
      )
      setStatus(failed, 'error')
      return
    }
    form.reset()
    setStatus(succeeded, 'success')
    await then()
  })
}
