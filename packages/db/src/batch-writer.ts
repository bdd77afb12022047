/**
 * Log rows (the request log, the webhook log) written in batches off the hot path: `add` only
 * queues a row; the queue is written every `everyMs`, or as soon as `maxRows` wait, in one call
 * of `write` (one multi-row INSERT). A failed write is reported and its rows dropped: these are
 * logs, and losing a few must never slow or fail the work they describe. So is a row beyond
 * `maxQueued` rows waiting or being written (Postgres away or hung): memory stays bounded, and
 * `dropped` counts them.
 */
export class BatchWriter<Row> {
  private queue: Row[] = []
  /** Rows handed to writes that have not finished: a hung Postgres must not grow memory either. */
  private writingRows = 0
  private readonly timer: NodeJS.Timeout
  private writing: Promise<void> = Promise.resolve()
  /** Rows lost to a full queue or a failed write. */
  dropped = 0

  constructor(
    private readonly write: (rows: Row[]) => Promise<unknown>,
    private readonly options: {
      everyMs?: number
      maxRows?: number
      maxQueued?: number
      onError?: (err: unknown, rows: number) => void
    } = {},
  ) {
    this.timer = setInterval(() => void this.flush(), options.everyMs ?? 1_000)
    // A log writer never keeps a process alive on its own.
    this.timer.unref()
  }

  add(row: Row): void {
    if (this.queue.length + this.writingRows >= (this.options.maxQueued ?? 10_000)) {
      this.dropped++
      return
    }
    this.queue.push(row)
    if (this.queue.length >= (this.options.maxRows ?? 500)) void this.flush()
  }

  /** Writes what is queued now, after any write under way (one at a time); never rejects. */
  flush(): Promise<void> {
    if (this.queue.length === 0) return this.writing
    const rows = this.queue
    this.queue = []
    this.writingRows += rows.length
    this.writing = this.writing.then(async () => {
      try {
        await this.write(rows)
      } catch (err) {
        this.dropped += rows.length
        this.options.onError?.(err, rows.length)
      } finally {
        this.writingRows -= rows.length
      }
    })
    return this.writing
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    clearInterval(this.timer)
    await this.flush()
  }
}
