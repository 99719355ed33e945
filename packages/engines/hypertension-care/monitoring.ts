/**
 * Home BP monitoring plan, reminders and adherence (pure; REFERENCE §2.3 HBPM protocol).
 *
 * Plan: diagnosis and titration = 7 consecutive days, morning + evening, 2 readings per session, first day
 * discarded from the average (ESH 2023; China 2018 "连续测量7天,取后6天"); maintenance = one day a week (China
 * 2018 "血压控制良好者每周1天"; ACC/AHA 2017 "weekly readings"; ESH gives no maintenance rhythm — the same is
 * used). Session windows are the HBPM engine's morning/evening windows (one constant, decision 0012; operational
 * choices, not in REFERENCE): morning 04:00–12:00 and evening 18:00–04:00 local time, so every reading that closes
 * a session also counts in the HBPM morning/evening mean and the BP tab shows the same hours.
 */
import { QihuangError } from '@qihuang/contracts';
import {
  epochMs,
  HBPM_EVENING_WINDOW,
  HBPM_MORNING_WINDOW,
  MS,
  parseClock,
} from '@qihuang/engines/blood-pressure';
import type {
  Adherence,
  BpReading,
  Guideline,
  MonitoringPhase,
  MonitoringPlan,
  MonitoringSession,
  ReminderDue,
} from './types.ts';

export const PLAN_DAYS = 7; // REFERENCE §2.3 "3–7 days (preferably 7)", China "连续测量7天"
export const READINGS_PER_SESSION = 2; // REFERENCE §2.3 ESH/ACC "2 readings, 1 min apart"; China "2–3次" → 2
export const MORNING_WINDOW: [string, string] = HBPM_MORNING_WINDOW; // decision 0012: the HBPM engine's (§2.3 morning)
export const EVENING_WINDOW: [string, string] = HBPM_EVENING_WINDOW; // decision 0012: the HBPM engine's (§2.3 evening)
export const DEFAULT_WEEKDAY = 1; // ISO Monday (MonitoringPlan.weekday default)
export const DEFAULT_HORIZON_DAYS = 7; // reminders look back over one plan block

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayOfDate(date: string, what: string): number {
  const ms = DATE.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
  if (!Number.isFinite(ms))
    throw new QihuangError('invalid-input', `${what} must be a date YYYY-MM-DD, got ${date}`);
  return Math.floor(ms / MS.DAY);
}

function dateOfDay(day: number): string {
  return new Date(day * MS.DAY).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number (day 0 = 1970-01-01, a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function instruction(guideline: Guideline, name: 'morning' | 'evening'): MonitoringSession['instruction'] {
  const china = guideline === 'china-2018' || guideline === 'china-2024';
  if (name === 'morning')
    return china
      ? {
          zh: '起床后1小时内、服药前、早餐前、排尿后，静坐5分钟，连续测量2次，间隔1分钟',
          en: 'Within 1 hour of waking, before medicines and breakfast, after emptying the bladder: sit quietly for 5 minutes, then take 2 readings 1 minute apart',
        }
      : {
          zh: '早晨服药前、早餐前，背部有支撑静坐5分钟，手臂与心脏同高，连续测量2次，间隔1分钟',
          en: 'In the morning before medicines and breakfast: sit with your back supported for 5 minutes, arm at heart level, then take 2 readings 1 minute apart',
        };
  return china
    ? {
        zh: '晚上睡前，静坐5分钟，连续测量2次，间隔1分钟',
        en: 'In the evening before bed: sit quietly for 5 minutes, then take 2 readings 1 minute apart',
      }
    : {
        zh: '晚餐前，背部有支撑静坐5分钟，手臂与心脏同高，连续测量2次，间隔1分钟',
        en: 'In the evening before dinner: sit with your back supported for 5 minutes, arm at heart level, then take 2 readings 1 minute apart',
      };
}

export function monitoringPlan(
  guideline: Guideline,
  phase: MonitoringPhase,
  startDate: string,
): MonitoringPlan {
  dayOfDate(startDate, 'startDate');
  const sessions: MonitoringSession[] = (['morning', 'evening'] as const).map((name) => ({
    name,
    window: name === 'morning' ? MORNING_WINDOW : EVENING_WINDOW,
    readings: READINGS_PER_SESSION,
    instruction: instruction(guideline, name),
  }));
  const china = guideline === 'china-2018' || guideline === 'china-2024';
  if (phase === 'maintenance') {
    const source = china
      ? '中国高血压防治指南 2018（家庭血压监测）' // REFERENCE §2.3 "血压控制良好者每周1天" (wording UNVERIFIED)
      : guideline === 'acc-aha-2017'
        ? 'ACC/AHA 2017 (home BP monitoring: weekly readings)' // REFERENCE §2.3 (wording UNVERIFIED)
        : 'ESH 2023 gives no maintenance rhythm: weekly readings (clinician judgement)'; // REFERENCE §2.3
    return {
      guideline,
      phase,
      schedule: 'weekly',
      days: 1,
      discardFirstDay: false,
      sessions,
      weekday: DEFAULT_WEEKDAY,
      startDate,
      rule: 'maintenance: one day a week, morning + evening, 2 readings each',
      source,
      inputs: { guideline, phase, startDate },
      display: {
        zh: '每周一测量一天：早晚各2次，间隔1分钟',
        en: 'One day a week (Monday): morning and evening, 2 readings 1 minute apart',
      },
    };
  }
  const source = china
    ? '中国高血压防治指南 2018（家庭血压监测：连续测量7天，取后6天）' // REFERENCE §2.3 (wording UNVERIFIED)
    : guideline === 'esh-2023'
      ? 'ESH 2023 (home BP monitoring: 7 days, morning + evening, 2 readings, first day discarded)' // REFERENCE §2.3
      : 'ACC/AHA 2017 (home BP monitoring: ≥2 readings morning and evening, ideally a week); first day discarded as in ESH 2023'; // REFERENCE §2.3
  return {
    guideline,
    phase,
    schedule: 'daily',
    days: PLAN_DAYS,
    discardFirstDay: true,
    sessions,
    startDate,
    rule: `${phase}: ${PLAN_DAYS} consecutive days, morning + evening, ${READINGS_PER_SESSION} readings each, first day discarded`,
    source,
    inputs: { guideline, phase, startDate },
    display: {
      zh: `连续${PLAN_DAYS}天，每天早晚各测${READINGS_PER_SESSION}次（间隔1分钟），第1天不计入平均值`,
      en: `${PLAN_DAYS} days in a row, morning and evening, ${READINGS_PER_SESSION} readings 1 minute apart; day 1 is not averaged`,
    },
  };
}

/** Weekly plans: the HBPM window spans this many weekly measurement days (REFERENCE §2.3 "at least 3 days"). */
export const WEEKLY_WINDOW_WEEKS = 3;

/**
 * The HBPM averaging window that fits a plan: daily blocks → the plan's days with the first day discarded
 * (§2.3); weekly plans → 3 weeks (3 measurement days, 12 readings at 2 × 2 a day) without a discarded day (a
 * weekly day is not a "first day of a block"). Pass it to `summarizeHbpm` / the sustained-alert config.
 */
export function hbpmWindow(plan: MonitoringPlan): { days: number; discardFirstDay: boolean } {
  return plan.schedule === 'weekly'
    ? { days: WEEKLY_WINDOW_WEEKS * 7, discardFirstDay: false } // §2.3 ≥3 days of data
    : { days: plan.days, discardFirstDay: plan.discardFirstDay };
}

/** Plan measurement days (day numbers) within [from, to]. */
function planDays(plan: MonitoringPlan, from: number, to: number): number[] {
  const start = dayOfDate(plan.startDate, 'plan.startDate');
  const out: number[] = [];
  if (plan.schedule === 'daily') {
    for (let d = Math.max(start, from); d <= Math.min(start + plan.days - 1, to); d++) out.push(d);
  } else {
    const weekday = plan.weekday ?? DEFAULT_WEEKDAY;
    for (let d = Math.max(start, from); d <= to; d++) if (isoWeekday(d) === weekday) out.push(d);
  }
  return out;
}

interface SessionSlot {
  day: number;
  session: MonitoringSession;
  startMs: number;
  endMs: number;
  taken: number;
}

/** Session windows as absolute instants (a window whose end ≤ start runs into the next day). */
function slots(
  plan: MonitoringPlan,
  days: readonly number[],
  times: readonly number[],
  offsetMinutes: number,
): SessionSlot[] {
  const out: SessionSlot[] = [];
  for (const day of days) {
    const dayStart = day * MS.DAY - offsetMinutes * MS.MINUTE;
    for (const session of plan.sessions) {
      const s = parseClock(session.window[0]);
      let e = parseClock(session.window[1]);
      if (e <= s) e += 24;
      const startMs = dayStart + s * MS.HOUR;
      const endMs = dayStart + e * MS.HOUR;
      const taken = times.filter((t) => t >= startMs && t < endMs).length;
      out.push({ day, session, startMs, endMs, taken });
    }
  }
  return out;
}

function readingTimes(readings: readonly Pick<BpReading, 'time'>[], untilMs = Infinity): number[] {
  return readings.map((r) => epochMs(r.time)).filter((t) => Number.isFinite(t) && t <= untilMs);
}

/**
 * Reminder states for the plan's sessions from `horizonDays` local days back up to today (later today =
 * 'upcoming'). 'done' = the planned readings are in while the window is open, or ≥1 reading once it closed;
 * 'due' = window open now and fewer readings than planned; 'missed' = window closed without a reading.
 */
export function remindersFor(
  plan: MonitoringPlan,
  readings: readonly Pick<BpReading, 'time'>[],
  now: string,
  utcOffsetMinutes: number,
  horizonDays: number = DEFAULT_HORIZON_DAYS,
): ReminderDue[] {
  const nowMs = epochMs(now);
  if (!Number.isFinite(nowMs))
    throw new QihuangError('invalid-input', `now must be an ISO date-time, got ${now}`);
  const today = Math.floor((nowMs + utcOffsetMinutes * MS.MINUTE) / MS.DAY);
  const days = planDays(plan, today - Math.max(1, horizonDays) + 1, today);
  const times = readingTimes(readings, nowMs);
  return slots(plan, days, times, utcOffsetMinutes).map((x) => {
    const planned = x.session.readings;
    let state: ReminderDue['state'];
    if (nowMs < x.startMs) state = x.taken >= planned ? 'done' : 'upcoming';
    else if (nowMs < x.endMs) state = x.taken >= planned ? 'done' : 'due';
    else state = x.taken > 0 ? 'done' : 'missed';
    return {
      date: dateOfDay(x.day),
      session: x.session.name,
      window: x.session.window,
      state,
      readingsTaken: x.taken,
      readingsPlanned: planned,
    };
  });
}

/**
 * Monitoring adherence between `from` and `to` (local dates YYYY-MM-DD, inclusive, or ISO date-times).
 * A session is planned once its window has closed by `to`; with a plain date `to`, that day may still be
 * running, so its sessions count only when done (pass a date-time for an exact cut-off). Completed = ≥1 reading
 * in the window; full = at least the planned readings.
 */
export function adherence(
  plan: MonitoringPlan,
  readings: readonly Pick<BpReading, 'time'>[],
  from: string,
  to: string,
  utcOffsetMinutes: number,
): Adherence {
  const localDayOf = (v: string, what: string): { day: number; ms?: number } => {
    if (DATE.test(v)) return { day: dayOfDate(v, what) };
    const ms = epochMs(v);
    if (!Number.isFinite(ms))
      throw new QihuangError('invalid-input', `${what} must be a date or date-time, got ${v}`);
    return { day: Math.floor((ms + utcOffsetMinutes * MS.MINUTE) / MS.DAY), ms };
  };
  const f = localDayOf(from, 'from');
  const t = localDayOf(to, 'to');
  const days = planDays(plan, f.day, t.day);
  const times = readingTimes(readings, t.ms);
  let planned = 0;
  let completed = 0;
  let full = 0;
  for (const x of slots(plan, days, times, utcOffsetMinutes)) {
    const closed = t.ms !== undefined ? x.endMs <= t.ms : x.day < t.day;
    if (!closed && x.taken === 0) continue;
    planned++;
    if (x.taken > 0) completed++;
    if (x.taken >= x.session.readings) full++;
  }
  return {
    plannedSessions: planned,
    completedSessions: completed,
    fullSessions: full,
    fraction: planned ? completed / planned : 0,
    from,
    to,
  };
}
