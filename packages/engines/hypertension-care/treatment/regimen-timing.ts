/**
 * Treatment step "regimen timing" (treated patients): is the BP behind the proposal a judgement of the current
 * regimen? Resistant hypertension is BP above target despite ≥3 classes including a diuretic at optimal doses
 * (REFERENCE §7.4: ACC/AHA 2017, ESH 2023) — judged on readings taken while on that regimen; any step-up (dose,
 * added class) likewise answers how the patient does on it. Readings taken before the regimen's latest start or
 * change had been in place REGIMEN_SETTLE_DAYS say nothing about it: the proposal then says it is too early to
 * judge and when to re-check (docs/decisions/0023). Dates come in as data (no clock). Pure.
 */
import type { FollowUp } from '../guidelines/types.ts';
import type { RegimenTiming, Text } from '../types.ts';
import type { Core, Ctx } from './orders.ts';

const DAY_MS = 86_400_000;

/**
 * Days a regimen must have been in place before readings judge it: REFERENCE §2.3, ACC/AHA 2017 HBPM procedure
 * ("weekly readings beginning 2 weeks after a treatment change"); the lower end of China 2018 §5.7 / ESH "2–4 weeks"
 * follow-up after a start or change (REFERENCE §7.3, §7.4). Named parameter, docs/decisions/0023.
 */
export const REGIMEN_SETTLE_DAYS = 14;

/**
 * Days of home readings to re-check with: REFERENCE §2.3 HBPM protocol — ESH 2023 "3–7 days (preferably 7)",
 * China 2018 "连续测量7天".
 */
export const RECHECK_HOME_DAYS = 7;

/** The instant from which readings judge a regimen that last changed at `changedAt` (ISO in, ISO out). */
export function regimenSettledAt(changedAt: string): string {
  return new Date(Date.parse(changedAt) + REGIMEN_SETTLE_DAYS * DAY_MS).toISOString();
}

export type RegimenJudgement =
  | { judgeable: true }
  | {
      judgeable: false;
      /** `before`: the readings began before the regimen settled; `too-few`: on-regimen readings, too few. */
      why: 'before' | 'too-few';
      changedOn: string;
      settledOn: string;
      /** The first day a re-check counts: the settled day, or today when that has passed. */
      recheckFromOn: string;
      bpFromOn?: string;
      reviewOn: string;
      followUpDays: number;
    };

/** Local calendar day (YYYY-MM-DD) of an instant at a fixed offset (minutes east of UTC). */
function dayOf(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Whether `bp` judges the regimen. `changedFollowUpDays` is the edition's follow-up after a start or change (the
 * review date); when that has passed, the re-check is one home-monitoring week from now.
 */
export function judgeRegimen(timing: RegimenTiming, changedFollowUpDays: number): RegimenJudgement {
  const changed = Date.parse(timing.changedAt);
  const now = Date.parse(timing.now);
  if (!Number.isFinite(changed) || !Number.isFinite(now)) return { judgeable: true };
  const settled = changed + REGIMEN_SETTLE_DAYS * DAY_MS;
  const from = timing.bpFrom === undefined ? Number.NaN : Date.parse(timing.bpFrom);
  // An unknown start of the readings is not taken as on the regimen.
  const before = !Number.isFinite(from) || from < settled;
  if (!before && timing.bpSufficient) return { judgeable: true };
  const offset = timing.utcOffsetMinutes ?? 0;
  const review = changed + changedFollowUpDays * DAY_MS;
  const followUpDays = Math.max(Math.ceil((review - now) / DAY_MS), RECHECK_HOME_DAYS);
  return {
    judgeable: false,
    why: before ? 'before' : 'too-few',
    changedOn: dayOf(changed, offset),
    settledOn: dayOf(settled, offset),
    recheckFromOn: dayOf(Math.max(settled, now), offset),
    ...(Number.isFinite(from) ? { bpFromOn: dayOf(from, offset) } : {}),
    reviewOn: dayOf(now + followUpDays * DAY_MS, offset),
    followUpDays,
  };
}

/** The proposal when the BP does not judge the regimen: no step-up, no resistant-hypertension review. */
export function tooEarly(
  ctx: Ctx,
  j: Extract<RegimenJudgement, { judgeable: false }>,
  followUp: FollowUp,
): Core {
  const d = REGIMEN_SETTLE_DAYS;
  const what: Text =
    j.why === 'before'
      ? {
          zh: `本建议所依据的血压${j.bpFromOn ? `（${j.bpFromOn} 起的读数）` : ''}测于现用降压方案（${j.changedOn} 开始或调整）满 ${d} 天之前`,
          en: `the BP behind this proposal${j.bpFromOn ? ` (readings from ${j.bpFromOn})` : ''} was taken before the current regimen (started or changed on ${j.changedOn}) had been in place ${d} days`,
        }
      : {
          zh: `现用降压方案（${j.changedOn} 开始或调整）满 ${d} 天后（${j.settledOn} 起）的血压读数太少`,
          en: `too few BP readings have been taken since the current regimen (started or changed on ${j.changedOn}) had been in place ${d} days (from ${j.settledOn})`,
        };
  const recheckFrom = j.recheckFromOn;
  return {
    decision: 'too-early',
    orders: [],
    notes: [
      {
        zh: `为时尚早，无法判断现用方案是否有效：${what.zh}。不据此加量、加药，也不判为难治性高血压。`,
        en: `Too early to judge the current regimen: ${what.en}. No dose increase, added drug or resistant-hypertension review is proposed on it.`,
      },
      {
        zh: `复查：${recheckFrom} 起连续 ${RECHECK_HOME_DAYS} 天早晚测量家庭血压（或复诊测量诊室血压），${j.reviewOn} 再评估`,
        en: `Re-check: home BP morning and evening for ${RECHECK_HOME_DAYS} days from ${recheckFrom} (or an office reading), then review on ${j.reviewOn}`,
      },
    ],
    rule: `BP ${j.why === 'before' ? 'measured before the current regimen had been in place' : 'readings too few since the current regimen had been in place'} ${d} days → too early to judge: no step-up, no resistant-hypertension review; re-check`,
    // REFERENCE §2.3 ACC/AHA 2017 HBPM "beginning 2 weeks after a treatment change"; §7.4 resistant definition
    source: `ACC/AHA 2017 (home BP monitoring procedures); ${ctx.edition.treatmentSource}`,
    followUp: { ...followUp, days: j.followUpDays },
  };
}
