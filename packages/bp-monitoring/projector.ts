/**
 * Projection of stored readings into the FHIR store: each pending reading becomes its BP-panel Observation
 * (and heart-rate Observation) through FhirRepository.bulkUpsert — validated, indexed for search, versioned,
 * audited — and is marked projected in the same transaction. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * any number of server replicas (and the upload request itself) can project at once without doing the same
 * reading twice; a projection that fails rolls back and leaves its readings pending for the next run.
 */
import { sql, type Transaction } from 'kysely';
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { toFhirBpObservation, toFhirHeartRateObservation } from '@qihuang/engines/blood-pressure';
import { analyzeGrownTables, type FhirRepository, type FhirResource, type StoreTables } from '@qihuang/store';
import { raiseAlerts } from './raise-alerts.ts';
import { readingOf, type ReadingRow } from './reading-store.ts';

/**
 * Readings per projection transaction (two Observations each): keeps each pause of the event loop short and, on
 * the embedded database (one session), each wait of every other reader — the console's alert inbox right after
 * an upload: with 500 a reader waited for a 500-reading transaction (1,000-reading upload → crisis Flag seen by a
 * concurrent reader, PGlite at load ≈ 8: 575–877 ms; with 200: 239–566 ms; the upload's answer time unchanged,
 * 1.0–1.8 s either way).
 */
export const PROJECTION_CHUNK = 200;

/** While a backlog is being projected, the alerts of the patients written so far are evaluated this often. */
const EVALUATE_EVERY_MS = 1000;

export interface ProjectOptions {
  /** Only this patient's readings … */
  patientId?: string;
  /** … with these ids (an upload projecting what it just stored). */
  ids?: readonly string[];
  limit?: number;
  /** Called after each committed projection with the patients whose readings it wrote (alert evaluation). */
  onProjected?: (patientIds: readonly string[]) => Promise<void>;
}

/** Projects up to `limit` pending readings in one transaction; answers how many it projected. */
export async function projectPending(
  repo: FhirRepository,
  ctx: RequestContext,
  options: ProjectOptions = {},
): Promise<number> {
  const limit = options.limit ?? PROJECTION_CHUNK;
  const patients = new Set<string>();
  const n = await repo.db.transaction().execute(async (trx) => {
    const ids = options.ids ? [...options.ids] : null;
    const { rows } = await sql<ReadingRow>`
      select patient_id, id, device_id, time, sbp, dbp, heart_rate, version from bp_reading
      where pending and status <> 'entered-in-error'
        and (${options.patientId ?? null}::text is null or patient_id = ${options.patientId ?? null})
        and (${ids}::text[] is null or id = any(${ids}::text[]))
      order by patient_id, effective_at
      limit ${limit}
      for update skip locked`.execute(trx);
    if (rows.length === 0) return 0;
    for (const row of rows) patients.add(row.patient_id);
    // A reading marked entered-in-error straight through FHIR (decision 0020) stays so: never projected again.
    const { rows: nullified } = await sql<{ id: string }>`
      select id from fhir_resource where resource_type = 'Observation'
        and id = any(${rows.map((r) => r.id)}::text[]) and content->>'status' = 'entered-in-error'`.execute(
      trx,
    );
    const withdrawn = new Set(nullified.map((r) => r.id));
    if (withdrawn.size)
      await sql`update bp_reading set status = 'entered-in-error'
        where id = any(${[...withdrawn]}::text[])`.execute(trx);
    await writeObservations(
      repo,
      ctx,
      trx,
      rows.filter((r) => !withdrawn.has(r.id)),
    );
    await sql`update bp_reading as r set pending = false
      from unnest(${rows.map((r) => r.patient_id)}::text[], ${rows.map((r) => r.id)}::text[]) as x(patient_id, id)
      where r.patient_id = x.patient_id and r.id = x.id`.execute(trx);
    return rows.length;
  });
  if (patients.size) await options.onProjected?.([...patients]);
  return n;
}

async function writeObservations(
  repo: FhirRepository,
  ctx: RequestContext,
  trx: Transaction<StoreTables>,
  rows: ReadingRow[],
): Promise<void> {
  const resources: FhirResource[] = [];
  for (const row of rows) {
    const reading = readingOf(row);
    resources.push(toFhirBpObservation(reading) as unknown as FhirResource);
    const hr = toFhirHeartRateObservation(reading);
    if (hr) resources.push(hr as unknown as FhirResource);
  }
  await repo.bulkUpsert(ctx, resources, {
    transaction: trx,
    audit: { query: 'bp-projection', detail: { readings: rows.length } },
    // Home readings are the patient's own record, whoever projects them (the uploader or the background
    // projector): the patient may correct them by re-uploading (issue 15 item 3).
    author: (resource) => (resource.subject as { reference?: string } | undefined)?.reference,
  });
}

/** Projects until nothing is pending (or `max` readings); answers how many. */
export async function projectAll(
  repo: FhirRepository,
  ctx: RequestContext,
  options: ProjectOptions & { max?: number } = {},
): Promise<number> {
  let total = 0;
  for (;;) {
    const room = options.max === undefined ? undefined : options.max - total;
    if (room !== undefined && room <= 0) return total;
    const n = await projectPending(repo, ctx, {
      ...options,
      limit: Math.min(options.limit ?? PROJECTION_CHUNK, room ?? Infinity),
    });
    total += n;
    if (n === 0) return total;
  }
}

export interface ReadingProjector {
  /** Start projecting now (after an upload left readings pending); returns at once. */
  kick(): void;
  /**
   * An upload is being handled: the projector waits between its chunks until none is (at most `maxDeferMs`
   * at a time), so that accepting readings comes first and projection uses the idle time. Call the returned
   * function when done.
   */
  hold(): () => void;
  /** Projects everything pending; resolves with the count (for start-up, tests and the CLI). */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The server's background projector: runs on kick() and every `intervalMs` (which also picks up readings left
 * by another replica that stopped mid-way). After each chunk it raises the alerts of the patients it wrote
 * readings for (raise-alerts.ts, as the system). Errors are reported and retried on the next round.
 */
export function createReadingProjector(
  repo: FhirRepository,
  options: {
    intervalMs?: number;
    onError?: (error: unknown) => void;
    chunk?: number;
    maxDeferMs?: number;
    /** Alert evaluation of the patients whose readings were projected (the server's evaluator, which retries). */
    evaluate?: (patientIds: readonly string[], cause: RequestContext) => Promise<unknown>;
    /** The hospital's time zone for the evaluation without `evaluate` (raise-alerts.ts). */
    timeZone?: string;
  } = {},
): ReadingProjector {
  const ctx: RequestContext = { requestId: 'bp-projection', principal: SYSTEM_PRINCIPAL };
  const maxDeferMs = options.maxDeferMs ?? 2000;
  const evaluate = async (patientIds: readonly string[]): Promise<void> => {
    // The projection has just grown the search tables: statistics first, so the evaluation's search plans well
    // (the evaluation in the request itself leaves this to the writers that grow the tables).
    await analyzeGrownTables(repo.db).catch((error: unknown) => void options.onError?.(error));
    if (options.evaluate) {
      await options.evaluate(patientIds, ctx).catch((error: unknown) => void options.onError?.(error));
      return;
    }
    for (const patientId of patientIds) {
      // One patient's failure (reported) does not keep the others' alerts back; the readings are in FHIR.
      await raiseAlerts(repo, patientId, {
        now: repo.now(),
        cause: ctx,
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      }).catch((error: unknown) => void options.onError?.(error));
    }
  };
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;
  let holds = 0;
  const idle = async (): Promise<void> => {
    const until = Date.now() + maxDeferMs;
    while (holds > 0 && !stopped && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const run = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        // The alerts of the patients written are evaluated once the backlog is projected, and at least every
        // EVALUATE_EVERY_MS while it lasts — not after each chunk: each evaluation searches the patient's whole
        // BP history and statistics, so per chunk it cost more than the projection itself (a 10,000-reading
        // upload: 50 evaluations of a growing history). Every patient written is still evaluated.
        const written = new Set<string>();
        let evaluated = Date.now();
        const flush = async () => {
          if (written.size === 0) return;
          const patients = [...written];
          written.clear();
          evaluated = Date.now();
          await evaluate(patients);
        };
        const limit = options.chunk ?? PROJECTION_CHUNK;
        let failed = false;
        try {
          for (;;) {
            await idle();
            const n = await projectPending(repo, ctx, {
              limit,
              onProjected: async (patients) => {
                for (const p of patients) written.add(p);
              },
            });
            total += n;
            if (n === 0 || stopped) break;
            if (n < limit || Date.now() - evaluated >= EVALUATE_EVERY_MS) await flush();
          }
        } catch (error) {
          options.onError?.(error);
          failed = true;
        }
        await flush();
        if (failed) break;
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = options.intervalMs ? setInterval(() => void run(), options.intervalMs) : undefined;
  timer?.unref();
  return {
    kick: () => {
      if (!stopped) void run();
    },
    hold: () => {
      holds++;
      let released = false;
      return () => {
        if (!released) holds--;
        released = true;
      };
    },
    drain: run,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
