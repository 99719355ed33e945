/**
 * An urgent consultation result reaches the care team's inbox when it arrives (issues 16 and 20, decision 0022):
 * a suspected TIA whose signs went away (decision 0021), a red flag without a BP crisis, a crisis value the
 * patient typed, or a level a second opinion raised becomes an alert Flag of kind `reported-urgent`, severity
 * `warning` (not a critical value: no critical-value clock, no escalation), through the same saveAlerts path as
 * every alert. A stored crisis reading alone raises nothing here: its own crisis alert stands for it.
 *
 * One event, one alert, as decision 0011 does for emergencies: a report joins an open `reported-urgent` alert
 * raised in the last 24 hours whose report already names every reason of the new one (compared by code, never by
 * text). An emergency is never downgraded: a report an open `reported-emergency` alert already covers joins that
 * alert, and when a consultation turns out to be an emergency, the urgent alerts it covers (always the one of the
 * same consultation) are closed by the system as given way to the emergency's — only the emergency alert stands.
 */
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { saveAlerts } from '@qihuang/bp-monitoring';
import { stableId, type Alert, type AlertKind, type Text } from '@qihuang/engines/blood-pressure';
import { SUSPECTED_TIA, type TriageResult } from '@qihuang/engines/hypertension-care';
import type { FhirResource } from '@qihuang/store';
import { withIntakeScopes, type CareDeps } from './deps.ts';
import { REPORTED_EMERGENCY_KIND, SAME_EVENT_HOURS, type StoredTriage } from './emergency-flag.ts';
import { careDb } from './tables.ts';

export const REPORTED_URGENT_KIND = 'reported-urgent';
/** Who closed an urgent alert that an emergency stands for (the alert's acknowledgement). */
export const SUPERSEDED_CLOSER = 'system/superseded-by-emergency';
/** packages/bp-monitoring alerts-store `ACK_EXTENSION` (not exported; the reported-urgent tests read it back). */
const ACK_EXTENSION = 'urn:qihuang:acknowledged';

/** The Flag id saveAlerts gives the alert (bp-monitoring `alertFlagId`, as `reportedEmergencyFlagId` does). */
export function reportedUrgentFlagId(patientId: string, at: string): string {
  return `alert-${stableId(`${patientId}|${REPORTED_URGENT_KIND}-${at}`).slice(3)}`;
}

const typedBp = (t: TriageResult) =>
  t.crisisReading?.id.startsWith('typed-')
    ? { sbp: t.crisisReading.sbp, dbp: t.crisisReading.dbp }
    : (t.inputs.writtenBp as { sbp?: number; dbp?: number } | undefined);

/**
 * What an urgent result is about, by code (the language plays no part): its red flags, a suspected TIA, a crisis
 * value the patient typed, a second opinion's raise. Empty: nothing the care team is not already alerted to.
 */
export function urgentReasons(t: TriageResult): string[] {
  const reasons: string[] = t.redFlags.map((f) => f.code);
  if (t.inputs.suspectedTia === true) reasons.push('suspected-tia');
  if (typedBp(t)) reasons.push('reported-bp');
  if (typeof t.inputs.raisedBy === 'string') reasons.push('second-opinion');
  return [...new Set(reasons)];
}

/** Whether an emergency's report already names every reason of an urgent one (a TIA by its stroke signs). */
function emergencyCovers(emergency: TriageResult, reasons: readonly string[]): boolean {
  const codes = new Set<string>(emergency.redFlags.map((f) => f.code));
  return reasons.every(
    (r) =>
      codes.has(r) ||
      (r === 'suspected-tia' && (codes.has('neuro-deficit') || codes.has('vision-loss'))) ||
      (r === 'reported-bp' && emergency.crisisReading !== undefined),
  );
}

/** The alert's words: what was reported, in each language. */
function reported(t: TriageResult): Text {
  const bp = typedBp(t);
  const value = bp ? `${bp.sbp ?? '?'}/${bp.dbp ?? '?'} mmHg` : '';
  const tia = t.inputs.suspectedTia === true ? SUSPECTED_TIA : undefined;
  const zh = [...t.redFlags.map((f) => f.display.zh), value, tia?.zh ?? ''].filter(Boolean);
  const en = [...t.redFlags.map((f) => f.display.en), value, tia?.en ?? ''].filter(Boolean);
  return {
    zh: zh.join('；') || '问诊模型的第二意见判断需当日处理',
    en: en.join('; ') || "the consultation model's second opinion judged it same-day care",
  };
}

interface OpenAlert {
  id: string;
  kind: string;
  flag: FhirResource;
}

/** The open reported alerts (raised in the last 24 h) among `ids`, in the order given. */
async function openAlerts(
  deps: CareDeps,
  ctx: RequestContext,
  ids: readonly string[],
  since: number,
): Promise<OpenAlert[]> {
  if (ids.length === 0) return [];
  const found = await deps.repository.search(ctx, 'Flag', [
    ['_id', ids.join(',')],
    ['status', 'active'],
    ['_count', '50'],
    ['_total', 'none'],
  ]);
  const open = new Map<string, OpenAlert>();
  for (const m of found.matches) {
    const flag = m.content as FhirResource;
    const kind = (flag.code as { coding?: { code?: string }[] } | undefined)?.coding?.[0]?.code ?? '';
    const start = Date.parse(String((flag.period as { start?: string } | undefined)?.start ?? ''));
    if (flag.status === 'active' && start >= since) open.set(m.id, { id: m.id, kind, flag });
  }
  return ids.flatMap((id) => open.get(id) ?? []);
}

/** Recent consultations' stored triage with the alert that stands for it. */
async function recentAlerted(deps: CareDeps, patientId: string, since: Date) {
  const rows = await careDb(deps.db)
    .selectFrom('care_consultation')
    .select(['triage'])
    .where('patient_id', '=', patientId)
    .where('updated_at', '>=', since)
    .orderBy('updated_at', 'desc')
    .limit(50)
    .execute();
  return rows.flatMap((row) => {
    const t = row.triage as StoredTriage | null;
    return t?.alertId ? [{ t, alertId: t.alertId }] : [];
  });
}

/** The open alert that already stands for this report: an emergency that covers it first, else an urgent one. */
async function sameOpenEvent(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  reasons: readonly string[],
  at: string,
): Promise<string | undefined> {
  const since = new Date(Date.parse(at) - SAME_EVENT_HOURS * 3_600_000);
  const emergencies: string[] = [];
  const urgent: string[] = [];
  for (const { t, alertId } of await recentAlerted(deps, patientId, since)) {
    if (t.level === 'emergency' && emergencyCovers(t, reasons)) emergencies.push(alertId);
    const have = new Set(urgentReasons(t));
    if (t.level === 'urgent' && reasons.every((r) => have.has(r))) urgent.push(alertId);
  }
  const open = await openAlerts(deps, ctx, [...new Set([...emergencies, ...urgent])], since.getTime());
  return (
    open.find((a) => a.kind === REPORTED_EMERGENCY_KIND) ?? open.find((a) => a.kind === REPORTED_URGENT_KIND)
  )?.id;
}

/**
 * Raises (or joins) the alert for an urgent consultation result; answers the id of the alert that stands for it,
 * or undefined when there is nothing the care team is not already alerted to (a stored crisis reading alone).
 */
export async function raiseUrgentFlag(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  result: TriageResult,
  at: string,
): Promise<string | undefined> {
  const reasons = urgentReasons(result);
  if (result.level !== 'urgent' || reasons.length === 0) return undefined;
  const scoped = withIntakeScopes(ctx);
  const joined = await sameOpenEvent(deps, scoped, patientId, reasons, at);
  if (joined) return joined;
  const bp = typedBp(result);
  const words = reported(result);
  const alert: Alert = {
    key: `${REPORTED_URGENT_KIND}-${at}`,
    // Not one of the engine's reading-based alert kinds: raised by the consultation triage.
    kind: REPORTED_URGENT_KIND as AlertKind,
    severity: 'warning',
    raisedAt: at,
    readingIds: result.crisisReading?.id.startsWith('typed-') ? [result.crisisReading.id] : [],
    values: bp?.sbp !== undefined && bp.dbp !== undefined ? { sbp: bp.sbp, dbp: bp.dbp } : {},
    rule: result.rule,
    source: result.source,
    display: {
      zh: `患者问诊中报告需当日处理的情况：${words.zh}。请当天联系患者评估。`,
      en: `Reported in the consultation, needs same-day care: ${words.en}. Contact the patient today.`,
    },
  };
  await saveAlerts(deps.repository, scoped, patientId, [alert]);
  return reportedUrgentFlagId(patientId, at);
}

/**
 * An emergency now stands for the patient: the open urgent alerts of the last 24 h it covers — always the one of
 * the same consultation (`sameConsultation`) — are closed by the system, naming the emergency alert.
 */
export async function supersedeUrgent(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  emergency: TriageResult,
  emergencyAlertId: string,
  at: string,
  sameConsultation?: string,
): Promise<string[]> {
  const system: RequestContext = { ...ctx, principal: SYSTEM_PRINCIPAL };
  const since = new Date(Date.parse(at) - SAME_EVENT_HOURS * 3_600_000);
  const ids = (await recentAlerted(deps, patientId, since))
    .filter(({ t }) => t.level === 'urgent' && emergencyCovers(emergency, urgentReasons(t)))
    .map((r) => r.alertId);
  const open = await openAlerts(
    deps,
    system,
    [...new Set([...(sameConsultation ? [sameConsultation] : []), ...ids])],
    since.getTime(),
  );
  const closed: string[] = [];
  for (const { id, kind, flag } of open) {
    if (kind !== REPORTED_URGENT_KIND) continue;
    await deps.repository.update(system, 'Flag', id, {
      ...flag,
      status: 'inactive',
      period: { ...(flag.period as object), end: at },
      extension: [
        ...((flag.extension as { url: string }[] | undefined) ?? []).filter((e) => e.url !== ACK_EXTENSION),
        {
          url: ACK_EXTENSION,
          valueString: JSON.stringify({
            by: SUPERSEDED_CLOSER,
            at,
            action: `an emergency was reported: the emergency alert ${emergencyAlertId} stands for this report`,
          }),
        },
      ],
    });
    closed.push(id);
  }
  return closed;
}
