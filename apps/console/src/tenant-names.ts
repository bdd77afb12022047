import { listTenants, type Db } from '@baton/db'

/** How stale the names may be: a renamed tenant shows its new name within this time. */
const MAX_AGE_MS = 30_000

/**
 * Tenant names by id for Bull Board's job views, whose formatters are synchronous: a lookup
 * answers from memory and, when the names are older than MAX_AGE_MS, reloads them in the
 * background for the next view.
 */
export class TenantNames {
  private names = new Map<string, string>()
  private loadedAt = 0
  private loading: Promise<void> | null = null

  constructor(private readonly db: Db) {}

  get(tenantId: string): string | undefined {
    if (Date.now() - this.loadedAt > MAX_AGE_MS) void this.reload()
    return this.names.get(tenantId)
  }

  /** Loads the names now; resolves once loaded (a failed load keeps the old names). */
  reload(): Promise<void> {
    this.loading ??= listTenants(this.db)
      .then((tenants) => {
        this.names = new Map(tenants.map((t) => [t.id, t.name]))
        this.loadedAt = Date.now()
      })
      .catch(() => undefined)
      .finally(() => {
        this.loading = null
      })
    return this.loading
  }
}
