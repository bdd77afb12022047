interface Pending<In, Out> {
  item: In
  resolve: (out: Out) => void
  reject: (err: unknown) => void
}

/**
 * Group commit: items submitted within a few milliseconds (or until `maxBatch`) are committed by
 * one call, and each submitter is answered only once its own item is committed. If the commit
 * fails, every submitter of the batch gets the error.
 */
export class GroupCommit<In, Out> {
  private pending: Pending<In, Out>[] = []
  private cancelWait: (() => void) | undefined

  constructor(
    private readonly commit: (items: In[]) => Promise<Out[]>,
    private readonly options: { maxBatch: number; maxWaitMs: number } = {
      maxBatch: 200,
      maxWaitMs: 2,
    },
  ) {}

  submit(item: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject })
      if (this.pending.length >= this.options.maxBatch) this.flush()
      else this.cancelWait ??= this.waitThenFlush()
    })
  }

  /** With no wait, the batch is what was submitted in this turn of the event loop. */
  private waitThenFlush(): () => void {
    if (this.options.maxWaitMs === 0) {
      const immediate = setImmediate(() => this.flush())
      return () => clearImmediate(immediate)
    }
    const timer = setTimeout(() => this.flush(), this.options.maxWaitMs)
    return () => clearTimeout(timer)
  }

  private flush(): void {
    this.cancelWait?.()
    this.cancelWait = undefined
    const batch = this.pending.splice(0)
    if (batch.length === 0) return
    this.commit(batch.map((p) => p.item)).then(
      (results) => batch.forEach((p, i) => p.resolve(results[i])),
      (err) => batch.forEach((p) => p.reject(err)),
    )
  }
}
