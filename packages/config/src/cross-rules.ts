/** A problem with one variable, found by a rule that reads others too. */
export interface ConfigIssue {
  variable: string
  message: string
}

/** Lever's own hosts (api.lever.co, api.sandbox.lever.co), as opposed to Baton's sandbox. */
export function isLeverHost(apiUrl: string | undefined): boolean {
  if (!apiUrl) return false
  try {
    const host = new URL(apiUrl).hostname
    return host === 'lever.co' || host.endsWith('.lever.co')
  } catch {
    return false
  }
}

/**
 * Rules between variables, checked once each variable has parsed on its own. Lever delivers
 * webhooks only to HTTPS addresses with a CA-signed certificate (lever-api.md), so a tenant's
 * webhook URL built on an http PUBLIC_URL would be refused or never called.
 */
export function crossVariableIssues(env: NodeJS.ProcessEnv, keys: readonly string[]): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const publicUrl = env.PUBLIC_URL
  if (keys.includes('PUBLIC_URL') && publicUrl && isLeverHost(env.LEVER_API_URL) && !publicUrl.startsWith('https://')) {
    issues.push({
      variable: 'PUBLIC_URL',
      message: `must be an https:// address when LEVER_API_URL is Lever's (${env.LEVER_API_URL}): Lever delivers webhooks only to HTTPS with a CA-signed certificate`,
    })
  }
  return issues
}
