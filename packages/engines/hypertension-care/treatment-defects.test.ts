/**
 * Issue 17 item 7: one table test per defect found by the independent audit of the treatment engine
 * (REFERENCE §1.5, §2.3, §5.2, §5.3, §6, §7.1–§7.4). Each test failed before its fix.
 */
import { describe, expect, it } from 'vitest';
import { proposeTreatment } from './treatment.ts';
import type { CurrentMedication, TreatmentInput } from './types.ts';

function input(over: Partial<TreatmentInput> = {}): TreatmentInput {
  return {
    guideline: 'china-2018',
    age: 50,
    sex: 'male',
    bp: { sbp: 150, dbp: 92 },
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
/** Stops first (they are listed in `stops`, not in `orders`), then the orders. */
const actions = (p: ReturnType<typeof proposeTreatment>) => [
  ...p.stops.map((s) => `stop ${s.agent}`),
  ...p.orders.map((o) => `${o.action} ${o.agent}`),
];

describe('contraindicated current drugs are never "maintain": stop / replace / reduce (REFERENCE §5.2, §5.3)', () => {
  it.each([
    // [case, input, expected decision, expected actions (subset, in order)]
    [
      'pregnant on losartan 50, at target → stop losartan, replace with labetalol',
      input({
        sex: 'female',
        age: 30,
        bp: { sbp: 128, dbp: 78 },
        conditions: { pregnancy: true },
        current: [med('losartan', 'arb', 50)],
      }),
      'change-regimen',
      ['stop losartan', 'replace labetalol'],
    ],
    [
      'pregnant on lisinopril + amlodipine, above target → stop lisinopril, replace (labetalol)',
      input({
        sex: 'female',
        age: 32,
        bp: { sbp: 150, dbp: 95 },
        conditions: { pregnancy: true },
        current: [med('lisinopril', 'acei', 10), med('amlodipine', 'ccb-dhp', 5)],
      }),
      'change-regimen',
      ['stop lisinopril', 'replace labetalol'],
    ],
    [
      'K⁺ 5.9 on lisinopril 20 → reduce lisinopril to 10 mg (§5.3 K⁺ >5.5 reduce/stop)',
      input({
        bp: { sbp: 132, dbp: 82 },
        labs: { potassium: 5.9 },
        current: [med('lisinopril', 'acei', 20)],
      }),
      'change-regimen',
      ['reduce lisinopril'],
    ],
    [
      'K⁺ 6.1 on lisinopril 20 → stop lisinopril (§5.3 K⁺ ≥6.0 stop and treat), replace with amlodipine',
      input({
        bp: { sbp: 132, dbp: 82 },
        labs: { potassium: 6.1 },
        current: [med('lisinopril', 'acei', 20)],
      }),
      'change-regimen',
      ['stop lisinopril', 'replace amlodipine'],
    ],
    [
      'asthma on bisoprolol → stop, replace with amlodipine',
      input({
        bp: { sbp: 132, dbp: 82 },
        conditions: { asthma: true },
        current: [med('bisoprolol', 'beta-blocker', 5)],
      }),
      'change-regimen',
      ['stop bisoprolol', 'replace amlodipine'],
    ],
    [
      'eGFR 25 on hydrochlorothiazide → replace with a loop diuretic',
      input({
        bp: { sbp: 132, dbp: 82 },
        labs: { egfr: 25, potassium: 4.4 },
        current: [med('losartan', 'arb', 100), med('hydrochlorothiazide', 'thiazide', 25)],
      }),
      'change-regimen',
      ['stop hydrochlorothiazide', 'replace furosemide'],
    ],
  ] as const)('%s', (_name, i, decision, expected) => {
    const p = proposeTreatment(i);
    expect(p.decision).toBe(decision);
    expect(actions(p).slice(0, expected.length)).toEqual(expected);
    for (const o of p.orders.filter((x) => x.action !== 'start' && x.action !== 'add'))
      expect(o.rationale.en.length).toBeGreaterThan(10);
  });
  it.each([
    [5.3, 'maintain', []],
    [5.7, 'change-regimen', ['reduce spironolactone']],
    [6.2, 'change-regimen', ['stop spironolactone']],
  ] as const)(
    'spironolactone 50 mg + amlodipine at K⁺ %s → %s (§5.3: >5.0 no new start, >5.5 reduce, ≥6.0 stop)',
    (k, decision, expected) => {
      const p = proposeTreatment(
        input({
          bp: { sbp: 132, dbp: 82 },
          labs: { potassium: k, egfr: 70 },
          current: [med('amlodipine', 'ccb-dhp', 10), med('spironolactone', 'mra', 50)],
        }),
      );
      expect(p.decision).toBe(decision);
      expect(actions(p).slice(0, expected.length)).toEqual(expected);
      if (!expected.length) expect(p.notes.some((n) => n.en.includes('K⁺'))).toBe(true);
    },
  );
  it.each([
    ['no CKD → keep the ARB, stop lisinopril', {}, 'lisinopril'],
    ['ACC/AHA with CKD → keep the ACE inhibitor, stop losartan', { ckd: true }, 'losartan'],
  ] as const)('ACEi + ARB together (§6 row 1, harm): %s', (_n, conditions, stopped) => {
    const p = proposeTreatment(
      input({
        guideline: 'acc-aha-2017',
        bp: { sbp: 128, dbp: 78 },
        conditions,
        labs: { potassium: 4.4, egfr: 50 },
        current: [med('lisinopril', 'acei', 20), med('losartan', 'arb', 50)],
      }),
    );
    expect(p.decision).toBe('change-regimen');
    expect(actions(p)).toEqual([`stop ${stopped}`]);
  });
  it('the reduce order names the new dose and where it came from', () => {
    const p = proposeTreatment(
      input({
        bp: { sbp: 132, dbp: 82 },
        labs: { potassium: 5.9 },
        current: [med('lisinopril', 'acei', 20)],
      }),
    );
    expect(p.orders[0]).toMatchObject({ action: 'reduce', fromDoseMg: 20, doses: [{ doseMg: 10 }] });
    expect(p.orders[0]?.rationale.en).toContain('5.9');
    expect(p.notes.some((n) => n.en.includes('K⁺'))).toBe(true);
  });
  it('orders stay prescribable (every order has a dose, callers turn them into drafts); stops are separate', () => {
    const p = proposeTreatment(
      input({
        sex: 'female',
        age: 30,
        conditions: { pregnancy: true },
        current: [med('losartan', 'arb', 50)],
      }),
    );
    expect(p.orders.every((o) => o.doses.length > 0)).toBe(true);
    expect(p.stops).toHaveLength(1);
    expect(p.stops[0]?.rationale.en).toMatch(/Pregnancy/);
    expect(p.display.en).toMatch(/Stop Losartan/);
    expect(proposeTreatment(input()).stops).toEqual([]);
  });
  it('a replacement names the agent it replaces', () => {
    const p = proposeTreatment(
      input({
        sex: 'female',
        age: 30,
        conditions: { pregnancy: true },
        current: [med('losartan', 'arb', 50)],
      }),
    );
    expect(p.orders.find((o) => o.action === 'replace')?.replaces).toBe('losartan');
  });
});

describe('ACC/AHA ≥65: the diastolic part of the target stays (REFERENCE §1.1, §7.1)', () => {
  it.each([
    [70, { sbp: 126, dbp: 92 }, false],
    [70, { sbp: 126, dbp: 78 }, true],
    [50, { sbp: 126, dbp: 92 }, false],
  ] as const)('age %i, %o → at target %s', (age, bp, met) => {
    const p = proposeTreatment(input({ guideline: 'acc-aha-2017', age, bp }));
    expect(p.inputs.targetMet).toBe(met);
    expect(p.target.dbp).toBe(80);
    if (!met) expect(p.decision).not.toBe('no-drug');
  });
});

describe('spironolactone is not up-titrated outside K⁺ ≤4.5 / eGFR >45, and its lab note stays (REFERENCE §5.3, §6)', () => {
  const regimen = [
    med('losartan', 'arb', 100),
    med('amlodipine', 'ccb-dhp', 10),
    med('hydrochlorothiazide', 'thiazide', 50),
    med('spironolactone', 'mra', 25),
  ];
  it.each([
    [{ potassium: 4.9, egfr: 40 }, false],
    [{ potassium: 4.6, egfr: 60 }, false],
    [{ potassium: 4.2, egfr: 40 }, false],
    [{ potassium: 4.2, egfr: 60 }, true],
  ] as const)('labs %o → increase spironolactone: %s', (labs, increase) => {
    const p = proposeTreatment(input({ bp: { sbp: 150, dbp: 92 }, labs, current: regimen }));
    expect(p.orders.some((o) => o.agent === 'spironolactone' && o.action === 'increase')).toBe(increase);
    expect(p.notes.some((n) => /K⁺ and creatinine/.test(n.en))).toBe(true);
  });
});

describe('planning pregnancy (REFERENCE §5.2: stop ACEi/ARB when pregnancy is planned)', () => {
  it.each([
    ['untreated → pregnancy-safe agents, no thiazide', [], ['labetalol', 'nifedipine']],
    ['on losartan → stop it', [med('losartan', 'arb', 50)], ['losartan']],
  ] as const)('%s', (_n, current, agents) => {
    const p = proposeTreatment(
      input({
        sex: 'female',
        age: 31,
        bp: { sbp: 165, dbp: 104 },
        conditions: { pregnancyPlanned: true },
        current: [...current],
      }),
    );
    expect(p.avoided.map((a) => a.cls)).toEqual(expect.arrayContaining(['acei', 'arb']));
    expect(actions(p).map((x) => x.split(' ')[1])).toEqual(expect.arrayContaining([...agents]));
    expect(p.orders.flatMap((o) => o.classes)).not.toContain('thiazide');
    if (current.length) expect(p.stops[0]).toMatchObject({ agent: 'losartan', cls: 'arb', fromDoseMg: 50 });
  });
});

describe('post-MI / coronary disease: two-drug starts keep the β-blocker (REFERENCE §7.1 compelling indication)', () => {
  it.each(['acc-aha-2017', 'esh-2023', 'china-2018'] as const)('%s', (guideline) => {
    const p = proposeTreatment(
      input({
        guideline,
        bp: { sbp: 172, dbp: 104 },
        conditions: { coronaryArteryDisease: true, ascvd: true },
      }),
    );
    expect(p.decision).toBe('start-combination');
    expect(p.orders.flatMap((o) => o.classes)).toContain('beta-blocker');
  });
});

describe('crisis-range office BP: assess emergency vs urgency first (REFERENCE §1.5)', () => {
  it.each([
    ['acc-aha-2017', { sbp: 186, dbp: 110 }, true],
    ['acc-aha-2017', { sbp: 180, dbp: 120 }, false], // strict >180/120
    ['china-2018', { sbp: 170, dbp: 122 }, true],
    ['esh-2023', { sbp: 180, dbp: 100 }, true], // ESH ≥180/110 (grade 3)
    ['esh-2023', { sbp: 176, dbp: 110 }, true],
    ['esh-2023', { sbp: 176, dbp: 108 }, false],
  ] as const)('%s %o → prompt %s', (guideline, bp, prompt) => {
    const p = proposeTreatment(input({ guideline, bp }));
    expect(p.urgent !== undefined).toBe(prompt);
    if (prompt) {
      expect(p.notes[0]?.en).toMatch(/emergency/i);
      expect(p.urgent?.display.zh).toMatch(/急症/);
      expect(p.display.en).toMatch(/^Crisis-range BP: assess/);
    }
  });
});

describe('albuminuria without a CKD flag gets the CKD/albuminuria target (REFERENCE §7.3, §7.4)', () => {
  it.each([
    ['china-2018', 130, 80],
    ['esh-2023', 130, 80],
    ['acc-aha-2017', 130, 80],
  ] as const)('%s → <%i/%i', (guideline, sbp, dbp) => {
    const p = proposeTreatment(input({ guideline, age: 70, conditions: { albuminuria: true } }));
    expect(p.target).toMatchObject({ sbp, dbp });
  });
});

describe('renal dose limits from the drug facts (REFERENCE §5.3)', () => {
  it('lisinopril start at eGFR <10 is 2.5 mg', () => {
    const p = proposeTreatment(
      input({
        guideline: 'acc-aha-2017',
        bp: { sbp: 138, dbp: 84 },
        labs: { egfr: 8, potassium: 4.5 },
        conditions: { ckd: true, albuminuria: true },
      }),
    );
    expect(p.orders[0]).toMatchObject({ agent: 'lisinopril', doses: [{ doseMg: 2.5 }] });
  });
  it.each([
    [25, 100, 50],
    [12, 50, 25],
  ] as const)('atenolol at eGFR %i on %i mg → reduce to %i mg', (egfr, from, to) => {
    const p = proposeTreatment(
      input({
        bp: { sbp: 132, dbp: 82 },
        labs: { egfr, potassium: 4.5 },
        current: [med('atenolol', 'beta-blocker', from)],
      }),
    );
    expect(p.orders[0]).toMatchObject({
      action: 'reduce',
      agent: 'atenolol',
      fromDoseMg: from,
      doses: [{ doseMg: to }],
    });
  });
  it('atenolol at its renal maximum is not up-titrated', () => {
    const p = proposeTreatment(
      input({
        bp: { sbp: 150, dbp: 92 },
        labs: { egfr: 25, potassium: 4.5 },
        current: [med('atenolol', 'beta-blocker', 50)],
      }),
    );
    expect(p.orders.some((o) => o.agent === 'atenolol' && o.action === 'increase')).toBe(false);
  });
});

describe('unknown age / sex are unknown, never 50 / male', () => {
  it.each([
    ['age', ['age'], true],
    ['sex', ['sex'], false],
    ['age+sex', ['age', 'sex'], true],
  ] as const)('%s omitted → missing %o', (which, missing, noAge) => {
    const i: TreatmentInput = input({ guideline: 'esh-2023', bp: { sbp: 165, dbp: 100 } });
    if (which.includes('age')) delete i.age;
    if (which.includes('sex')) delete i.sex;
    const p = proposeTreatment(i);
    expect(p.missing).toEqual(missing);
    expect(p.inputs.age).toBe(noAge ? undefined : 50);
    expect(p.inputs.sex).toBe(which.includes('sex') ? undefined : 'male');
    expect(p.notes.some((n) => n.en.includes('unknown'))).toBe(true);
    expect(p.target.rule).toMatch(noAge ? /age unknown/ : /./);
  });
});

describe('ESH / China 82-year-old with diabetes: the age band takes precedence (decision record 0005)', () => {
  it.each([
    ['esh-2023', 150, 80],
    ['china-2018', 150, 90],
    ['china-2024', 150, 90],
  ] as const)('%s → <%i/%i', (guideline, sbp, dbp) => {
    const p = proposeTreatment(input({ guideline, age: 82, conditions: { diabetes: true } }));
    expect(p.target).toMatchObject({ sbp, dbp });
  });
});

describe('home and ambulatory means are judged against the derived target (REFERENCE §2.1–§2.2, issue 17 item 5)', () => {
  it.each([
    ['china-2018', 'home', { sbp: 138, dbp: 88 }, false, 135, 85],
    ['china-2018', 'home', { sbp: 130, dbp: 80 }, true, 135, 85],
    ['esh-2023', 'home', { sbp: 136, dbp: 78 }, false, 130, 80], // age 50: office <130/80 → home <130/80
    ['acc-aha-2017', 'ambulatory', { sbp: 128, dbp: 78 }, true, 130, 80],
  ] as const)('%s %s %o → at target %s (target <%i/%i)', (guideline, bpSource, bp, met, sbp, dbp) => {
    const p = proposeTreatment(input({ guideline, bpSource, bp }));
    expect(p.inputs.targetMet).toBe(met);
    expect(p.target).toMatchObject({ sbp, dbp });
    if (!met) expect(p.decision).not.toBe('no-drug');
    expect(p.display.en).toMatch(bpSource === 'home' ? /: Home BP / : /: Daytime ambulatory BP /);
  });
});
