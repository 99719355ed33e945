/**
 * Alert evaluation on every write path (issue 17 item 1). Whatever stores a BP reading — the upload API, the
 * background projector, a FHIR create/update/conditional write, a batch or transaction Bundle, the importer —
 * hands the patients to `evaluate` (directly, or through `observer`, the store's post-commit write observer).
 *
 * Nothing is lost when evaluation fails: the patient is put in `bp_alert_queue` before evaluating and taken out
 * only after the alerts are stored. A failure (or a process that died mid-way) leaves the row; the server's
 * sweeper (`start`) retries it with back-off, also rows left by another replica or by `qihuang import`. The
 * writer is told `pending` and its reading stays stored. A write that touches more than `inlinePatients`
 * patients (an import chunk) is queued whole and evaluated in the background at once, so a large import is not
 * slowed by one evaluation per patient; it is `pending` too.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { RequestContext } from '@qihuang/contracts';
import type { FhirRepository } from '@qihuang/store';
import type { WriteObserver, WrittenResource } from '@qihuang/store/write-observer';
import { raiseAlerts, type RaiseAlertsOptions } from './raise-alerts.ts';

/** LOINC codes of a BP reading (REFERENCE §8.1: 85354-9 BP panel; 8480-6 systolic, 8462-4 diastolic). */
const BP_CODES = new Set(['85354-9', '8480-6', '8462-4']);

export type EvaluationOutcome = 'done' | 'pending';

/** The patient of a BP Observation (panel or component codes), else undefined. */
export function bpReadingPatient(written: WrittenResource): string | undefined {
  const r = written.resource as
    | {
        resourceType?: string;
        status?: string;
        code?: { coding?: { system?: string; code?: string }[] };
        component?: { code?: { coding?: { system?: string; code?: string }[] } }[];
        subject?: { reference?: string };
      }
    | undefined;
  if (!r || r.resourceType !== 'Observation') return undefined;
  const loinc = (c?: { coding?: { system?: string; code?: string }[] }) =>
    (c?.coding ?? []).some((x) => x.system === 'http://loinc.org' && BP_CODES.has(String(x.code)));
  if (!loinc(r.code) && !(r.component ?? []).some((c) => loinc(c.code))) return undefined;
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(r.subject?.reference ?? '');
  return m?.[1];
}

export interface AlertEvaluatorOptions {
  /** Evaluation itself (default raiseAlerts); injected by tests to make it fail. */
  raise?: (repo: FhirRepository, patientId: string, options: RaiseAlertsOptions) => Promise<number>;
  /** Called when new alerts were stored (the notifier's kick). */
  onRaised?: () => void;
  onError?: (error: unknown) => void;
  /** More patients than this in one write are evaluated in the background (default 20). */
  inlinePatients?: number;
  /** The hospital's IANA time zone (QIHUANG_TIME_ZONE; default Asia/Shanghai): local days of the rules. */
  timeZone?: string;
}

export interface AlertEvaluator {
  /** Evaluates now; 'pending' when it failed (queued, retried by the sweeper). Never throws. */
  evaluate(patientIds: readonly string[], cause?: RequestContext): Promise<EvaluationOutcome>;
  /** The store's post-commit observer: BP Observations among the written resources → evaluate. */
  observer: WriteObserver;
  /** Evaluates the queued patients that are due; answers how many succeeded. */
  retryDue(): Promise<number>;
  /** Retries until nothing is due (CLI after an import, tests). */
  drain(): Promise<number>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** Back-off of a failed evaluation: 5 s, 10 s, 20 s … at most 5 minutes. */
const backoffMs = (attempts: number) => Math.min(5000 * 2 ** Math.max(0, attempts - 1), 300_000);
/** An evaluation in progress holds its queue row this long before the sweeper may take it over. */
const CLAIM_MS = 60_000;

export function createAlertEvaluator(
  repo: FhirRepository,
  options: AlertEvaluatorOptions = {},
): AlertEvaluator {
  const raise = options.raise ?? raiseAlerts;
  const inlinePatients = options.inlinePatients ?? 20;
  const later = (ms: number) => new Date(Date.parse(repo.now()) + ms).toISOString();

  const enqueue = async (patientIds: readonly string[], due: string, requestId?: string) => {
    const token = randomUUID();
    await sql`
      insert into bp_alert_queue (patient_id, token, requested_at, attempts, next_attempt_at, request_id)
      select p, ${token}, ${repo.now()}::timestamptz, 0, ${due}::timestamptz, ${requestId ?? null}
      from unnest(${[...patientIds]}::text[]) as p
      on conflict (patient_id) do update set token = excluded.token, requested_at = excluded.requested_at,
        next_attempt_at = least(bp_alert_queue.next_attempt_at, excluded.next_attempt_at),
        request_id = excluded.request_id`.execute(repo.db);
    return token;
  };

  /** One patient, whose queue row carries `token`: stored alerts → row removed; failure → back-off. */
  const attempt = async (
    patientId: string,
    token: string,
    cause?: RaiseAlertsOptions['cause'],
    statistics?: RaiseAlertsOptions['statistics'],
  ): Promise<boolean> => {
    try {
      const raised = await raise(repo, patientId, {
        now: repo.now(),
        ...(cause ? { cause } : {}),
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
        ...(statistics ? { statistics } : {}),
      });
      await sql`delete from bp_alert_queue where patient_id = ${patientId} and token = ${token}`.execute(
        repo.db,
      );
      if (raised > 0) options.onRaised?.();
      return true;
    } catch (error) {
      options.onError?.(error);
      await sql`update bp_alert_queue set attempts = attempts + 1,
          next_attempt_at = ${later(backoffMs(1))}::timestamptz
        where patient_id = ${patientId} and token = ${token}`
        .execute(repo.db)
        .catch((queueError: unknown) => options.onError?.(queueError));
      return false;
    }
  };

  const retryDue = async (): Promise<number> => {
    const { rows } = await sql<{
      patient_id: string;
      token: string;
      attempts: number;
      request_id: string | null;
    }>`
      update bp_alert_queue as q set next_attempt_at = ${later(CLAIM_MS)}::timestamptz, attempts = q.attempts + 1
      where q.patient_id in (
        select patient_id from bp_alert_queue where next_attempt_at <= ${repo.now()}::timestamptz
        order by next_attempt_at limit 50 for update skip locked)
      returning q.patient_id, q.token, q.attempts, q.request_id`.execute(repo.db);
    let done = 0;
    for (const row of rows) {
      const ok = await attempt(row.patient_id, row.token, { requestId: row.request_id ?? 'bp-alert-retry' });
      if (ok) done++;
      else
        await sql`update bp_alert_queue set next_attempt_at = ${later(backoffMs(row.attempts))}::timestamptz
          where patient_id = ${row.patient_id} and token = ${row.token}`
          .execute(repo.db)
          .catch((error: unknown) => options.onError?.(error));
    }
    return done;
  };

  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;
  const drain = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        for (;;) {
          const n = await retryDue();
          total += n;
          if (n === 0 || stopped) break;
        }
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  const kick = () => void drain().catch((error: unknown) => options.onError?.(error));

  const evaluate = async (
    patientIds: readonly string[],
    cause?: RequestContext,
  ): Promise<EvaluationOutcome> => {
    const patients = [...new Set(patientIds)];
    if (patients.length === 0) return 'done';
    let token: string;
    try {
      if (patients.length > inlinePatients) {
        await enqueue(patients, repo.now(), cause?.requestId);
        kick();
        return 'pending';
      }
      token = await enqueue(patients, later(CLAIM_MS), cause?.requestId);
    } catch (error) {
      // Not even the queue could be written: evaluate anyway; a failure below is then only reported.
      options.onError?.(error);
      token = '';
    }
    let outcome: EvaluationOutcome = 'done';
    // In the request only never-analysed tables are analysed first (raise-alerts.ts `statistics`).
    for (const patientId of patients)
      if (!(await attempt(patientId, token, cause, 'unanalysed'))) outcome = 'pending';
    return outcome;
  };

  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    evaluate,
    observer: async (ctx, written) => {
      const patients = written.map(bpReadingPatient).filter((p): p is string => p !== undefined);
      return patients.length ? evaluate(patients, ctx) : undefined;
    },
    retryDue,
    drain,
    start(intervalMs) {
      timer = setInterval(kick, intervalMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
