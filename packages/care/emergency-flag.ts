/**
 * An emergency reported in the consultation becomes a critical alert Flag in the patient's chart at once (kind
 * `reported-emergency`, raised by the triage, not by a reading rule), so the care team's inbox has it.
 *
 * One event, one alert (issue 17): the same emergency reported again while its alert is open — in a new
 * consultation, in the other language — joins that alert instead of raising another. It is the same event when
 * an open reported-emergency alert raised in the last 24 hours already names every red flag of the new report
 * (compared by the engine's red-flag codes, never by display text, so the language does not matter). A new red
 * flag, a report after the alert was closed with its action, or one more than 24 hours later (a recurrence: the
 * care team is told again) is a new event and raises a new alert (decision 0011).
 */
import type { RequestContext } from '@qihuang/contracts';
import { saveAlerts } from '@qihuang/bp-monitoring';
import { stableId, type Alert, type AlertKind } from '@qihuang/engines/blood-pressure';
import type { TriageResult } from '@qihuang/engines/hypertension-care';
import { withIntakeScopes, type CareDeps } from './deps.ts';
import { careDb } from './tables.ts';
import type { TiaEpisode } from './tia-episode.ts';

export const REPORTED_EMERGENCY_KIND = 'reported-emergency';
const FLAG_CODE = 'urn:qihuang:bp-alert|reported-emergency';
/**
 * A repeat report joins the open alert raised at most this long before it (decision 0011): the look-back of the
 * crisis alert and of the phone page's crisis box (decision 0009). An operational choice, not a guideline number.
 */
export const SAME_EVENT_HOURS = 24;

/**
 * The consultation's stored triage: the engine result, plus the alert that stands for an emergency stop and, for a
 * suspected TIA, its words and day as the patient told them (tia-episode.ts).
 */
export type StoredTriage = TriageResult & {
  secondOpinion?: unknown;
  alertId?: string;
  tiaEpisode?: TiaEpisode;
};

/**
 * The Flag id saveAlerts gives an alert key (packages/bp-monitoring alerts-store `alertFlagId`: not exported by
 * that package; the reported-emergency tests fail if the two drift apart).
 */
export function reportedEmergencyFlagId(patientId: string, at: string): string {
  return `alert-${stableId(`${patientId}|${REPORTED_EMERGENCY_KIND}-${at}`).slice(3)}`;
}

/** The time of a stopped consultation's emergency message (the alert key's time), else undefined. */
export function emergencyAt(messages: unknown): string | undefined {
  const list = Array.isArray(messages) ? (messages as { kind?: string; at?: string }[]) : [];
  return list.find((m) => m.kind === 'emergency')?.at;
}

const codesOf = (t: Pick<TriageResult, 'redFlags'>) => new Set(t.redFlags.map((f) => f.code));

/** The open alert that already stands for this report (same red flags, raised in the last 24 h), if any. */
async function sameOpenEvent(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  result: TriageResult,
  at: string,
): Promise<string | undefined> {
  const since = new Date(Date.parse(at) - SAME_EVENT_HOURS * 3_600_000);
  const rows = await careDb(deps.db)
    .selectFrom('care_consultation')
    .select(['triage', 'messages'])
    .where('patient_id', '=', patientId)
    .where('updated_at', '>=', since)
    .orderBy('updated_at', 'desc')
    .limit(50)
    .execute();
  const wanted = codesOf(result);
  const candidates: string[] = [];
  for (const row of rows) {
    const t = row.triage as StoredTriage | null;
    if (!t || t.level !== 'emergency' || !t.alertId) continue;
    const raisedAt = emergencyAt(row.messages);
    if (raisedAt && Date.parse(raisedAt) < since.getTime()) continue;
    const have = codesOf(t);
    // Same event: every red flag of the new report is already named (no red flags: a model-raised emergency,
    // joins only another without red flags).
    const covered = wanted.size === 0 ? have.size === 0 : [...wanted].every((c) => have.has(c));
    if (covered && !candidates.includes(t.alertId)) candidates.push(t.alertId);
  }
  if (candidates.length === 0) return undefined;
  const open = await deps.repository.search(ctx, 'Flag', [
    ['_id', candidates.join(',')],
    ['code', FLAG_CODE],
    ['status', 'active'],
    ['_count', '50'],
    ['_total', 'none'],
  ]);
  const active = new Set(open.matches.map((m) => m.id));
  return candidates.find((id) => active.has(id));
}

/** Raises (or joins) the alert for a reported emergency; answers the id of the alert that stands for it. */
export async function raiseEmergencyFlag(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  result: TriageResult,
  at: string,
): Promise<string> {
  const scoped = withIntakeScopes(ctx);
  const joined = await sameOpenEvent(deps, scoped, patientId, result, at);
  if (joined) return joined;
  const alert: Alert = {
    key: `${REPORTED_EMERGENCY_KIND}-${at}`,
    // Not one of the engine's reading-based alert kinds: raised by the consultation triage.
    kind: REPORTED_EMERGENCY_KIND as AlertKind,
    severity: 'critical',
    raisedAt: at,
    readingIds: result.crisisReading ? [result.crisisReading.id] : [],
    values: result.crisisReading ? { sbp: result.crisisReading.sbp, dbp: result.crisisReading.dbp } : {},
    rule: result.rule,
    source: result.source,
    display: {
      zh: `患者问诊中报告急症症状：${result.redFlags.map((f) => f.display.zh).join('、')}`,
      en: `Emergency symptoms reported in the consultation: ${result.redFlags.map((f) => f.display.en).join(', ')}`,
    },
  };
  await saveAlerts(deps.repository, scoped, patientId, [alert]);
  return reportedEmergencyFlagId(patientId, at);
}
