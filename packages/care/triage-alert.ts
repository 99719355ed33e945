/**
 * Whether the alert that stands for the latest triage was closed with its recorded action (issue 20, non-author
 * try 2026-12-08: the Care tab still led with "Emergency — contact the patient now" after the reported emergency's
 * alert was closed as "patient reached"). The clinician's urgency box follows the open alert: an alert still open —
 * raised, or only attempted as "not reached" (decision 0026) — keeps it; one closed with its action ends it, as the
 * patient's home then says handled (reported-handled.ts). A triage no alert stands for (a symptom report with
 * nothing to alert, an alert that could not be written) is not ended by this.
 */
import { listAlerts, type StoredAlert } from '@qihuang/bp-monitoring';
import type { RequestContext } from '@qihuang/contracts';
import type { CareDeps } from './deps.ts';
import { emergencyAt, reportedEmergencyFlagId, type StoredTriage } from './emergency-flag.ts';

const closedWithAction = (a: StoredAlert) => a.status === 'inactive' && a.acknowledged?.action !== undefined;
const holds = (a: StoredAlert, reading: string) =>
  a.readings.includes(reading) || (a.joined ?? []).some((j) => j.id === reading);

export async function triageAlertClosed(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  triage: StoredTriage | undefined,
  /** The consultation's messages (the emergency message's time names an older report's alert). */
  messages: unknown,
  /** The patient's open alerts, read already. */
  open: readonly StoredAlert[],
): Promise<boolean> {
  if (!triage || triage.level === 'none') return false;
  const at = triage.level === 'emergency' ? emergencyAt(messages) : undefined;
  // Consultations stopped before the alert id was kept: the id their alert was given (reported-events.ts).
  const alertId = triage.alertId ?? (at ? reportedEmergencyFlagId(patientId, at) : undefined);
  if (alertId) {
    if (open.some((a) => a.id === alertId)) return false;
    const closed = await listAlerts(deps.repository, ctx, { patientId, status: 'inactive', count: 50 });
    return closed.some((a) => a.id === alertId && closedWithAction(a));
  }
  // A crisis reading the triage quoted: its crisis alert (decision 0022, 5), open or closed.
  const reading = triage.crisisReading?.id;
  if (!reading || reading.startsWith('typed-') || open.some((a) => holds(a, reading))) return false;
  const closed = await listAlerts(deps.repository, ctx, { patientId, status: 'inactive', count: 50 });
  return closed.some((a) => holds(a, reading) && closedWithAction(a));
}
