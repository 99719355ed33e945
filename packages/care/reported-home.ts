/**
 * The emergency (or same-day report) the patient told us about, on their own home page (issue 20/16, decision
 * 0024): after a consultation stopped for chest pain, the home led with an older reading's "contact your clinic
 * today". Now, while the alert that stands for the report is open — or, when that alert could not be written, for
 * the window the clinician's screens use (decision 0011) — the page carries what they reported, when, and what to
 * do, in the page's language: an emergency's steps are led by "call 120 now" (REFERENCE §1.5), a same-day report's
 * by "see a doctor today" (decision 0022; for a suspected TIA, NICE NG128 (2019) 1.1.5). An emergency is never
 * downgraded: with both open, the box is the emergency's and lists both reports. It goes once the care team closes
 * the alert with its recorded action.
 */
import type { StoredAlert } from '@qihuang/bp-monitoring';
import type { RequestContext } from '@qihuang/contracts';
import type { PatientLanguage, PatientReportedAlert } from './api-types/index.ts';
import { zonedDateTime } from './crisis-alert.ts';
import type { CareDeps } from './deps.ts';
import { REPORTED_EMERGENCY_KIND, type StoredTriage } from './emergency-flag.ts';
import { consultationReports } from './reported-events.ts';
import { careSettings } from './settings.ts';
import { localDay, tiaReported } from './tia-episode.ts';
import { REPORTED_URGENT_KIND } from './urgent-flag.ts';

export type { PatientReportedAlert };

type Level = 'emergency' | 'urgent';

interface Words {
  title: Record<Level, string>;
  /** `{{date}} {{clock}}`, `{{what}}`: one line per report. */
  report: string;
  symptoms: string;
  bp: string;
  join: string;
  emergency: { call: string; rest: string };
  urgent: { today: string; tia: string; worse: string };
  alerted: Record<Level, string>;
  notAlerted: Record<Level, string>;
  /** Guideline names as the patient reads them (REFERENCE §1.5; NICE NG128 (2019) 1.1.5 for a TIA). */
  source: { crisis: string; sameDay: string; tia: string };
  sourceJoin: string;
}

const WORDS: Record<PatientLanguage, Words> = {
  'zh-CN': {
    title: {
      emergency: '您在问诊中报告的症状可能是急症',
      urgent: '您在问诊中报告的情况需要今天就医',
    },
    report: '{{date}} {{clock}} 您报告：{{what}}',
    symptoms: '您描述的症状',
    bp: '血压 {{value}} mmHg',
    join: '、',
    emergency: {
      call: '现在就拨打 120，或去最近的医院急诊。',
      rest: '不要自行加服降压药，不要自己开车；坐下或躺下休息，等待救援。',
    },
    urgent: {
      today: '请今天之内联系您的医疗团队，或去医院就诊。',
      tia: '请今天之内联系您的医疗团队，或今天去医院看神经内科。即使症状已经好了，也要今天就医。',
      worse:
        '如果症状加重或再次出现，或出现胸痛、呼吸困难、一侧肢体无力、说话不清或意识模糊，请立即拨打 120。',
    },
    alerted: {
      emergency: '医生已收到您报告的情况，会联系您。如果您已经去过急诊或正在医院，请按接诊医生的安排做。',
      urgent: '医生已收到您报告的情况，会联系您。如果您今天已经看过医生，请按医生的安排做。',
    },
    notAlerted: {
      emergency: '系统未能通知您的医生：拨打 120 之后，请也打电话告诉您的诊所或医生。',
      urgent: '系统未能通知您的医生：请您今天主动联系您的诊所或医生。',
    },
    source: {
      crisis:
        '中国高血压防治指南 2018 年修订版（高血压急症）；美国心脏病学会/美国心脏协会 2017 高血压指南 第 11.2 节',
      sameDay:
        '中国高血压防治指南 2018 年修订版（高血压急症与亚急症）；美国心脏病学会/美国心脏协会 2017 高血压指南 第 11.2 节',
      tia: 'NICE NG128（2019）第 1.1.5 条；英国皇家内科医师学会卒中指南 2016',
    },
    sourceJoin: '；',
  },
  en: {
    title: {
      emergency: 'The symptoms you reported in your consultation may be an emergency',
      urgent: 'What you reported in your consultation needs a doctor today',
    },
    report: 'Reported on {{date}} at {{clock}}: {{what}}',
    symptoms: 'the symptoms you described',
    bp: 'blood pressure {{value}} mmHg',
    join: ', ',
    emergency: {
      call: 'Call 120 now, or go to the nearest emergency department.',
      rest: 'Do not take extra blood-pressure medicine on your own and do not drive yourself; sit or lie down and rest while you wait for help.',
    },
    urgent: {
      today: 'Contact your care team or see a doctor today.',
      tia: 'Contact your care team today, or go to a hospital today to see a neurologist — even though the symptoms have gone.',
      worse:
        'If the symptoms get worse or come back, or you get chest pain, shortness of breath, weakness on one side, slurred speech or confusion, call 120 now.',
    },
    alerted: {
      emergency:
        'Your doctor has been alerted to what you reported and will contact you. If you have already been seen in an emergency department or are in hospital, follow the advice of the doctors treating you.',
      urgent:
        'Your doctor has been alerted to what you reported and will contact you. If you have already seen a doctor today, follow their advice.',
    },
    notAlerted: {
      emergency:
        'Your doctor could not be alerted automatically: after calling 120, also phone your clinic or doctor.',
      urgent:
        'Your doctor could not be alerted automatically: please contact your clinic or doctor yourself today.',
    },
    source: {
      crisis:
        'Chinese Guidelines for the Management of Hypertension 2018 (hypertensive emergency); ACC/AHA 2017 guideline, section 11.2',
      sameDay:
        'Chinese Guidelines for the Management of Hypertension 2018 (hypertensive emergency and urgency); ACC/AHA 2017 guideline, section 11.2',
      tia: 'NICE NG128 (2019) recommendation 1.1.5; RCP National Clinical Guideline for Stroke 2016',
    },
    sourceJoin: '; ',
  },
};

/**
 * What the patient reported, in plain words: their red flags, a suspected TIA (what they said happened and on which
 * day, said from `today` — the medical name is the clinician's; issue 16), a crisis value they wrote.
 */
export function reportedWords(t: StoredTriage | undefined, language: PatientLanguage, today: string): string {
  const w = WORDS[language];
  const pick = (x: { zh: string; en: string }) => (language === 'zh-CN' ? x.zh : x.en);
  if (!t) return w.symptoms;
  const parts = t.redFlags.map((f) => pick(f.display));
  if (t.inputs.suspectedTia === true) parts.push(pick(tiaReported(t.tiaEpisode, today)));
  // A value the patient wrote (a stored reading the triage weighed is the reading box's, not something reported).
  const typed = t.crisisReading?.id.startsWith('typed-') ? t.crisisReading : undefined;
  const bp = typed ?? (t.inputs.writtenBp as { sbp?: number; dbp?: number } | undefined);
  if (bp?.sbp !== undefined || bp?.dbp !== undefined)
    parts.push(w.bp.replace('{{value}}', `${bp.sbp ?? '?'}/${bp.dbp ?? '?'}`));
  if (t.redFlags.length === 0 && t.inputs.suspectedTia !== true) parts.unshift(w.symptoms);
  return parts.join(w.join);
}

/** A report about more than a suspected TIA: a red flag, a crisis value (read, or written), or no words at all. */
const beyondTia = (t: StoredTriage | undefined) =>
  !t || t.inputs.suspectedTia !== true || t.redFlags.length > 0 || !!t.crisisReading || !!t.inputs.writtenBp;

interface Item {
  level: Level;
  time: string;
  triage?: StoredTriage;
  alertId?: string;
  alerted: boolean;
}

/**
 * The patient's open reported emergency or same-day report, or undefined. `alerts`: the patient's active alerts
 * (their own, as the page's crisis box reads them).
 */
export async function openReportedAlert(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  options: { now: Date; timeZone: string; language: PatientLanguage; alerts: readonly StoredAlert[] },
): Promise<PatientReportedAlert | undefined> {
  const open = new Map(
    options.alerts
      .filter(
        (a) =>
          a.status === 'active' &&
          a.patientId === patientId &&
          (a.kind === REPORTED_EMERGENCY_KIND || a.kind === REPORTED_URGENT_KIND),
      )
      .map((a) => [a.id, a] as const),
  );
  // The window of decision 0011 for a report whose alert is missing; an open alert stands however old it is, so
  // the look-up reaches back to the oldest one (its consultation names what was reported).
  const window = new Date(options.now.getTime() - careSettings(deps).reportedEmergencyDays * 86_400_000);
  const oldest = Math.min(window.getTime(), ...[...open.values()].map((a) => Date.parse(a.createdAt)));
  const reports = await consultationReports(deps, ctx, patientId, new Date(oldest), 50);
  const items = new Map<string, Item>();
  for (const r of reports) {
    const alert = r.alertId ? open.get(r.alertId) : undefined;
    if (!alert && !(r.alert === 'missing' && Date.parse(r.time) >= window.getTime())) continue;
    const key = r.alertId ?? `${r.level}-${r.time}`;
    const level: Level = alert ? (alert.kind === REPORTED_EMERGENCY_KIND ? 'emergency' : 'urgent') : r.level;
    const seen = items.get(key);
    // Reports joined to one alert are one event: its newest report says when; an emergency's words come first.
    if (seen && (seen.level === 'emergency' || level !== 'emergency')) continue;
    items.set(key, {
      level,
      time: r.time,
      triage: r.triage,
      alerted: Boolean(alert),
      ...(alert ? { alertId: alert.id } : {}),
    });
  }
  // An open alert whose consultation was not found (more than 50 since) still stands: told without the words.
  for (const a of open.values())
    if (![...items.values()].some((i) => i.alertId === a.id))
      items.set(a.id, {
        level: a.kind === REPORTED_EMERGENCY_KIND ? 'emergency' : 'urgent',
        time: a.createdAt,
        alertId: a.id,
        alerted: true,
      });
  if (items.size === 0) return undefined;
  const list = [...items.values()].sort(
    (x, y) =>
      Number(y.level === 'emergency') - Number(x.level === 'emergency') || y.time.localeCompare(x.time),
  );
  return boxOf(
    list,
    options.language,
    options.timeZone,
    localDay(options.now.toISOString(), options.timeZone),
  );
}

function boxOf(
  items: readonly Item[],
  language: PatientLanguage,
  timeZone: string,
  today: string,
): PatientReportedAlert {
  const w = WORDS[language];
  const level: Level = items[0]!.level;
  const alerted = items.every((i) => i.alerted);
  const tia = level === 'urgent' && items.some((i) => i.triage?.inputs.suspectedTia === true);
  const steps =
    level === 'emergency'
      ? [w.emergency.call, w.emergency.rest]
      : [tia ? w.urgent.tia : w.urgent.today, w.urgent.worse];
  steps.push(alerted ? w.alerted[level] : w.notAlerted[level]);
  return {
    level,
    language,
    title: w.title[level],
    call: '120',
    careTeamAlerted: alerted,
    reports: items.map((i) => {
      const local = zonedDateTime(i.time, timeZone);
      const [date = '', clock = ''] = local.split(' ');
      return {
        level: i.level,
        time: i.time,
        local,
        text: w.report
          .replace('{{date}}', date)
          .replace('{{clock}}', clock)
          .replace('{{what}}', reportedWords(i.triage, language, today)),
        ...(i.alertId ? { alertId: i.alertId } : {}),
      };
    }),
    steps,
    // An emergency's steps: REFERENCE §1.5. A same-day box names the guideline of each of its reasons: a suspected
    // TIA, NICE NG128 (2019) 1.1.5 (the triage's SOURCE_TIA); anything else, REFERENCE §1.5.
    source:
      level === 'emergency'
        ? w.source.crisis
        : !tia
          ? w.source.sameDay
          : items.some((i) => beyondTia(i.triage))
            ? `${w.source.sameDay}${w.sourceJoin}${w.source.tia}`
            : w.source.tia,
  };
}
