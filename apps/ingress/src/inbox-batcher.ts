import { storeEvents, type Db, type InboxEntry } from '@baton/db'

interface Waiting {
  entry: InboxEntry
  resolve: (stored: { id: string; duplicate: boolean }) => void
  reject: (err: unknown) => void
}

/**
 * Group commit for the inbox: requests arriving within a few milliseconds are stored by one
 * multi-row insert. Each request is still answered only after its own row is committed; if the
 * insert fails, every request in the batch fails (and gets its 503).
 */
export class InboxBatcher {
  private waiting: Waiting[] = []
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly db: Db,
    private readonly options: { maxBatch: number; maxWaitMs: number } = { maxBatch: 200, maxWaitMs: 2 },
  ) {}

  store(entry: InboxEntry): Promise<{ id: string; duplicate: boolean }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entry, resolve, reject })
      if (this.waiting.length >= this.options.maxBatch) this.flush()
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxWaitMs)
    })
  }

  private flush(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const batch = this.waiting.splice(0)
    if (batch.length === 0) return
    storeEvents(this.db, batch.map((w) => w.entry)).then(
      (results) => batch.forEach((w, i) => w.resolve(results[i])),
      (err) => batch.forEach((w) => w.reject(err)),
    )
  }
}
