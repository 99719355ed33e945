/**
 * One `bp_alert_notice` row per alert Flag (migration 0410), written BEFORE the Flag (its id is derived from
 * the alert key, so a Flag write that fails leaves a notice that is only acted on once the Flag exists). The
 * notifier (alert-notifier.ts) sends what has not been sent and escalates what is not acknowledged; the
 * timeliness report (alert-timeliness.ts) measures reading → acknowledgement from it.
 */
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import type { Alert } from '@qihuang/engines/blood-pressure';
import type { FhirRepository } from '@qihuang/store';
import { loadPatientContext } from './patient-context.ts';
import { ALERT_WINDOW_DAYS } from './raise-alerts.ts';

export interface NoticeRow {
  flag_id: string;
  patient_id: string;
  kind: string;
  severity: string;
  reading_at: Date | string | null;
  raised_at: Date | string;
  notified_at: Date | string | null;
  escalated_at: Date | string | null;
  acknowledged_at: Date | string | null;
  acknowledged_by: string | null;
}

export const iso = (value: Date | string | null | undefined): string | undefined =>
  value === null || value === undefined ? undefined : new Date(value).toISOString();

/**
 * Earliest measurement time of the alert's readings. The engine names readings by its own stable id (patient,
 * device, instant), which is not always the Observation id (a projected reading names its Device resource), so
 * the ids are looked up in the home-reading store, then among the readings the assessment itself reads.
 */
function readingTimes(repo: FhirRepository, ctx: RequestContext, patientId: string) {
  let loaded: Promise<Map<string, number>> | undefined;
  const context = () =>
    (loaded ??= loadPatientContext(repo, { ...ctx, principal: SYSTEM_PRINCIPAL }, patientId, {
      now: repo.now(),
      from: new Date(Date.parse(repo.now()) - ALERT_WINDOW_DAYS * 86_400_000).toISOString(),
    }).then((c) => new Map([...c.home, ...c.office].map((r) => [r.id, Date.parse(r.time)]))));
  return async (ids: readonly string[]): Promise<string | null> => {
    if (ids.length === 0) return null;
    const { rows } = await sql<{ at: Date | string | null }>`
      select min(effective_at) as at from bp_reading
      where patient_id = ${patientId} and id = any(${[...ids]}::text[])`.execute(repo.db);
    if (rows[0]?.at) return iso(rows[0].at)!;
    // Best effort: a notice without its reading time still notifies (the report counts it from the alert).
    const times = await context().catch(() => new Map<string, number>());
    const found = ids
      .map((id) => times.get(id))
      .filter((t): t is number => t !== undefined && !Number.isNaN(t));
    return found.length ? new Date(Math.min(...found)).toISOString() : null;
  };
}

/**
 * Records the notices of new alerts (idempotent: a notice that exists is left as it is), in one statement. The
 * reading times come from `given` (the evaluation's own readings) when it names the alert's readings;
 * otherwise they are looked up as above.
 */
export async function recordNotices(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  alerts: readonly { flagId: string; alert: Alert }[],
  given?: ReadonlyMap<string, string>,
): Promise<void> {
  if (alerts.length === 0) return;
  const now = repo.now();
  const lookUp = readingTimes(repo, ctx, patientId);
  const at: (string | null)[] = [];
  for (const { alert } of alerts) {
    const ids = alert.readingIds ?? [];
    const times = ids.map((id) => given?.get(id)).map((t) => (t === undefined ? NaN : Date.parse(t)));
    at.push(
      ids.length && times.every((t) => !Number.isNaN(t))
        ? new Date(Math.min(...times)).toISOString()
        : await lookUp(ids),
    );
  }
  await sql`
    insert into bp_alert_notice (flag_id, patient_id, kind, severity, reading_at, raised_at)
    select x.flag_id, ${patientId}, x.kind, x.severity, x.reading_at, ${now}::timestamptz
    from unnest(${alerts.map((a) => a.flagId)}::text[], ${alerts.map((a) => a.alert.kind)}::text[],
      ${alerts.map((a) => a.alert.severity)}::text[], ${at}::timestamptz[])
      as x(flag_id, kind, severity, reading_at)
    on conflict (flag_id) do nothing`.execute(repo.db);
}

export async function noticeOf(repo: FhirRepository, flagId: string): Promise<NoticeRow | undefined> {
  const { rows } = await sql<NoticeRow>`select * from bp_alert_notice where flag_id = ${flagId}`.execute(
    repo.db,
  );
  return rows[0];
}
