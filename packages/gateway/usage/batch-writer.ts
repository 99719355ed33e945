/**
 * Keeps usage and audit writes off the hot path: items are buffered (bounded — the oldest are dropped and
 * counted when a sink cannot keep up) and written in batches on a timer or when a batch fills; `close()`
 * flushes everything before shutdown.
 */
export interface BatchWriterOptions {
  maxBatch?: number;
  flushIntervalMs?: number;
  maxBuffered?: number;
  onError?: (error: unknown, dropped: number) => void;
}

export class BatchWriter<T> {
  private buffer: T[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  /** Items dropped because the buffer was full or the sink failed. */
  dropped = 0;
  private readonly maxBatch: number;
  private readonly flushIntervalMs: number;
  private readonly maxBuffered: number;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: BatchWriterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.maxBuffered = options.maxBuffered ?? 50_000;
  }

  push(item: T): void {
    if (this.buffer.length >= this.maxBuffered) {
      this.buffer.shift();
      this.dropped += 1;
    }
    this.buffer.push(item);
    if (this.closed) return;
    if (this.buffer.length >= this.maxBatch) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushIntervalMs);
      this.timer.unref?.();
    }
  }

  get pending(): number {
    return this.buffer.length;
  }

  /** Writes everything buffered so far; resolves when written (errors are reported, not thrown). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writing = this.writing.then(async () => {
      while (this.buffer.length > 0) {
        const batch = this.buffer.splice(0, this.maxBatch);
        try {
          await this.write(batch);
        } catch (error) {
          this.dropped += batch.length;
          this.options.onError?.(error, batch.length);
        }
      }
    });
    return this.writing;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
