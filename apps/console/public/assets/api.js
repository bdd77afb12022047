// Calls to the admin API on this origin. The HttpOnly login cookie authenticates them.

/**
 * One API call. Resolves to `{ ok, status, body }`; a 401 means the login expired, so the page
 * goes back to the login form.
 */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (res.status === 401) {
    window.location.assign('/login')
    throw new Error('signed out')
  }
  const text = await res.text()
  let data = null
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    data = null
  }
  return { ok: res.ok, status: res.status, body: data }
}

/** The `{ error: { code, message, fields? } }` of a failed call (packages/http). */
export function errorOf(result) {
  const error = (result.body && result.body.error) || {}
  return {
    code: error.code || `http_${result.status}`,
    message: error.message || `the request failed (${result.status})`,
    fields: Array.isArray(error.fields) ? error.fields : [],
  }
}

/** `/api/tenants/:id` followed by `rest`, with the id encoded. */
export function tenantPath(id, rest = '') {
  return `/api/tenants/${encodeURIComponent(id)}${rest}`
}
