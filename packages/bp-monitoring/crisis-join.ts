/**
 * One open critical alert per patient for crisis readings (issue 17, decision 0009). The engine names a crisis
 * alert by all the crisis readings of its look-back, so a second crisis reading minutes later made a second
 * alert, with its own webhook and its own escalation timer. Here, at write time:
 * - a crisis alert names only the readings no earlier crisis alert named (after a close, the new alert is about
 *   the new reading, and its reading time is that reading's);
 * - while the patient has an open (active) critical crisis alert, new crisis readings JOIN it: the Flag records
 *   each joined reading with its time and values; one "another crisis reading" notice goes to the care team
 *   (kind `crisis-repeat`: webhook `bp-critical-alert-repeat`, console event `joined`); it starts no escalation
 *   timer and is not counted by the timeliness report — the open alert's own timer runs on.
 */
import { sql } from 'kysely';
import type { RequestContext } from '@qihuang/contracts';
import { stableId, type Alert, type BpReading } from '@qihuang/engines/blood-pressure';
import type { FhirRepository, FhirResource } from '@qihuang/store';
import { alertDetail, withAlertDetail, type JoinedReading } from './alerts-store.ts';
import { withLatestCrisis } from './crisis-text.ts';

export const REPEAT_KIND = 'crisis-repeat';
/** Notice id of a joined reading: the Flag's id, then `/repeat/` (alert-notifier.ts reads the Flag from it). */
export const repeatNoticeId = (flagId: string, readingIds: readonly string[]) =>
  `${flagId}/repeat/${stableId(readingIds.join(',')).slice(3)}`;
export const flagOfNotice = (noticeId: string) => noticeId.split('/repeat/')[0]!;

/**
 * The crisis alert restricted to the readings no earlier crisis alert named, its values and text those of the
 * worst of them (the engine's wording: REFERENCE §1.5 >180/120). Undefined when none is new.
 */
export function freshCrisis(
  alert: Alert,
  seen: ReadonlySet<string>,
  readings: ReadonlyMap<string, BpReading>,
  now: string,
  offsetAt: (epochMs: number) => number = () => 0,
): Alert | undefined {
  const ids = alert.readingIds.filter((id) => !seen.has(id));
  if (ids.length === 0) return undefined;
  const fresh = ids.map((id) => readings.get(id)).filter((r): r is BpReading => r !== undefined);
  if (fresh.length !== ids.length) {
    return ids.length === alert.readingIds.length
      ? alert
      : { ...alert, key: `crisis:${ids.join(',')}`, readingIds: ids };
  }
  const worst = fresh.reduce((a, b) => (b.sbp > a.sbp ? b : a));
  return {
    ...alert,
    key: `crisis:${ids.join(',')}`,
    readingIds: ids,
    values: { sbp: worst.sbp, dbp: worst.dbp },
    display: crisisDisplay(worst, ids.length, now, offsetAt),
  };
}

/**
 * The crisis alert's text (the engine's wording: REFERENCE §1.5 >180/120). A reading older than a day says the
 * local day it was measured on — in the patient's zone, else the hospital's (local-time.ts), never the UTC day.
 */
export function crisisDisplay(
  worst: Pick<BpReading, 'sbp' | 'dbp' | 'time'>,
  count: number,
  now: string,
  offsetAt: (epochMs: number) => number,
): { zh: string; en: string } {
  const at = Date.parse(worst.time);
  const measured =
    Date.parse(now) - at > 86_400_000
      ? new Date(at + offsetAt(at) * 60_000).toISOString().slice(0, 10)
      : undefined;
  const readingsEn = count === 1 ? '1 reading' : `${count} readings`;
  return {
    zh: `血压重度升高 ${worst.sbp}/${worst.dbp} mmHg（${count} 次读数${measured ? `，测量于 ${measured}` : ''}），请立即评估有无靶器官损害症状。`,
    en: `Severe BP ${worst.sbp}/${worst.dbp} mmHg (${readingsEn}${measured ? `, measured ${measured}` : ''}); assess urgently for target-organ damage`,
  };
}

/**
 * Adds the alert's readings to the open crisis Flag (as the system, audited) after recording the one
 * "another crisis reading" notice. Answers 1 (a change the notifier should send).
 */
export async function joinOpenCrisis(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  open: FhirResource,
  alert: Alert,
  readings: ReadonlyMap<string, BpReading>,
  offsetAt: (epochMs: number) => number = () => 0,
): Promise<number> {
  const flagId = String(open.id);
  const detail = alertDetail(open);
  const allJoined = [...(detail.joined ?? []), ...joinedOf(alert, readings, repo.now())];
  const raisedDisplay = detail.raisedDisplay ?? detail.display;
  const joined = allJoined.slice((detail.joined ?? []).length);
  const times = joined.map((j) => (j.time ? Date.parse(j.time) : NaN)).filter((t) => !Number.isNaN(t));
  await sql`
    insert into bp_alert_notice (flag_id, patient_id, kind, severity, reading_at, raised_at)
    values (${repeatNoticeId(flagId, alert.readingIds)}, ${patientId}, ${REPEAT_KIND}, 'critical',
      ${times.length ? new Date(Math.min(...times)).toISOString() : null}::timestamptz, ${repo.now()}::timestamptz)
    on conflict (flag_id) do nothing`.execute(repo.db);
  await repo.update(
    ctx,
    'Flag',
    flagId,
    withAlertDetail(open, {
      ...detail,
      readingIds: [...(detail.readingIds ?? []), ...alert.readingIds],
      joined: allJoined,
      ...(raisedDisplay
        ? { raisedDisplay, display: withLatestCrisis(raisedDisplay, allJoined, offsetAt) }
        : {}),
    }),
  );
  return 1;
}

function joinedOf(alert: Alert, readings: ReadonlyMap<string, BpReading>, at: string): JoinedReading[] {
  return alert.readingIds.map((id) => {
    const r = readings.get(id);
    return r ? { id, time: r.time, sbp: r.sbp, dbp: r.dbp, joinedAt: at } : { id, joinedAt: at };
  });
}
