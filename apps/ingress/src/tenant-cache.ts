import { findTenantForWebhook, type Db, type Encryptor, type Tenant } from '@baton/db'

type Found = { tenant: Tenant; signingTokens: string[] }

/**
 * Tenants by webhook key, kept for a few seconds so a burst of webhooks costs one lookup and one
 * decryption of the signing tokens. A stale entry can only be missing a token added since: the
 * route reloads once when no cached token matches, so a rotated token works at once.
 */
export class TenantCache {
  private readonly entries = new Map<string, { found: Found; until: number }>()

  constructor(
    private readonly db: Db,
    private readonly encryptor: Encryptor,
    private readonly ttlMs = 5000,
    private readonly maxEntries = 10_000,
  ) {}

  async get(webhookKey: string, options: { fresh?: boolean } = {}): Promise<Found | null> {
    const hit = this.entries.get(webhookKey)
    if (hit && hit.until > Date.now() && !options.fresh) return hit.found
    const found = await findTenantForWebhook(this.db, this.encryptor, webhookKey)
    if (!found) {
      this.entries.delete(webhookKey)
      return null
    }
    if (this.entries.size >= this.maxEntries) this.entries.clear()
    this.entries.set(webhookKey, { found, until: Date.now() + this.ttlMs })
    return found
  }
}
