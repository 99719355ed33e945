import { BUILT_IN_DRUGS } from '@qihuang/drug-knowledge';
import { describe, expect, it } from 'vitest';
import { AGENTS, SPCS } from './agents.ts';
import { followUpDays, proposeTreatment } from './treatment.ts';
import { ACEI_ARB_SOURCE } from './treatment/contraindications.ts';
import type { CurrentMedication, TreatmentInput } from './types.ts';

function input(over: Partial<TreatmentInput> = {}): TreatmentInput {
  return {
    guideline: 'china-2018',
    age: 50,
    sex: 'male',
    bp: { sbp: 165, dbp: 102 },
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
const classesOf = (p: ReturnType<typeof proposeTreatment>) => p.orders.flatMap((o) => o.classes);
const avoidedOf = (p: ReturnType<typeof proposeTreatment>) => [...new Set(p.avoided.map((a) => a.cls))];

describe('agent ids match the drug knowledge base', () => {
  const byId = new Map(BUILT_IN_DRUGS.map((d) => [d.id, d]));
  it('every agent and SPC id exists; engine maxima never exceed the knowledge-base maximum', () => {
    for (const spec of Object.values(AGENTS)) {
      const entry = byId.get(spec.id);
      expect(entry, spec.id).toBeDefined();
      const max = entry?.dose?.maxDaily ?? entry?.dose?.usualDaily?.[1];
      if (max !== undefined) expect(spec.ladder.at(-1), spec.id).toBeLessThanOrEqual(max);
    }
    for (const spc of SPCS) {
      expect(byId.get(spc.id)?.components, spc.id).toEqual(
        expect.arrayContaining(spc.parts.map((p) => p.agent)),
      );
    }
  });
});

describe('initiation — China 2018 (REFERENCE §7.3)', () => {
  it('grade 2 165/102, untreated, no comorbidity → low-dose two-drug SPC ARB + DHP CCB', () => {
    const p = proposeTreatment(input());
    expect(p.decision).toBe('start-combination');
    expect(p.target).toMatchObject({ sbp: 140, dbp: 90 });
    expect(p.orders).toHaveLength(1);
    const o = p.orders[0]!;
    expect(o.agent).toBe('amlodipine-valsartan');
    expect(o.components).toEqual(['amlodipine', 'valsartan']);
    expect(o.classes.sort()).toEqual(['arb', 'ccb-dhp']);
    expect(o.doses).toEqual([
      { agent: 'amlodipine', doseMg: 5, timesPerDay: 1 }, // §5.1a amlodipine 5 mg
      { agent: 'valsartan', doseMg: 80, timesPerDay: 1 }, // §5.1a valsartan 80 mg
    ]);
    expect(p.followUpDays).toBe(28); // §7.3 2–4 weeks
    expect(p.rule).toContain('≥160/100');
    expect(p.notes.some((n) => n.en.includes('K⁺ and creatinine'))).toBe(true);
  });
  it('grade 1 low risk → lifestyle first; after 3 months lifestyle → one drug (amlodipine 5 mg)', () => {
    const low = input({ bp: { sbp: 150, dbp: 92 }, chinaRisk: 'low' });
    const p = proposeTreatment(low);
    expect(p.decision).toBe('lifestyle-first');
    expect(p.orders).toEqual([]);
    const q = proposeTreatment({ ...low, lifestyleMonths: 3 });
    expect(q.decision).toBe('start-monotherapy');
    expect(q.orders[0]).toMatchObject({
      agent: 'amlodipine',
      doses: [{ doseMg: 5, timesPerDay: 1 }],
      action: 'start',
    });
  });
  it('grade 1 with diabetes (high risk) → drugs now, two-drug combination; target <130/80', () => {
    const p = proposeTreatment(input({ bp: { sbp: 150, dbp: 92 }, conditions: { diabetes: true } }));
    expect(p.decision).toBe('start-combination');
    expect(p.target).toMatchObject({ sbp: 130, dbp: 80 });
  });
  it('age ≥75 → amlodipine 2.5 mg, so no 5 mg SPC: separate pills', () => {
    const p = proposeTreatment(input({ age: 77 }));
    expect(p.decision).toBe('start-combination');
    expect(p.orders.map((o) => o.agent)).toEqual(['losartan', 'amlodipine']);
    expect(p.orders[1]?.doses[0]?.doseMg).toBe(2.5); // §5.1a 2.5 mg elderly
  });
  it('china-2024 uses the 2018 rules with a note', () => {
    const p = proposeTreatment(input({ guideline: 'china-2024' }));
    expect(p.decision).toBe('start-combination');
    expect(p.notes.some((n) => n.en.includes('China 2024'))).toBe(true);
  });
  it('BP below target, untreated → no drug', () => {
    expect(proposeTreatment(input({ bp: { sbp: 132, dbp: 84 } })).decision).toBe('no-drug');
  });
});

describe('initiation — ACC/AHA 2017 (§7.1 Figure 4) and ESH 2023 (§7.2)', () => {
  const acc = (over: Partial<TreatmentInput>) => input({ guideline: 'acc-aha-2017', ...over });
  it('stage 1 low risk → lifestyle; stage 1 with 10-y risk ≥10% → one drug', () => {
    expect(proposeTreatment(acc({ bp: { sbp: 134, dbp: 82 }, ascvdRisk10y: 0.05 })).decision).toBe(
      'lifestyle-first',
    );
    expect(proposeTreatment(acc({ bp: { sbp: 134, dbp: 82 }, ascvdRisk10y: 0.1 })).decision).toBe(
      'start-monotherapy',
    );
    expect(proposeTreatment(acc({ bp: { sbp: 134, dbp: 82 }, ascvdRisk10y: 0.05 })).followUpDays).toBe(90);
  });
  it('stage 2: >20/10 above target → two drugs; ≤20/10 → one', () => {
    expect(proposeTreatment(acc({ bp: { sbp: 151, dbp: 85 } })).decision).toBe('start-combination'); // 151−130 = 21 >20
    expect(proposeTreatment(acc({ bp: { sbp: 150, dbp: 90 } })).decision).toBe('start-monotherapy'); // 20/10 exactly
    expect(proposeTreatment(acc({ bp: { sbp: 150, dbp: 90 } })).followUpDays).toBe(30); // §7.1 1 month
  });
  it('CKD with albuminuria → ACEi preferred (ARB if not tolerated); combination uses an ACEi + CCB SPC', () => {
    const p = proposeTreatment(
      acc({ bp: { sbp: 158, dbp: 92 }, conditions: { ckd: true, albuminuria: true } }),
    );
    expect(p.preferred.map((x) => x.cls)).toEqual(['acei', 'arb']);
    expect(p.decision).toBe('start-combination');
    expect(p.orders[0]?.agent).toBe('amlodipine-benazepril');
    const mono = proposeTreatment(
      acc({ bp: { sbp: 136, dbp: 78 }, conditions: { ckd: true, albuminuria: true } }),
    );
    expect(mono.decision).toBe('start-monotherapy');
    expect(mono.orders[0]).toMatchObject({ agent: 'lisinopril', classes: ['acei'], doses: [{ doseMg: 10 }] });
    const cough = proposeTreatment(
      acc({
        bp: { sbp: 136, dbp: 78 },
        conditions: { ckd: true, albuminuria: true },
        intolerances: ['acei'],
      }),
    );
    expect(cough.orders[0]).toMatchObject({ agent: 'losartan', classes: ['arb'] });
  });
  it('China CKD with proteinuria also starts with a RAS blocker', () => {
    const p = proposeTreatment(
      input({
        bp: { sbp: 145, dbp: 88 },
        chinaRisk: 'medium',
        lifestyleMonths: 1,
        conditions: { ckd: true, albuminuria: true },
      }),
    );
    expect(classesOf(p).some((c) => c === 'acei' || c === 'arb')).toBe(true);
  });
  it('Black adults without HF/CKD → thiazide or CCB first', () => {
    const p = proposeTreatment(acc({ bp: { sbp: 142, dbp: 84 }, conditions: { blackAncestry: true } }));
    expect(p.decision).toBe('start-monotherapy');
    expect(p.orders[0]).toMatchObject({ agent: 'chlorthalidone', doses: [{ doseMg: 12.5 }] }); // §7.1 chlorthalidone preferred
  });
  it('ESH: grade 1 low risk <150/95 after lifestyle → monotherapy; grade 2 → two-drug SPC; age ≥80 → monotherapy', () => {
    const esh = (over: Partial<TreatmentInput>) => input({ guideline: 'esh-2023', ...over });
    expect(proposeTreatment(esh({ bp: { sbp: 145, dbp: 88 } })).decision).toBe('lifestyle-first');
    expect(proposeTreatment(esh({ bp: { sbp: 145, dbp: 88 }, lifestyleMonths: 3 })).decision).toBe(
      'start-monotherapy',
    );
    expect(proposeTreatment(esh({ bp: { sbp: 152, dbp: 88 }, lifestyleMonths: 3 })).decision).toBe(
      'start-combination',
    );
    expect(
      proposeTreatment(esh({ bp: { sbp: 145, dbp: 88 }, conditions: { diabetes: true } })).decision,
    ).toBe('start-combination');
    const g2 = proposeTreatment(esh({ bp: { sbp: 165, dbp: 95 } }));
    expect(g2.decision).toBe('start-combination');
    expect(g2.orders[0]?.components).toHaveLength(2);
    expect(proposeTreatment(esh({ age: 82, bp: { sbp: 165, dbp: 80 } })).decision).toBe('start-monotherapy');
    expect(proposeTreatment(esh({ age: 82, bp: { sbp: 155, dbp: 80 } })).decision).toBe('lifestyle-first');
  });
});

describe('contraindications (REFERENCE §5.2, §5.3, §6)', () => {
  it('pregnancy → labetalol + nifedipine ER; ACEi/ARB/MRA avoided', () => {
    const p = proposeTreatment(
      input({ sex: 'female', age: 30, bp: { sbp: 165, dbp: 105 }, conditions: { pregnancy: true } }),
    );
    expect(p.orders.map((o) => o.agent)).toEqual(['labetalol', 'nifedipine']);
    expect(p.orders[0]?.doses[0]).toEqual({ agent: 'labetalol', doseMg: 200, timesPerDay: 2 }); // 100 mg bid
    expect(p.orders[0]?.display.en).toContain('100 mg twice daily');
    expect(p.orders[1]?.doses[0]?.doseMg).toBe(30); // §5.1a nifedipine ER 30 mg
    expect(avoidedOf(p)).toEqual(expect.arrayContaining(['acei', 'arb', 'mra']));
    expect(classesOf(p)).not.toContain('acei');
    expect(classesOf(p)).not.toContain('arb');
    const mono = proposeTreatment(
      input({
        sex: 'female',
        age: 30,
        bp: { sbp: 150, dbp: 95 },
        chinaRisk: 'low',
        lifestyleMonths: 3,
        conditions: { pregnancy: true, asthma: true },
      }),
    );
    expect(mono.orders.map((o) => o.agent)).toEqual(['nifedipine']);
  });
  it('possible pregnancy → ACEi/ARB avoided', () => {
    const p = proposeTreatment(input({ sex: 'female', age: 30, conditions: { pregnancyPossible: true } }));
    expect(avoidedOf(p)).toEqual(expect.arrayContaining(['acei', 'arb']));
    expect(p.orders.map((o) => o.agent)).toEqual(['amlodipine', 'hydrochlorothiazide']);
  });
  it('gout → thiazide avoided, never proposed', () => {
    const p = proposeTreatment(input({ conditions: { gout: true } }));
    expect(p.avoided.find((a) => a.cls === 'thiazide')?.source).toContain('中国高血压防治指南 2018');
    const add = proposeTreatment(
      input({
        bp: { sbp: 150, dbp: 95 },
        conditions: { gout: true },
        current: [med('amlodipine', 'ccb-dhp', 10), med('losartan', 'arb', 100)],
      }),
    );
    expect(add.decision).toBe('add-class');
    expect(classesOf(add)).not.toContain('thiazide');
    expect(add.orders[0]?.agent).toBe('bisoprolol');
  });
  it('K⁺ 5.6 → ACEi/ARB avoided (and MRA); combination is CCB + thiazide', () => {
    const p = proposeTreatment(input({ labs: { potassium: 5.6, egfr: 80 } }));
    expect(avoidedOf(p)).toEqual(expect.arrayContaining(['acei', 'arb', 'mra']));
    expect(p.orders.map((o) => o.agent)).toEqual(['amlodipine', 'hydrochlorothiazide']);
    expect(proposeTreatment(input({ labs: { potassium: 5.5 } })).avoided.map((a) => a.cls)).toEqual(['mra']); // 5.5 not >5.5; >5.0
  });
  it('angioedema → ACEi avoided; bilateral RAS → ACEi and ARB avoided', () => {
    expect(avoidedOf(proposeTreatment(input({ conditions: { angioedemaHistory: true } })))).toEqual(['acei']);
    expect(
      avoidedOf(proposeTreatment(input({ conditions: { bilateralRenalArteryStenosis: true } }))),
    ).toEqual(['acei', 'arb']);
  });
  it('eGFR 25 → thiazide and MRA avoided, loop diuretic used', () => {
    const p = proposeTreatment(
      input({
        bp: { sbp: 150, dbp: 95 },
        labs: { egfr: 25, potassium: 4.5 },
        conditions: { ckd: true },
        current: [med('amlodipine', 'ccb-dhp', 10), med('losartan', 'arb', 100)],
      }),
    );
    expect(avoidedOf(p)).toEqual(expect.arrayContaining(['thiazide', 'mra']));
    expect(p.orders[0]).toMatchObject({
      agent: 'furosemide',
      classes: ['loop'],
      doses: [{ doseMg: 40, timesPerDay: 2 }],
    });
  });
  it('asthma, AV block, bradycardia, HFrEF', () => {
    expect(avoidedOf(proposeTreatment(input({ conditions: { asthma: true } })))).toEqual(['beta-blocker']);
    expect(avoidedOf(proposeTreatment(input({ conditions: { avBlock: true } })))).toEqual([
      'ccb-nondhp',
      'beta-blocker',
    ]);
    expect(avoidedOf(proposeTreatment(input({ conditions: { bradycardia: true } })))).toEqual([
      'ccb-nondhp',
      'beta-blocker',
    ]);
    const hf = proposeTreatment(input({ conditions: { heartFailureReducedEf: true } }));
    expect(avoidedOf(hf)).toEqual(['ccb-nondhp']);
    expect(hf.preferred.map((x) => x.cls)).toContain('beta-blocker');
    expect(hf.orders.map((o) => o.agent)).toEqual(['losartan', 'bisoprolol']);
  });
  it('never ACEi + ARB: on lisinopril, ARB avoided and a diuretic/CCB is added instead', () => {
    const p = proposeTreatment(
      input({
        bp: { sbp: 150, dbp: 95 },
        current: [med('lisinopril', 'acei', 40), med('amlodipine', 'ccb-dhp', 10)],
      }),
    );
    expect(p.avoided.find((a) => a.cls === 'arb')?.source).toBe(ACEI_ARB_SOURCE);
    expect(p.decision).toBe('add-class');
    expect(p.orders[0]).toMatchObject({ agent: 'hydrochlorothiazide', action: 'add' });
    expect(classesOf(p)).not.toContain('arb');
  });
  it('current agent now contraindicated → never "maintain": K⁺ 5.8 on losartan 50 → reduce (issue 17)', () => {
    const p = proposeTreatment(
      input({ bp: { sbp: 130, dbp: 80 }, labs: { potassium: 5.8 }, current: [med('losartan', 'arb', 50)] }),
    );
    expect(p.decision).toBe('change-regimen');
    expect(p.orders[0]).toMatchObject({
      action: 'reduce',
      agent: 'losartan',
      fromDoseMg: 50,
      doses: [{ doseMg: 25 }],
    });
  });
  it('caution only (possible pregnancy) on losartan → review note, regimen kept', () => {
    const p = proposeTreatment(
      input({
        sex: 'female',
        age: 30,
        bp: { sbp: 130, dbp: 80 },
        conditions: { pregnancyPossible: true },
        current: [med('losartan', 'arb', 50)],
      }),
    );
    expect(p.decision).toBe('maintain');
    expect(p.notes.some((n) => n.en.startsWith('Review current Losartan'))).toBe(true);
  });
});

describe('intensification', () => {
  it('amlodipine 5 mg above target → increase to 10 mg (§5.1a max 10)', () => {
    const p = proposeTreatment(
      input({ bp: { sbp: 150, dbp: 92 }, current: [med('amlodipine', 'ccb-dhp', 5)] }),
    );
    expect(p.decision).toBe('increase-dose');
    expect(p.orders[0]).toMatchObject({
      agent: 'amlodipine',
      action: 'increase',
      fromDoseMg: 5,
      doses: [{ doseMg: 10 }],
    });
    expect(p.followUpDays).toBe(28);
  });
  it('losartan 50 → 100; amlodipine at 10 → add ARB', () => {
    const p = proposeTreatment(input({ bp: { sbp: 150, dbp: 92 }, current: [med('losartan', 'arb', 50)] }));
    expect(p.orders[0]).toMatchObject({ agent: 'losartan', fromDoseMg: 50, doses: [{ doseMg: 100 }] });
    const q = proposeTreatment(
      input({ bp: { sbp: 150, dbp: 92 }, current: [med('amlodipine', 'ccb-dhp', 10)] }),
    );
    expect(q.decision).toBe('add-class');
    expect(q.orders[0]).toMatchObject({ agent: 'losartan', action: 'add', doses: [{ doseMg: 50 }] });
  });
  it('ESH: on one drug → add a class (step 1 dual), not up-titrate', () => {
    const p = proposeTreatment(
      input({ guideline: 'esh-2023', bp: { sbp: 145, dbp: 85 }, current: [med('amlodipine', 'ccb-dhp', 5)] }),
    );
    expect(p.decision).toBe('add-class');
    expect(p.orders[0]?.classes).toEqual(['arb']);
  });
  it('three classes incl. a diuretic, one below max → increase first', () => {
    const p = proposeTreatment(
      input({
        bp: { sbp: 150, dbp: 92 },
        current: [
          med('amlodipine', 'ccb-dhp', 10),
          med('losartan', 'arb', 100),
          med('hydrochlorothiazide', 'thiazide', 12.5),
        ],
      }),
    );
    expect(p.decision).toBe('increase-dose');
    expect(p.orders[0]).toMatchObject({ agent: 'hydrochlorothiazide', doses: [{ doseMg: 25 }] });
  });
  const triple = [
    med('amlodipine', 'ccb-dhp', 10),
    med('losartan', 'arb', 100),
    med('hydrochlorothiazide', 'thiazide', 50),
  ];
  it('three classes incl. diuretic at max, K⁺ 4.2, eGFR 60 → resistant review + spironolactone 25 mg', () => {
    const p = proposeTreatment(
      input({ bp: { sbp: 150, dbp: 92 }, current: triple, labs: { potassium: 4.2, egfr: 60 } }),
    );
    expect(p.decision).toBe('resistant-review');
    expect(p.orders).toHaveLength(1);
    expect(p.orders[0]).toMatchObject({
      agent: 'spironolactone',
      classes: ['mra'],
      action: 'add',
      doses: [{ doseMg: 25 }],
    });
    expect(p.notes.some((n) => n.en.includes('pseudo-resistance'))).toBe(true);
    expect(p.notes.some((n) => n.en.includes('1 week and 1 month'))).toBe(true);
  });
  it.each([[{ potassium: 4.6, egfr: 60 }], [{ potassium: 4.5, egfr: 45 }], [{ egfr: 60 }], [undefined]])(
    'spironolactone only when K⁺ ≤4.5 and eGFR >45 — not for %j',
    (labs) => {
      const p = proposeTreatment(
        input({ bp: { sbp: 150, dbp: 92 }, current: triple, ...(labs ? { labs } : {}) }),
      );
      expect(p.decision).toBe('resistant-review');
      expect(p.orders).toEqual([]);
      expect(p.notes.some((n) => n.en.startsWith('Spironolactone not proposed'))).toBe(true);
    },
  );
  it('K⁺ exactly 4.5 and eGFR 46 qualifies', () => {
    const p = proposeTreatment(
      input({ bp: { sbp: 150, dbp: 92 }, current: triple, labs: { potassium: 4.5, egfr: 46 } }),
    );
    expect(p.orders[0]?.agent).toBe('spironolactone');
  });
  it('three classes without a diuretic → add the diuretic', () => {
    const p = proposeTreatment(
      input({
        bp: { sbp: 150, dbp: 92 },
        current: [
          med('amlodipine', 'ccb-dhp', 10),
          med('losartan', 'arb', 100),
          med('bisoprolol', 'beta-blocker', 10),
        ],
      }),
    );
    expect(p.decision).toBe('add-class');
    expect(p.orders[0]?.agent).toBe('hydrochlorothiazide');
  });
  it('at target on treatment → maintain, follow-up 90 days', () => {
    const p = proposeTreatment(
      input({ bp: { sbp: 132, dbp: 82 }, current: [med('amlodipine', 'ccb-dhp', 5)] }),
    );
    expect(p.decision).toBe('maintain');
    expect(p.orders).toEqual([]);
    expect(p.followUpDays).toBe(90);
  });
});

describe('followUpDays (REFERENCE §7.4)', () => {
  it('start/change vs controlled per guideline', () => {
    expect(followUpDays('acc-aha-2017', true).days).toBe(30);
    expect(followUpDays('acc-aha-2017', false).days).toBe(90);
    expect(followUpDays('esh-2023', true).days).toBe(28);
    expect(followUpDays('esh-2023', false).days).toBe(90);
    expect(followUpDays('china-2018', true).days).toBe(28);
    expect(followUpDays('china-2024', false).days).toBe(90);
    expect(followUpDays('esh-2023', true).source).toBe(
      'clinician judgement: follow up 4 weeks after a start or change',
    ); // REFERENCE §7.4 UNVERIFIED
  });
});
