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

  const keyForm = document.getElementById('api-key-form')
  keyForm.addEventListener('submit', async (event) => {
    event.preventDefault()
    clearFieldErrors(keyForm)
    const apiKey = keyForm.elements.apiKey.value
    const result = await api('PUT', tenantPath(current(), '/lever/api-key'), { apiKey })
    if (!result.ok) {
      const error = errorOf(result)
      showFieldErrors(
        keyForm,
        error.fields.length ? error.fields : [{ field: 'apiKey', message: error.message }],
      )
      setStatus('Lever is not connected: see the API key field.', 'error')
      return
    }
    keyForm.reset()
    setStatus('Lever connected with the API key.', 'success')
    await onConnected()
  })

  const tokenForm = document.getElementById('signing-token-form')
  tokenForm.addEventListener('submit', async (event) => {
    event.preventDefault()
    clearFieldErrors(tokenForm)
    const token = tokenForm.elements.token.value.trim()
    const result = await api('POST', tenantPath(current(), '/signing-tokens'), { token })
    if (!result.ok) {
      const error = errorOf(result)
      showFieldErrors(
        tokenForm,
        error.fields.length ? error.fields : [{ field: 'token', message: error.message }],
      )
      setStatus('The signing token was not added.', 'error')
      return
    }
    tokenForm.reset()
    setStatus('Signing token added.', 'success')
    await onTokenAdded()
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
