/**
 * Readings from before the current regimen do not judge it (issue 20 try: 生成治疗建议 right after a triple
 * therapy was approved proposed 难治性高血压 from the week of home readings that led to the prescription).
 * Resistant hypertension — BP above target despite ≥3 classes including a diuretic at optimal doses (REFERENCE §7.4,
 * ACC/AHA 2017 and ESH 2023) — is judged on the regimen; readings count once it has been in place 14 days
 * (REFERENCE §2.3, ACC/AHA 2017 HBPM procedure: "weekly readings beginning 2 weeks after a treatment change";
 * docs/decisions/0023). Follow-up after a change: China 2018 4 weeks (28 days), ACC/AHA 2017 1 month (30 days).
 */
import { describe, expect, it } from 'vitest';
import { proposeTreatment, RECHECK_HOME_DAYS, REGIMEN_SETTLE_DAYS, regimenSettledAt } from './treatment.ts';
import type { CurrentMedication, RegimenTiming, TreatmentInput } from './types.ts';

const med = (agent: string, cls: CurrentMedication['cls'], dailyDoseMg: number): CurrentMedication => ({
  agent,
  cls,
  dailyDoseMg,
});
// Three classes including a diuretic, each at its engine maximum (the resistant-hypertension row of treatment.test.ts)
const triple = [
  med('amlodipine', 'ccb-dhp', 10),
  med('losartan', 'arb', 100),
  med('hydrochlorothiazide', 'thiazide', 50),
];
// Approved 2026-03-10 10:00 Shanghai; the home week behind the prescription ran 3–9 March.
const APPROVED = '2026-03-10T02:00:00Z';
const WEEK_BEFORE = '2026-03-02T23:00:00Z';

function input(regimen?: Partial<RegimenTiming>, over: Partial<TreatmentInput> = {}): TreatmentInput {
  return {
    guideline: 'china-2018',
    age: 58,
    sex: 'male',
    bp: { sbp: 150, dbp: 92 },
    bpSource: 'home',
    conditions: {},
    labs: { potassium: 4.2, egfr: 60 },
    current: triple,
    ...(regimen
      ? {
          regimen: {
            changedAt: APPROVED,
            now: '2026-03-10T04:00:00Z',
            bpFrom: WEEK_BEFORE,
            bpSufficient: true,
            utcOffsetMinutes: 480,
            ...regimen,
          },
        }
      : {}),
    ...over,
  };
}
const all = (p: ReturnType<typeof proposeTreatment>, lang: 'zh' | 'en') =>
  [p.display[lang], p.rule, ...p.notes.map((n) => n[lang]), ...p.orders.map((o) => o.rationale[lang])].join(
    '\n',
  );

describe('the regimen is judged on readings taken on it', () => {
  it('the settle interval is 14 days (ACC/AHA 2017 HBPM: from 2 weeks after a treatment change)', () => {
    expect(REGIMEN_SETTLE_DAYS).toBe(14);
    expect(RECHECK_HOME_DAYS).toBe(7);
    expect(regimenSettledAt(APPROVED)).toBe('2026-03-24T02:00:00.000Z');
  });

  it('without timing the published row holds: three classes incl. a diuretic at maximum, above target → resistant review', () => {
    expect(proposeTreatment(input()).decision).toBe('resistant-review');
  });

  it('the issue: approved this morning, readings from the week before → too early, no spironolactone, no 难治', () => {
    const p = proposeTreatment(input({}));
    expect(p.decision).toBe('too-early');
    expect(p.orders).toEqual([]);
    expect(p.stops).toEqual([]);
    expect(all(p, 'zh')).not.toMatch(/难治性高血压（|加用螺内酯/);
    expect(all(p, 'en')).not.toMatch(/Resistant hypertension \(|add spironolactone/);
    const zh = p.notes.map((n) => n.zh).join('\n');
    expect(zh).toContain('为时尚早');
    expect(zh).toContain('2026-03-03 起的读数');
    expect(zh).toContain('2026-03-10 开始或调整');
    // Re-check from the day the regimen has been in place 14 days; review at the China 2018 4-week follow-up.
    expect(zh).toContain('2026-03-24 起连续 7 天早晚测量家庭血压');
    expect(zh).toContain('2026-04-07 再评估');
    expect(p.followUpDays).toBe(28);
    const en = p.notes.map((n) => n.en).join('\n');
    expect(en).toContain('Too early to judge the current regimen');
    expect(en).toContain('from 2026-03-24');
    expect(en).toContain('review on 2026-04-07');
    expect(
      p.notes
        .slice(0, 2)
        .map((n) => n.en)
        .join('\n'),
    ).not.toMatch(/\p{Script=Han}/u);
    expect(p.display.en).toContain('Too early to judge the current regimen');
    expect(p.display.zh).toContain('现用方案时间尚短');
  });

  it('ACC/AHA 2017 reviews at 1 month after a change (30 days)', () => {
    const p = proposeTreatment(input({}, { guideline: 'acc-aha-2017' }));
    expect(p.decision).toBe('too-early');
    expect(p.followUpDays).toBe(30);
  });

  it('a dual regimen changed a week ago, BP from before → no dose increase or added class', () => {
    const p = proposeTreatment(
      input(
        { changedAt: '2026-03-03T02:00:00Z' },
        { current: [med('amlodipine', 'ccb-dhp', 5), med('losartan', 'arb', 50)], bpSource: 'office' },
      ),
    );
    expect(p.decision).toBe('too-early');
    expect(p.orders).toEqual([]);
  });

  it('boundary: readings from exactly 14 days after the change judge it; a minute earlier does not', () => {
    const on = proposeTreatment(
      input({ now: '2026-04-01T04:00:00Z', bpFrom: '2026-03-24T02:00:00Z', bpSufficient: true }),
    );
    expect(on.decision).toBe('resistant-review');
    expect(on.orders[0]?.agent).toBe('spironolactone');
    const early = proposeTreatment(
      input({ now: '2026-04-01T04:00:00Z', bpFrom: '2026-03-24T01:59:00Z', bpSufficient: true }),
    );
    expect(early.decision).toBe('too-early');
  });

  it('on-regimen readings but too few → too early, says so and when to re-check', () => {
    const p = proposeTreatment(
      input({ now: '2026-03-26T04:00:00Z', bpFrom: '2026-03-25T23:00:00Z', bpSufficient: false }),
    );
    expect(p.decision).toBe('too-early');
    expect(p.notes[0]!.zh).toContain('读数太少');
    expect(p.notes[0]!.en).toContain('too few BP readings');
    // 12 days left to the 4-week review (7 April); the re-check starts today (the settle day has passed).
    expect(p.followUpDays).toBe(12);
    expect(p.notes[1]!.en).toContain('from 2026-03-26');
  });

  it('the 4-week review has passed without on-regimen readings → re-check over one home week from today', () => {
    const p = proposeTreatment(input({ now: '2026-04-20T04:00:00Z' }));
    expect(p.decision).toBe('too-early');
    expect(p.followUpDays).toBe(7);
    expect(p.notes[1]!.zh).toContain('2026-04-20 起连续 7 天');
    expect(p.notes[1]!.zh).toContain('2026-04-27 再评估');
  });

  it('an unknown start of the readings is not taken as on the regimen', () => {
    const p = proposeTreatment(input({ bpFrom: undefined, now: '2026-05-01T00:00:00Z' }));
    expect(p.decision).toBe('too-early');
  });

  it('at target on on-regimen readings → maintain', () => {
    const p = proposeTreatment(
      input({ now: '2026-04-08T04:00:00Z', bpFrom: '2026-03-30T23:00:00Z' }, { bp: { sbp: 128, dbp: 78 } }),
    );
    expect(p.decision).toBe('maintain');
  });

  it('a safety stop does not wait: a contraindicated current agent is stopped even on pre-regimen BP', () => {
    const p = proposeTreatment(input({}, { conditions: { pregnancy: true }, sex: 'female' }));
    expect(p.decision).toBe('change-regimen');
    expect(p.stops.map((s) => s.agent)).toContain('losartan');
  });

  it('an untreated patient is unaffected by timing (no regimen to judge)', () => {
    const p = proposeTreatment(input({}, { current: [], bp: { sbp: 165, dbp: 102 }, bpSource: 'office' }));
    expect(p.decision).toMatch(/^start-/);
  });
});
