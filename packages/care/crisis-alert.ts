/**
 * The patient's open critical BP alert on their home page (issue 17, tester finding 1): a crisis-range reading
 * that arrived late (a device uploading days later) raises the clinician's alert at once, and the patient must
 * be told too — for as long as the alert is open, whatever the reading's measured date. The advice is the
 * REFERENCE §1.5 advice (repeat after rest; with symptoms of organ damage call 120 now; else contact the clinic
 * today) in the page's language; a reading from an earlier day says the date and to contact the clinic.
 */
import {
  ALERT_GUIDELINE,
  allReadingsWithdrawn,
  crisisAdvice,
  listAlerts,
  type StoredAlert,
} from '@qihuang/bp-monitoring';
import type { RequestContext } from '@qihuang/contracts';
import type { BpReading } from '@qihuang/engines/blood-pressure';
import type { CareDeps } from './deps.ts';
import type { PatientCrisisAlert, PatientLanguage } from './api-types/index.ts';

export type { PatientCrisisAlert, PatientLanguage };

/** The crisis alert's rule: SBP >180 or DBP >120 (REFERENCE §1.5, ACC/AHA 2017 §11.2, China 2018 高血压急症). */
const CRISIS = { sbp: 180, dbp: 120 };

/** "YYYY-MM-DD HH:mm" of an instant in an IANA zone. */
export function zonedDateTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

const TITLE: Record<PatientLanguage, { today: string; earlier: string; unknown: string }> = {
  'zh-CN': {
    today: '您在 {{time}} 测的血压非常高（{{value}} mmHg），请马上按以下步骤做：',
    earlier:
      '您在 {{time}} 测的血压非常高（{{value}} mmHg）。这是 {{date}} 的读数，不是今天的；医生已收到提醒。请今天之内联系您的诊所或医生，并按以下步骤做：',
    unknown: '您的一次血压读数非常高（{{value}} mmHg），医生已收到提醒。请按以下步骤做：',
  },
  en: {
    today: 'Your blood pressure measured at {{time}} is very high ({{value}} mmHg). Please do this now:',
    earlier:
      'Your blood pressure measured on {{time}} was very high ({{value}} mmHg). This reading is from {{date}}, not today; your care team has been alerted. Please contact your clinic or doctor today, and:',
    unknown:
      'One of your blood pressure readings was very high ({{value}} mmHg); your care team has been alerted. Please do this:',
  },
};

/**
 * The box of an open crisis alert whose readings were all withdrawn as entered in error (issue 20, decision 0020):
 * the reading is told as withdrawn, never as the patient's blood pressure now; the alert stays open for the care
 * team, so the patient may hear from them; the emergency symptoms and 120 stay (REFERENCE §1.5), since the
 * withdrawal may itself be the mistake.
 */
const WITHDRAWN: Record<
  PatientLanguage,
  { patient: string; careTeam: string; noTime: string; steps: [string, string, string] }
> = {
  'zh-CN': {
    patient:
      '您已撤回 {{time}} 的血压读数（{{value}} mmHg），它不再计入您的血压记录。医生仍会查看这条提醒，需要时会联系您。',
    careTeam:
      '医护人员已撤回 {{time}} 的血压读数（{{value}} mmHg，录入错误），它不再计入您的血压记录。医生仍会查看这条提醒，需要时会联系您。',
    noTime:
      '一次血压读数（{{value}} mmHg）已撤回，它不再计入您的血压记录。医生仍会查看这条提醒，需要时会联系您。',
    steps: [
      '如果这次读数其实是您测的，请今天之内联系您的诊所或医生。',
      '如果有胸痛、呼吸困难、肢体无力、说话不清或看不清东西、剧烈头痛，请立即拨打 120。',
      '想知道现在的血压，请坐下安静休息 5 分钟后再测一次，并上传新的读数。',
    ],
  },
  en: {
    patient:
      'You withdrew the blood pressure reading of {{time}} ({{value}} mmHg); it no longer counts in your record. Your care team still reviews this alert and will contact you if needed.',
    careTeam:
      'Your care team withdrew the blood pressure reading of {{time}} ({{value}} mmHg) as entered in error; it no longer counts in your record. They still review this alert and will contact you if needed.',
    noTime:
      'A blood pressure reading ({{value}} mmHg) was withdrawn; it no longer counts in your record. Your care team still reviews this alert and will contact you if needed.',
    steps: [
      'If that reading was in fact yours, contact your clinic or doctor today.',
      'If you have chest pain, shortness of breath, weakness in an arm or leg, trouble speaking or seeing, or a severe headache, call 120 now.',
      'To know your blood pressure now, sit down and rest quietly for 5 minutes, measure again and send the new reading.',
    ],
  },
};

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');
}

/** The newest open crisis alert of the patient (any measured date) with its advice, or undefined. */
export async function openCrisisAlert(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  options: { readings: readonly BpReading[]; timeZone: string; today: string; language: PatientLanguage },
  alerts?: readonly StoredAlert[],
): Promise<PatientCrisisAlert | undefined> {
  const active =
    alerts ?? (await listAlerts(deps.repository, ctx, { patientId, status: 'active', count: 50 }));
  const open = active.filter(
    (a) =>
      a.status === 'active' &&
      a.severity === 'critical' &&
      a.kind === 'crisis' &&
      typeof a.values.sbp === 'number' &&
      typeof a.values.dbp === 'number',
  );
  if (open.length === 0) return undefined;
  // The newest crisis reading of the open alerts leads (a crisis reading joins the patient's open critical alert:
  // today's reading asks for action now); an alert whose readings are older than the page's is looked up.
  // An alert all of whose readings were withdrawn comes after any other (its box says so, below).
  const located = await Promise.all(
    open.map(async (a) => {
      const withdrawn = allReadingsWithdrawn(a);
      const gone = new Set((a.withdrawn ?? []).map((w) => w.id));
      const ids = new Set(a.readings.filter((id) => !gone.has(id)));
      const own = options.readings
        .filter((r) => ids.has(r.id) && (r.sbp > CRISIS.sbp || r.dbp > CRISIS.dbp))
        .sort((x, y) => Date.parse(y.time) - Date.parse(x.time))[0];
      if (own) return { alert: a, withdrawn, found: own, sbp: own.sbp, dbp: own.dbp };
      const found = await measuredTime(deps, ctx, a.readings, a.values.sbp!, a.values.dbp!);
      return { alert: a, withdrawn, found, sbp: a.values.sbp!, dbp: a.values.dbp! };
    }),
  );
  located.sort(
    (x, y) =>
      Number(x.withdrawn) - Number(y.withdrawn) ||
      (y.found ? Date.parse(y.found.time) : 0) - (x.found ? Date.parse(x.found.time) : 0) ||
      y.alert.createdAt.localeCompare(x.alert.createdAt),
  );
  const { alert: chosen, withdrawn, found, sbp, dbp } = located[0]!;
  const local = found ? zonedDateTime(found.time, options.timeZone) : undefined;
  if (withdrawn) return withdrawnBox(chosen, { sbp, dbp, local }, options.language);
  const earlier = local !== undefined && local.slice(0, 10) < options.today;
  // REFERENCE §1.5: the steps and the guideline's name in the page's language (the alert's strict >180/120 rule).
  const base = crisisAdvice(
    [{ id: chosen.id, time: found?.time ?? chosen.createdAt, sbp, dbp }],
    ALERT_GUIDELINE,
    options.language,
  );
  const text = TITLE[options.language];
  const title = fill(local === undefined ? text.unknown : earlier ? text.earlier : text.today, {
    time: local ?? '',
    date: local?.slice(0, 10) ?? '',
    value: `${sbp}/${dbp}`,
  });
  return {
    alertId: chosen.id,
    raisedAt: chosen.createdAt,
    reading: { sbp, dbp, ...(found ? { time: found.time, local } : {}) },
    earlierDay: earlier,
    advice: {
      level: 'crisis',
      language: options.language,
      title,
      steps: base?.steps ?? [],
      source: base?.source ?? '',
    },
  };
}

/**
 * The box of an alert whose readings were all withdrawn. No measured `time` is given: the page's "measured again
 * since" wording is for a reading that stands (the console rewrites the steps of a box about a measured reading).
 */
function withdrawnBox(
  alert: StoredAlert,
  reading: { sbp: number; dbp: number; local: string | undefined },
  language: PatientLanguage,
): PatientCrisisAlert {
  const text = WITHDRAWN[language];
  const byPatient = (alert.withdrawn ?? []).every((w) => w.by === 'patient');
  const title = fill(reading.local === undefined ? text.noTime : byPatient ? text.patient : text.careTeam, {
    time: reading.local ?? '',
    value: `${reading.sbp}/${reading.dbp}`,
  });
  return {
    alertId: alert.id,
    raisedAt: alert.createdAt,
    reading: { sbp: reading.sbp, dbp: reading.dbp, ...(reading.local ? { local: reading.local } : {}) },
    earlierDay: false,
    advice: {
      level: 'crisis',
      language,
      title,
      steps: [...text.steps],
      source:
        crisisAdvice([{ id: alert.id, time: alert.createdAt, ...reading }], ALERT_GUIDELINE, language)
          ?.source ?? '',
    },
  };
}

/** The measured time of the alert's worst reading when it is older than the page's readings (FHIR Observation). */
async function measuredTime(
  deps: CareDeps,
  ctx: RequestContext,
  ids: readonly string[],
  sbp: number,
  dbp: number,
): Promise<{ time: string } | undefined> {
  if (ids.length === 0) return undefined;
  const result = await deps.repository.search(ctx, 'Observation', [
    ['_id', ids.slice(0, 50).join(',')],
    ['_count', '50'],
  ]);
  const value = (o: Record<string, unknown>, code: string) =>
    (
      o.component as
        { code?: { coding?: { code?: string }[] }; valueQuantity?: { value?: number } }[] | undefined
    )?.find((c) => c.code?.coding?.some((x) => x.code === code))?.valueQuantity?.value;
  const times = result.matches
    .map((m) => m.content as Record<string, unknown>)
    .map((o) => ({
      o,
      time:
        (o.effectiveDateTime as string | undefined) ??
        (o.effectivePeriod as { start?: string } | undefined)?.start,
    }))
    .filter((x): x is { o: Record<string, unknown>; time: string } => typeof x.time === 'string');
  const exact = times.find((x) => value(x.o, '8480-6') === sbp && value(x.o, '8462-4') === dbp);
  const pick = exact ?? times[0];
  return pick ? { time: pick.time } : undefined;
}
