/**
 * The patient hears that the emergency (or same-day report) they reported was handled (issue 20, decision 0024
 * amended): for 72 h after a clinician closes the reported alert with its recorded action (decision 0026: reached,
 * or handed over to emergency care), the home carries a calm status note — when they reported it, that their care
 * team (a fixed phrase, never the form's free-text contact field) handled it, when, and what was done in a fixed phrase per outcome (never the clinician's free text,
 * which may be clinical shorthand), then "call 120 if it comes back". Never an alert: it follows every open box.
 */
import { listAlerts, type StoredAlert } from '@qihuang/bp-monitoring';
import type { RequestContext } from '@qihuang/contracts';
import type { PatientHandledReport, PatientLanguage } from './api-types/index.ts';
import { zonedDateTime } from './crisis-alert.ts';
import type { CareDeps } from './deps.ts';
import { REPORTED_EMERGENCY_KIND } from './emergency-flag.ts';
import { consultationReports } from './reported-events.ts';
import { reportedWords } from './reported-home.ts';
import { localDay } from './tia-episode.ts';
import { REPORTED_URGENT_KIND } from './urgent-flag.ts';

export type { PatientHandledReport };

/** How long the note stays after the close (issue 20: 72 h). */
export const HANDLED_NOTE_HOURS = 72;

type Outcome = PatientHandledReport['outcome'];

const WORDS: Record<
  PatientLanguage,
  { text: string; outcome: Record<Outcome, string>; someone: string; again: string }
> = {
  'zh-CN': {
    text: '您 {{reported}} 报告的{{what}}，{{who}}已于 {{closed}} {{how}}。',
    outcome: {
      reached: '与您联系并处理：已与您或您的家属通话并给出处理建议',
      ambulance: '处理：已为您安排 120 急救车',
      'emergency-department': '处理：已安排您到医院急诊就诊',
      handled: '与您联系并处理：已处理',
    },
    someone: '您的医疗团队',
    again: '如果症状再次出现，请立即拨打 120。',
  },
  en: {
    text: 'You reported {{what}} on {{reported}}. On {{closed}}, {{who}} {{how}}.',
    outcome: {
      reached: 'contacted you and handled it: spoke with you or your carer and gave advice',
      ambulance: 'handled it: arranged a 120 ambulance for you',
      'emergency-department': 'handled it: referred you to a hospital emergency department',
      handled: 'contacted you and handled it',
    },
    someone: 'your care team',
    again: 'If the symptoms come back, call 120 now.',
  },
};

/** The fixed outcome of a recorded close: a hand-over names itself, a reached patient is `reached`. */
export function outcomeOf(ack: StoredAlert['acknowledged']): Outcome {
  if (ack?.handover === 'ambulance') return 'ambulance';
  if (ack?.handover === 'emergency-department') return 'emergency-department';
  return ack?.patientReached === true ? 'reached' : 'handled';
}

/** The newest reported alert closed with its action in the last 72 h, as a note in the page's language. */
export async function handledReportNote(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  options: { now: Date; timeZone: string; language: PatientLanguage },
): Promise<PatientHandledReport | undefined> {
  const since = options.now.getTime() - HANDLED_NOTE_HOURS * 3_600_000;
  const closedAt = (a: StoredAlert) => Date.parse(a.acknowledged?.at ?? '');
  const closed = (await listAlerts(deps.repository, ctx, { patientId, status: 'inactive', count: 50 }))
    .filter(
      (a) =>
        a.patientId === patientId &&
        (a.kind === REPORTED_EMERGENCY_KIND || a.kind === REPORTED_URGENT_KIND) &&
        a.acknowledged?.action !== undefined &&
        closedAt(a) >= since &&
        closedAt(a) <= options.now.getTime(),
    )
    .sort((x, y) => closedAt(y) - closedAt(x));
  const alert = closed[0];
  if (!alert) return undefined;
  const ack = alert.acknowledged!;
  const reports = await consultationReports(
    deps,
    ctx,
    patientId,
    new Date(Date.parse(alert.createdAt) - 86_400_000),
    50,
  );
  const report = reports.find((r) => r.alertId === alert.id);
  const w = WORDS[options.language];
  const outcome = outcomeOf(ack);
  const reportedAt = report?.time ?? alert.createdAt;
  const today = localDay(options.now.toISOString(), options.timeZone);
  const text = w.text
    .replace('{{reported}}', zonedDateTime(reportedAt, options.timeZone))
    .replace('{{what}}', reportedWords(report?.triage, options.language, today))
    // Who: always the fixed phrase. The close form's contact field is free text (a non-author try typed advice
    // there, 2026-12-08); like the action, it is written for colleagues and never reaches the patient.
    .replace('{{who}}', w.someone)
    .replace('{{closed}}', zonedDateTime(ack.contactedAt ?? ack.at, options.timeZone))
    .replace('{{how}}', w.outcome[outcome]);
  return {
    level: 'handled',
    language: options.language,
    alertId: alert.id,
    outcome,
    reportedAt,
    closedAt: ack.at,
    text,
    steps: [w.again],
  };
}
