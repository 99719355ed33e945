/**
 * Open emergencies for the clinician's screens: an active critical alert (crisis-range reading, REFERENCE §1.5)
 * or an emergency the patient reported in a consultation (engine triage). They come before any routine
 * decision: the treatment proposal leads with "assess the emergency first" and the summary's urgency box is an
 * emergency written for the clinician, never downgraded by later readings.
 */
import { listAlerts, type StoredAlert } from '@qihuang/bp-monitoring';
import type { RequestContext } from '@qihuang/contracts';
import type { Text } from '@qihuang/engines/blood-pressure';
import type { TreatmentProposal, TriageResult } from '@qihuang/engines/hypertension-care';
import { nowOf, type CareDeps } from './deps.ts';
import { consultationReports } from './reported-events.ts';
import { careSettings } from './settings.ts';

export interface OpenEmergency {
  kind: 'reported' | 'critical-alert';
  time: string;
  /** For the clinician (bilingual). */
  display: Text;
  rule: string;
  source: string;
  alertId?: string;
  /** Readings of the alert withdrawn as entered in error (decision 0020): said, never presented as current. */
  withdrawnReadings?: string[];
}

const SOURCE = 'ACC/AHA 2017 §11.2; 中国高血压防治指南 2018 (高血压急症)'; // REFERENCE §1.5

/** Active critical alerts and emergencies reported in recent consultations (newest first). */
export async function openEmergencies(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  alerts?: readonly StoredAlert[],
): Promise<OpenEmergency[]> {
  const now = nowOf(deps);
  const active =
    alerts ?? (await listAlerts(deps.repository, ctx, { patientId, status: 'active', count: 50 }));
  const out: OpenEmergency[] = active
    .filter((a) => a.status === 'active' && a.severity === 'critical')
    .map((a) => ({
      kind: a.kind === 'reported-emergency' ? ('reported' as const) : ('critical-alert' as const),
      time: a.createdAt,
      // The alert's text now: a withdrawn reading said to be withdrawn, never the latest (alerts-store.ts, issue
      // 20); the alert stays for the clinician to close.
      display: a.summary,
      rule: a.rule,
      source: a.source,
      alertId: a.id,
      ...(a.withdrawn?.length ? { withdrawnReadings: a.withdrawn.map((w) => w.id) } : {}),
    }));
  // Emergencies reported in consultations of the last `reportedEmergencyDays` (config, default 14, decision 0011)
  // whose alert is missing: the care team could not be alerted, so the report itself leads. One whose alert exists
  // is that alert: shown while active (above), over once it was closed with its recorded action.
  const since = new Date(now.getTime() - careSettings(deps).reportedEmergencyDays * 86_400_000);
  const reports = await consultationReports(deps, ctx, patientId, since);
  for (const { triage: t, level, time, alert } of reports) {
    if (level !== 'emergency' || alert !== 'missing') continue;
    out.push({
      kind: 'reported',
      time,
      display: {
        zh: `患者问诊中报告急症症状：${t.redFlags.map((f) => f.display.zh).join('、')}`,
        en: `Emergency symptoms reported in the consultation: ${t.redFlags.map((f) => f.display.en).join(', ')}`,
      },
      rule: t.rule,
      source: t.source,
    });
  }
  return out.sort((a, b) => b.time.localeCompare(a.time));
}

/** The proposal's `urgent` shape for open emergencies: assess them before any routine start. */
export function emergencyFirst(
  emergencies: readonly OpenEmergency[],
): NonNullable<TreatmentProposal['urgent']> {
  const reported = emergencies.some((e) => e.kind === 'reported');
  const what = {
    zh: emergencies.map((e) => e.display.zh).join('；'),
    en: emergencies.map((e) => e.display.en).join('; '),
  };
  return {
    rule: reported
      ? 'open patient-reported emergency: assess the reported emergency (and acute target-organ damage) before any routine treatment change'
      : 'open critical BP alert: assess for hypertensive emergency (acute target-organ damage) vs urgency before any routine treatment change',
    source: SOURCE,
    display: reported
      ? {
          zh: `先处理患者报告的急症（${what.zh}）：立即联系患者，评估有无急性靶器官损害（如卒中、急性冠脉综合征），需要时转急诊（120）；常规调整用药在此之后再定`,
          en: `Assess the reported emergency first (${what.en}): contact the patient now, assess for acute target-organ damage (e.g. stroke, acute coronary syndrome) and refer to emergency care (120/911) if present; a routine treatment change comes after that`,
        }
      : {
          zh: `先评估高血压急症（${what.zh}）：有无急性靶器官损害（高血压急症还是亚急症），急症需立即转诊/急诊处理；常规起始或调整用药在此之后再定`,
          en: `Assess for hypertensive emergency first (${what.en}): acute target-organ damage (emergency vs urgency); an emergency needs immediate referral; a routine start or change comes after that`,
        },
  };
}

/** A proposal that leads with the open emergencies: urgent set, its text first, follow-up now. */
export function leadWithEmergency(
  proposal: TreatmentProposal,
  emergencies: readonly OpenEmergency[],
): TreatmentProposal {
  if (emergencies.length === 0) return proposal;
  const urgent = emergencyFirst(emergencies);
  const notes = proposal.urgent
    ? [urgent.display, ...proposal.notes.filter((n) => n !== proposal.urgent!.display)]
    : [urgent.display, ...proposal.notes];
  return {
    ...proposal,
    urgent,
    notes,
    display: {
      zh: `${urgent.display.zh}。${proposal.display.zh}`,
      en: `${urgent.display.en}. ${proposal.display.en}`,
    },
    // REFERENCE §1.5: an emergency needs immediate assessment — not the routine follow-up interval. 0 = now; the
    // text says so (never "follow up in 0 days", issue 20) and keeps the engine's interval for after it is excluded.
    followUpDays: 0,
    followUpText: {
      zh: `今天：立即评估急症（有无急性靶器官损害），急症需立即转诊/急诊处理；排除急症后 ${proposal.followUpDays} 天内复诊`,
      en: `Today: assess the emergency now (acute target-organ damage); an emergency needs immediate referral; once excluded, review within ${proposal.followUpDays} days`,
    },
  };
}

/**
 * The summary's urgency box for the clinician: the latest triage, raised to emergency when an emergency is open
 * (never lowered), with the instruction written for the clinician rather than the patient's fixed text; none once
 * the latest triage's alert was closed with its action and no other emergency is open.
 */
export function clinicianTriage(
  latest: TriageResult | undefined,
  emergencies: readonly OpenEmergency[],
  /** Readings withdrawn as entered in error (decision 0020): the crisis reading the triage read may be one. */
  withdrawnReadings: ReadonlySet<string> = new Set(),
  /**
   * The alert that stands for `latest` was closed with its recorded action (triage-alert.ts, issue 20): the box
   * follows the open alert and goes. An alert still open (or only attempted, decision 0026) keeps it.
   */
  latestClosed = false,
): (TriageResult & { crisisReadingWithdrawn?: true }) | undefined {
  const crisis = latest?.crisisReading;
  // The reading the triage quotes was withdrawn: marked wherever it is shown, never current (issue 20).
  const gone =
    crisis !== undefined &&
    (withdrawnReadings.has(crisis.id) || emergencies.some((e) => e.withdrawnReadings?.includes(crisis.id)));
  const mark = gone ? { crisisReadingWithdrawn: true as const } : {};
  const reported = emergencies.filter((e) => e.kind === 'reported');
  if (reported.length > 0) {
    const urgent = emergencyFirst(reported);
    return {
      ...(latest ?? { redFlags: [], inputs: {} }),
      ...mark,
      level: 'emergency',
      stop: true,
      redFlags: latest?.level === 'emergency' ? latest.redFlags : (latest?.redFlags ?? []),
      rule: urgent.rule,
      source: urgent.source,
      display: urgent.display,
      inputs: latest?.inputs ?? {},
      instruction: urgent.display,
    };
  }
  if (!latest || latest.level === 'none') return latest;
  if (latestClosed) return undefined;
  // Without a named red flag (e.g. a suspected TIA that went away, decision 0021) the triage display says what it was.
  const words = {
    zh:
      latest.redFlags.map((f) => f.display.zh).join('、') ||
      latest.display.zh.split('：').slice(1).join('：'),
    en:
      latest.redFlags.map((f) => f.display.en).join(', ') ||
      latest.display.en.split(': ').slice(1).join(': '),
  };
  const instruction: Text =
    latest.level === 'emergency'
      ? {
          zh: `患者报告急症症状（${words.zh}）：立即联系患者，评估急性靶器官损害，需要时转急诊（120）`,
          en: `The patient reported emergency symptoms (${words.en}): contact the patient now, assess for acute target-organ damage and refer to emergency care if present`,
        }
      : crisis && gone
        ? {
            zh: `患者血压读数 ${crisis.sbp}/${crisis.dbp} mmHg 已撤回（录入错误），其危急值提醒仍待处置：联系患者核实，评估有无急性靶器官损害`,
            en: `The patient's reading ${crisis.sbp}/${crisis.dbp} mmHg was withdrawn as entered in error; its critical alert still needs closing: contact the patient to confirm and assess for acute target-organ damage`,
          }
        : crisis
          ? {
              zh: `患者血压 ${crisis.sbp}/${crisis.dbp} mmHg 达危象范围：当天联系患者，评估有无急性靶器官损害（高血压急症还是亚急症）`,
              en: `Patient BP ${crisis.sbp}/${crisis.dbp} mmHg is in the crisis range: contact the patient today and assess for acute target-organ damage (emergency vs urgency)`,
            }
          : {
              zh: `患者报告需尽快评估的症状（${words.zh}）：当天联系患者评估`,
              en: `The patient reported symptoms that need prompt assessment (${words.en}): contact the patient today`,
            };
  return { ...latest, ...mark, instruction };
}
