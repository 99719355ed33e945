/**
 * Issue 17 (clinician findings from a fresh clone): a safety change to the current regimen (reduce / stop) must
 * stay coherent and keep BP control in view (REFERENCE §5.2, §5.3, §6 row 1, §1.5, §7.1–§7.4), and each text field
 * of the proposal is in one language. Each test failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { proposeTreatment } from './treatment.ts';
import type { CurrentMedication, TreatmentInput, TreatmentProposal } from './types.ts';

function input(over: Partial<TreatmentInput> = {}): TreatmentInput {
  return {
    guideline: 'acc-aha-2017',
    age: 55,
    sex: 'male',
    bp: { sbp: 148, dbp: 88 },
    bpSource: 'office',
    conditions: {},
    current: [],
    ...over,
  };
}
const med = (agent: string, cls: CurrentMedication['cls'], dailyDoseMg?: number): CurrentMedication => ({
  agent,
  cls,
  ...(dailyDoseMg === undefined ? {} : { dailyDoseMg }),
});
const actions = (p: TreatmentProposal) => [
  ...p.stops.map((s) => `stop ${s.agent}`),
  ...p.orders.map((o) => `${o.action} ${o.agent}`),
];

describe('finding 1: K⁺ 5.9 on lisinopril 20 mg (ACC/AHA, 148/88) is coherent', () => {
  const p = proposeTreatment(
    input({ labs: { potassium: 5.9, egfr: 70 }, current: [med('lisinopril', 'acei', 20)] }),
  );
  it('one action on the ACE inhibitor: reduce one step (K⁺ >5.5 and <6.0), with the reason', () => {
    const onAcei = actions(p).filter((a) => a.endsWith('lisinopril'));
    expect(onAcei).toEqual(['reduce lisinopril']);
    const r = p.orders.find((o) => o.agent === 'lisinopril');
    expect(r?.doses[0]?.doseMg).toBe(10);
    expect(r?.rationale.en).toMatch(/5\.5.*6\.0/);
    expect(r?.rationale.zh).toMatch(/6\.0/);
  });
  it('the avoided list does not tell the clinician to avoid a class the regimen keeps', () => {
    const acei = p.avoided.filter((a) => a.cls === 'acei');
    for (const a of acei) {
      expect(a.reason.en).not.toMatch(/\bavoid\b/i);
      expect(a.reason.en).toMatch(/no new start or dose increase/);
      expect(a.reason.zh).toMatch(/不新用、不加量/);
    }
  });
  it('BP above target after the reduction: a K⁺-neutral class (CCB) is added', () => {
    const add = p.orders.find((o) => o.action === 'add');
    expect(add?.classes).toEqual(['ccb-dhp']);
  });
  it('gives a potassium recheck interval', () => {
    expect(p.notes.some((n) => /recheck K⁺ .*within 1 week/i.test(n.en))).toBe(true);
    expect(p.notes.some((n) => /1周内复查血钾/.test(n.zh))).toBe(true);
  });
});

describe('finding 2: crisis-range BP is followed up within days (REFERENCE §1.5, §7.2, §7.3)', () => {
  it.each([
    ['china-2018', { sbp: 190, dbp: 115 }, 7],
    ['acc-aha-2017', { sbp: 190, dbp: 115 }, 7],
    ['esh-2023', { sbp: 182, dbp: 112 }, 7], // ESH ≥180/110
    ['china-2018', { sbp: 180, dbp: 112 }, 14], // grade 3, not crisis: China "2–4 weeks" → 2 weeks
    ['china-2018', { sbp: 150, dbp: 92 }, 28],
    ['acc-aha-2017', { sbp: 165, dbp: 100 }, 30], // stage 2 >20/10 above target: Figure 4 "1 month"
  ] as const)('%s %o → follow-up %i days', (guideline, bp, days) => {
    const p = proposeTreatment(input({ guideline, age: 50, bp }));
    expect(p.followUpDays).toBe(days);
    expect(p.display.en).toContain(`${days} days`);
    expect(p.source).not.toMatch(/UNVERIFIED|REFERENCE/);
  });
  it('the crisis follow-up is also used for a treated patient', () => {
    const p = proposeTreatment(
      input({
        guideline: 'china-2018',
        bp: { sbp: 190, dbp: 115 },
        current: [med('amlodipine', 'ccb-dhp', 5)],
      }),
    );
    expect(p.followUpDays).toBe(7);
  });
});

describe('finding 3: eGFR 25 on atenolol 100 mg (ESH 2023, 152/86): reduce and add', () => {
  it('reduce to 50 mg and add the next class of the ESH algorithm', () => {
    const p = proposeTreatment(
      input({
        guideline: 'esh-2023',
        bp: { sbp: 152, dbp: 86 },
        labs: { egfr: 25, potassium: 4.5 },
        current: [med('atenolol', 'beta-blocker', 100)],
      }),
    );
    expect(actions(p)).toEqual(['reduce atenolol', 'add amlodipine']);
    expect(p.orders[0]?.doses[0]?.doseMg).toBe(50);
    expect(p.orders[1]?.rationale.en).toMatch(/ESH|step/i);
  });
});

describe('finding 4: every reduce/stop path keeps BP control in view when above target', () => {
  const above = { sbp: 150, dbp: 92 };
  it.each([
    [
      'K⁺ 5.9 reduce (China)',
      input({
        guideline: 'china-2018',
        bp: above,
        labs: { potassium: 5.9 },
        current: [med('losartan', 'arb', 100)],
      }),
    ],
    [
      'K⁺ 6.2 stop (ACC/AHA)',
      input({ bp: above, labs: { potassium: 6.2 }, current: [med('lisinopril', 'acei', 20)] }),
    ],
    [
      'K⁺ 5.8 spironolactone reduce',
      input({
        bp: above,
        labs: { potassium: 5.8, egfr: 60 },
        current: [
          med('amlodipine', 'ccb-dhp', 10),
          med('chlorthalidone', 'thiazide', 25),
          med('losartan', 'arb', 100),
          med('spironolactone', 'mra', 50),
        ],
      }),
    ],
    [
      'eGFR 25 atenolol reduce (ACC/AHA)',
      input({ bp: above, labs: { egfr: 25 }, current: [med('atenolol', 'beta-blocker', 100)] }),
    ],
    [
      'eGFR 20 thiazide stop',
      input({ bp: above, labs: { egfr: 20 }, current: [med('hydrochlorothiazide', 'thiazide', 25)] }),
    ],
    [
      'pregnancy on losartan',
      input({
        sex: 'female',
        age: 30,
        bp: above,
        conditions: { pregnancy: true },
        current: [med('losartan', 'arb', 50)],
      }),
    ],
    [
      'ACEi + ARB',
      input({
        guideline: 'esh-2023',
        bp: above,
        current: [med('lisinopril', 'acei', 20), med('losartan', 'arb', 50)],
      }),
    ],
    [
      'bradycardia on bisoprolol',
      input({
        bp: above,
        conditions: { bradycardia: true },
        current: [med('bisoprolol', 'beta-blocker', 5)],
      }),
    ],
    [
      'AV block on bisoprolol + amlodipine',
      input({
        guideline: 'esh-2023',
        bp: above,
        conditions: { avBlock: true },
        current: [med('bisoprolol', 'beta-blocker', 5), med('amlodipine', 'ccb-dhp', 5)],
      }),
    ],
  ])('%s → a replacement or an added class', (_, given) => {
    const p = proposeTreatment(given);
    expect(p.decision).toBe('change-regimen');
    expect(p.inputs.targetMet).toBe(false);
    const kept = p.orders.filter((o) => o.action === 'add' || o.action === 'replace');
    const safety = p.stops.length + p.orders.filter((o) => o.action === 'reduce').length;
    expect(safety).toBeGreaterThan(0);
    const specialist = p.notes.some((n) => /specialist/.test(n.en));
    expect(kept.length > 0 || specialist).toBe(true);
    // a reduced or unreplaced stop above target gets an added class
    const unreplaced =
      p.orders.some((o) => o.action === 'reduce') ||
      p.stops.some((s) => !p.orders.some((o) => o.replaces === s.agent));
    if (unreplaced) expect(p.orders.some((o) => o.action === 'add') || specialist).toBe(true);
    // no added class is one that is avoided or already on board after the change
    const stopped = new Set(p.stops.map((s) => s.agent));
    const onBoard = new Set(given.current.filter((m) => !stopped.has(m.agent)).map((m) => m.cls));
    for (const o of p.orders.filter((x) => x.action === 'add')) {
      expect(o.classes.some((c) => onBoard.has(c))).toBe(false);
      expect(o.classes.some((c) => p.avoided.some((a) => a.cls === c))).toBe(false);
    }
  });
  it('at target, a safety reduction adds nothing', () => {
    const p = proposeTreatment(
      input({
        bp: { sbp: 124, dbp: 76 },
        labs: { potassium: 5.9 },
        current: [med('lisinopril', 'acei', 20)],
      }),
    );
    expect(actions(p)).toEqual(['reduce lisinopril']);
  });
});

describe('finding 5: one language per field; sources name the guideline in use', () => {
  const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
  /** Every string under an `en` key, `rule` or `source` (English fields) for ACC/AHA/ESH patients. */
  function englishFields(x: unknown, key = '', out: [string, string][] = []): [string, string][] {
    if (typeof x === 'string') {
      if (key === 'en' || key === 'rule' || key === 'source') out.push([key, x]);
    } else if (Array.isArray(x)) x.forEach((v) => englishFields(v, key, out));
    else if (x && typeof x === 'object')
      for (const [k, v] of Object.entries(x)) if (k !== 'inputs') englishFields(v, k, out);
    return out;
  }
  it.each([
    ['acc-aha K⁺ 5.9', input({ labs: { potassium: 5.9 }, current: [med('lisinopril', 'acei', 20)] })],
    ['acc-aha gout + asthma', input({ conditions: { gout: true, asthma: true } })],
    [
      'esh pregnancy',
      input({
        guideline: 'esh-2023',
        sex: 'female',
        age: 30,
        conditions: { pregnancy: true },
        current: [med('losartan', 'arb', 50)],
      }),
    ],
    ['acc-aha ACEi + ARB', input({ current: [med('lisinopril', 'acei', 20), med('losartan', 'arb', 50)] })],
  ])('%s: English fields carry no Chinese text', (_, given) => {
    const p = proposeTreatment(given);
    const bad = englishFields(p).filter(([, s]) => CJK.test(s));
    expect(bad).toEqual([]);
  });
  it.each([
    ['grade 1 low risk', input({ guideline: 'china-2018', bp: { sbp: 145, dbp: 92 }, chinaRisk: 'low' })],
    [
      'very high risk',
      input({ guideline: 'china-2024', bp: { sbp: 165, dbp: 102 }, chinaRisk: 'very-high' }),
    ],
    [
      'high-normal',
      input({ guideline: 'china-2018', bp: { sbp: 135, dbp: 85 }, conditions: { diabetes: true } }),
    ],
    ['grade 2', input({ guideline: 'china-2018', age: undefined, bp: { sbp: 165, dbp: 102 } })],
  ])(
    'China %s: rule and English fields carry no Chinese text (sources keep the Chinese guideline name)',
    (_, given) => {
      const p = proposeTreatment(given);
      const bad = englishFields(p).filter(([k, s]) => k !== 'source' && CJK.test(s));
      expect(bad).toEqual([]);
    },
  );
  it('a kept class is never told "avoid": MRA at K⁺ 5.3 and ACEi with possible pregnancy', () => {
    const p1 = proposeTreatment(
      input({
        labs: { potassium: 5.3, egfr: 60 },
        current: [med('spironolactone', 'mra', 25), med('amlodipine', 'ccb-dhp', 5)],
      }),
    );
    const p2 = proposeTreatment(
      input({
        sex: 'female',
        age: 30,
        conditions: { pregnancyPossible: true },
        current: [med('lisinopril', 'acei', 10)],
      }),
    );
    for (const a of [
      ...p1.avoided.filter((x) => x.cls === 'mra'),
      ...p2.avoided.filter((x) => x.cls === 'acei'),
    ])
      expect(a.reason.en).toMatch(/no new start/);
  });
  it('ACC/AHA K⁺: the source names the guideline that states the rule, in English', () => {
    const p = proposeTreatment(input({ labs: { potassium: 5.9 }, current: [med('lisinopril', 'acei', 20)] }));
    const a = p.avoided.find((x) => x.cls === 'acei');
    expect(a?.source).toMatch(/Chinese Hypertension Guidelines 2018/);
  });
  it('China target: the rule and the display are each one language', () => {
    const p = proposeTreatment(input({ guideline: 'china-2018' }));
    expect(CJK.test(p.target.rule)).toBe(false);
    expect(p.target.display?.zh).toMatch(/一般患者/);
    expect(CJK.test(p.target.display?.en ?? '')).toBe(false);
  });
});
