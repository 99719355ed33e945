/**
 * What the patient reported in their recent consultations that needed the care team: each emergency (decision
 * 0011) and same-day report (decision 0022) with the alert that stands for it and whether that alert was written.
 * The one look-up behind the clinician's open emergencies (open-emergency.ts) and the patient's home box
 * (reported-home.ts, decision 0024), so both read the same window and the same alert ids.
 */
import type { RequestContext } from '@qihuang/contracts';
import type { FhirResource } from '@qihuang/store';
import type { CareDeps } from './deps.ts';
import { emergencyAt, reportedEmergencyFlagId, type StoredTriage } from './emergency-flag.ts';
import { careDb } from './tables.ts';
import { urgentReasons } from './urgent-flag.ts';

export interface ConsultationReport {
  triage: StoredTriage;
  level: 'emergency' | 'urgent';
  /** When it was reported: the emergency message's time, else the consultation's last update. */
  time: string;
  /** The alert that stands for the report (an urgent report joined to an emergency names the emergency's). */
  alertId: string | undefined;
  /**
   * `written`: the alert Flag exists (open or closed, see `flag`); `missing`: it should exist and could not be
   * written — the report itself is then the only trace (decision 0011, 3).
   */
  alert: 'written' | 'missing';
  flag?: FhirResource;
}

/**
 * Emergency and urgent reports of consultations updated since `since`, newest first (at most `limit`
 * consultations read). An urgent result with nothing new to alert (a stored crisis reading alone has its own
 * crisis alert, decision 0022, 5) is left out.
 */
export async function consultationReports(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  since: Date,
  limit = 20,
): Promise<ConsultationReport[]> {
  const rows = await careDb(deps.db)
    .selectFrom('care_consultation')
    .select(['triage', 'messages', 'updated_at'])
    .where('patient_id', '=', patientId)
    .where('updated_at', '>=', since)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
  const reports = rows.flatMap((row) => {
    const t = row.triage as StoredTriage | null;
    if (!t || (t.level !== 'emergency' && t.level !== 'urgent')) return [];
    if (t.level === 'urgent' && !t.alertId && urgentReasons(t).length === 0) return [];
    const time =
      (t.level === 'emergency' ? emergencyAt(row.messages) : undefined) ??
      new Date(row.updated_at).toISOString();
    if (Date.parse(time) < since.getTime()) return [];
    // Consultations stopped before the alert id was kept: the id their alert was given.
    const alertId =
      t.alertId ?? (t.level === 'emergency' ? reportedEmergencyFlagId(patientId, time) : undefined);
    return [{ triage: t, level: t.level, time, alertId }];
  });
  const ids = [...new Set(reports.flatMap((r) => (r.alertId ? [r.alertId] : [])))];
  const flags = new Map(
    ids.length === 0
      ? []
      : (
          await deps.repository.search(ctx, 'Flag', [
            ['_id', ids.join(',')],
            ['_count', '50'],
            ['_total', 'none'],
          ])
        ).matches.map((m) => [m.id, m.content as FhirResource] as const),
  );
  return reports.map((r) => {
    const flag = r.alertId ? flags.get(r.alertId) : undefined;
    return { ...r, alert: flag ? ('written' as const) : ('missing' as const), ...(flag ? { flag } : {}) };
  });
}
