/**
 * Exports the audit chain head on a schedule, outside the database: a line appended to a file
 * (`{"seq":…,"hash":…,"at":…}`, read back by `qihuang audit verify --checkpoints FILE`) and/or a JSON POST to a
 * webhook (the hospital's log archive), signed with `webhookSecret` (HMAC-SHA256 over timestamp and body,
 * webhook-signature.ts; required with a webhook). Only sequence numbers and hashes leave: no patient data. A head that
 * has not moved since the last checkpoint is not written again; a failed write is retried at the next tick.
 * The clock, the timer, fetch and the file append are injectable for tests.
 */
import { appendFile } from 'node:fs/promises';
import { readChainHead, type AuditCheckpoint } from './checkpoints.ts';
import type { AnyKysely } from './tables.ts';
import { signWebhook } from './webhook-signature.ts';

export interface CheckpointTimer {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface CheckpointWriterOptions {
  db: AnyKysely;
  /** File that gets one JSON line per checkpoint. */
  file?: string;
  /** URL that gets each checkpoint as a JSON POST. */
  webhookUrl?: string;
  /** Shared secret signing each webhook POST (X-Qihuang-Timestamp, X-Qihuang-Signature); required with webhookUrl. */
  webhookSecret?: string;
  intervalMs: number;
  clock?: () => Date;
  timer?: CheckpointTimer;
  fetch?: typeof fetch;
  appendLine?: (file: string, line: string) => Promise<void>;
  /** A failed write (reported without data values; retried at the next tick). */
  onError?: (target: 'file' | 'webhook', error: unknown) => void;
  /**
   * The chain head is behind a checkpoint this writer took (entries were deleted and the head moved back):
   * reported at once, and the lower head is still written, so the file shows both.
   */
  onRewound?: (previous: AuditCheckpoint, head: { seq: number; hash: string }) => void;
  /** Timeout of one webhook call. */
  webhookTimeoutMs?: number;
}

export interface CheckpointWriter {
  start(): void;
  /** Takes a checkpoint now; resolves to what was written (undefined when the head had not moved). */
  writeNow(): Promise<AuditCheckpoint | undefined>;
  /** Stops the schedule and writes a last checkpoint (call before closing the database). */
  stop(): Promise<void>;
}

const defaultTimer: CheckpointTimer = {
  setInterval: (run, ms) => {
    const handle = setInterval(run, ms);
    handle.unref();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export function createCheckpointWriter(options: CheckpointWriterOptions): CheckpointWriter {
  if (options.webhookUrl && !options.webhookSecret) {
    throw new Error('An audit checkpoint webhook needs a signing secret (QIHUANG_AUDIT_CHECKPOINT_SECRET)');
  }
  const clock = options.clock ?? (() => new Date());
  const timer = options.timer ?? defaultTimer;
  const fetchImpl = options.fetch ?? fetch;
  const appendLine = options.appendLine ?? ((file, line) => appendFile(file, line, 'utf8'));
  const targets = [
    ...(options.file ? (['file'] as const) : []),
    ...(options.webhookUrl ? (['webhook'] as const) : []),
  ];
  /** Last checkpoint each target received. */
  const last = new Map<'file' | 'webhook', string>();
  let highest: AuditCheckpoint | undefined;
  let handle: unknown;
  let running: Promise<AuditCheckpoint | undefined> | undefined;

  async function send(target: 'file' | 'webhook', checkpoint: AuditCheckpoint): Promise<void> {
    if (target === 'file') {
      await appendLine(options.file!, `${JSON.stringify(checkpoint)}\n`);
      return;
    }
    const body = JSON.stringify({ type: 'qihuang.audit.checkpoint', ...checkpoint });
    const response = await fetchImpl(options.webhookUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signWebhook(options.webhookSecret!, body, clock()) },
      body,
      signal: AbortSignal.timeout(options.webhookTimeoutMs ?? 10_000),
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }

  async function write(): Promise<AuditCheckpoint | undefined> {
    const head = await readChainHead(options.db);
    if (highest && head.seq < highest.seq) options.onRewound?.(highest, head);
    if (head.seq === 0) return undefined; // nothing to anchor yet
    const key = `${head.seq}:${head.hash}`;
    const due = targets.filter((t) => last.get(t) !== key);
    if (due.length === 0) return undefined;
    const checkpoint: AuditCheckpoint = { seq: head.seq, hash: head.hash, at: clock().toISOString() };
    if (!highest || checkpoint.seq > highest.seq) highest = checkpoint;
    let wrote = false;
    for (const target of due) {
      try {
        await send(target, checkpoint);
        last.set(target, key);
        wrote = true;
      } catch (error) {
        options.onError?.(target, error);
      }
    }
    return wrote ? checkpoint : undefined;
  }

  const writeNow = async () => {
    // One write at a time: a slow webhook never stacks ticks.
    while (running) await running.catch(() => undefined);
    running = write();
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };

  return {
    start() {
      if (handle !== undefined || targets.length === 0) return;
      handle = timer.setInterval(() => {
        if (!running) void writeNow().catch((error: unknown) => options.onError?.(targets[0]!, error));
      }, options.intervalMs);
    },
    writeNow,
    async stop() {
      if (handle !== undefined) timer.clearInterval(handle);
      handle = undefined;
      if (targets.length) await writeNow().catch((error: unknown) => options.onError?.(targets[0]!, error));
    },
  };
}
