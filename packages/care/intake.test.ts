import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { validateResource } from '@qihuang/fhir';
import {
  conditionsIn,
  intakeResources,
  lifestyleIn,
  medicationsIn,
  mentioned,
  readingsIn,
} from './intake.ts';

const drugs = createDrugKnowledgeBase();

describe('intake extraction', () => {
  it.each([
    ['高血压5年，糖尿病3年', ['hypertension', 'diabetes']],
    ['没有糖尿病，有痛风', ['gout']],
    ['否认冠心病、脑卒中。高血脂', ['hyperlipidemia']],
    ['I have diabetes but no kidney disease', ['diabetes']],
    ['never had a stroke; asthma since childhood', ['asthma']],
    ['无', []],
  ])('conditions in %s', (text, keys) => {
    expect(conditionsIn(text).map((c) => c.key)).toEqual(keys);
  });

  it('keeps a negation to its own clause', () => {
    expect(mentioned('没有头痛，胸痛', '胸痛')).toBe('胸痛');
    expect(mentioned('没有胸痛', '胸痛')).toBeUndefined();
  });

  it('reads blood-pressure pairs and drops implausible ones', () => {
    expect(readingsIn('早上 152/96，晚上148／94，还有 80/120 和 999/20')).toEqual([
      { sbp: 152, dbp: 96 },
      { sbp: 148, dbp: 94 },
    ]);
  });

  it('matches medications in Chinese and English against the drug knowledge base', () => {
    const found = medicationsIn('氨氯地平 5mg 每天一次，二甲双胍 500mg bid; atorvastatin 20 mg', drugs);
    expect(found.map((m) => m.drugId)).toEqual(['amlodipine', 'metformin', 'atorvastatin']);
    expect(medicationsIn('没有', drugs)).toEqual([]);
  });

  it('reads lifestyle facts', () => {
    expect(lifestyleIn('不吸烟，偶尔喝啤酒，口味偏咸，身高170cm，体重82kg，每周运动90分钟')).toEqual({
      smoker: false,
      alcohol: true,
      salty: true,
      heightCm: 170,
      weightKg: 82,
      exerciseMinutesPerWeek: 90,
    });
    expect(lifestyleIn('抽烟20年，体重160斤').smoker).toBe(true);
    expect(lifestyleIn('抽烟20年，体重160斤').weightKg).toBe(80);
    // A try answered "non-smoker, drink a little" and got a smoker on the chart.
    expect(lifestyleIn('non-smoker, drink a little').smoker).toBe(false);
    expect(lifestyleIn('Nonsmoker, no alcohol').smoker).toBe(false);
    expect(lifestyleIn('I smoke 10 a day').smoker).toBe(true);
  });

  it('builds valid R4 resources marked patient-reported', () => {
    const { questionnaireResponse, drafts } = intakeResources({
      patientId: 'p1',
      consultationId: 'consult-1',
      answers: {
        symptoms: '头晕',
        history: '高血压，糖尿病',
        medications: '氨氯地平 5mg',
        lifestyle: '吸烟，身高170cm，体重70kg',
        'home-readings': '150/95',
      },
      language: 'zh',
      now: '2026-03-10T04:00:00Z',
      drugs,
    });
    for (const resource of [questionnaireResponse, ...drafts]) {
      expect(validateResource(resource).filter((i) => i.severity === 'error')).toEqual([]);
      expect(JSON.stringify(resource)).toContain('patient-reported');
    }
    expect(drafts.map((d) => d.resourceType)).toEqual([
      'Condition',
      'Condition',
      'MedicationStatement',
      'Observation',
      'Observation',
      'Observation',
      'Observation',
    ]);
    expect((questionnaireResponse as unknown as { item: unknown[] }).item).toHaveLength(5);
  });
});

describe('intake reads negation, history, hypothesis and family (issue 16)', () => {
  const build = (answers: Parameters<typeof intakeResources>[0]['answers'], familyHistory = false) =>
    intakeResources({
      patientId: 'p1',
      consultationId: 'consult-2',
      answers,
      language: 'zh',
      now: '2026-03-10T04:00:00Z',
      drugs,
      familyHistory,
    });
  const conditionCodes = (drafts: { resourceType: string }[]) =>
    drafts
      .filter((d) => d.resourceType === 'Condition')
      .map((d) => {
        const c = d as unknown as {
          code: { coding: { code: string }[] };
          clinicalStatus: { coding: { code: string }[] };
        };
        return `${c.code.coding[0]?.code}:${c.clinicalStatus.coding[0]?.code}`;
      });

  it('"高血压5年，糖尿病没有" creates no Diabetes', () => {
    expect(conditionsIn('高血压5年，糖尿病没有').map((c) => c.key)).toEqual(['hypertension']);
    const { drafts } = build({ history: '高血压5年，糖尿病没有' });
    expect(conditionCodes(drafts)).toEqual(['38341003:active']);
  });

  it.each([
    ['如果得了糖尿病怎么办', []],
    ['可能有点血糖高，没查过', []],
    ['我爸有高血压，我有糖尿病', ['diabetes']],
    ['hypertension for 5 years, no diabetes', ['hypertension']],
    ['my mother has diabetes', []],
  ])('active conditions in %s', (text, keys) => {
    expect(conditionsIn(text).map((c) => c.key)).toEqual(keys);
  });

  it('a past condition is recorded as inactive, not active', () => {
    const { drafts } = build({ history: '以前得过脑梗，现在有高血压' });
    expect(conditionCodes(drafts).sort()).toEqual(['230690007:inactive', '38341003:active']);
  });

  it('relatives’ conditions: FamilyMemberHistory when enabled, otherwise not at all; never the patient’s Condition', () => {
    const answers = {
      history: '我爸有高血压，我有糖尿病',
      'family-history': '父亲高血压，母亲糖尿病，兄弟姐妹没有',
    };
    const off = build(answers);
    expect(off.drafts.some((d) => d.resourceType === 'FamilyMemberHistory')).toBe(false);
    expect(conditionCodes(off.drafts)).toEqual(['73211009:active']);
    const on = build(answers, true);
    const fmh = on.drafts.filter((d) => d.resourceType === 'FamilyMemberHistory') as unknown as {
      relationship: { coding: { code: string }[] };
      condition: { code: { coding: { code: string }[] } }[];
    }[];
    expect(
      fmh.map((f) => `${f.relationship.coding[0]?.code}:${f.condition[0]?.code.coding[0]?.code}`),
    ).toEqual(['FTH:38341003', 'MTH:73211009']);
    for (const r of [on.questionnaireResponse, ...on.drafts]) {
      expect(validateResource(r).filter((i) => i.severity === 'error')).toEqual([]);
      expect(JSON.stringify(r)).toContain('patient-reported');
    }
    for (const c of on.drafts.filter((d) => d.resourceType === 'Condition'))
      expect(JSON.stringify(c)).toContain('"unconfirmed"');
  });

  it('FamilyMemberHistory by default: status partial, about the patient, patient-reported; the writer’s own items in the family answer are their Conditions', () => {
    const { drafts } = intakeResources({
      patientId: 'p1',
      consultationId: 'consult-3',
      answers: { 'family-history': '父亲高血压，我自己也有糖尿病，母亲没有中风' },
      language: 'zh',
      now: '2026-03-10T04:00:00Z',
      drugs,
    });
    const fmh = drafts.filter((d) => d.resourceType === 'FamilyMemberHistory') as unknown as {
      status: string;
      patient: { reference: string };
      relationship: { coding: { code: string }[] };
      condition: { code: { coding: { code: string }[] } }[];
      meta: unknown;
    }[];
    expect(
      fmh.map((f) => `${f.relationship.coding[0]?.code}:${f.condition[0]?.code.coding[0]?.code}`),
    ).toEqual(['FTH:38341003']);
    expect(fmh[0]).toMatchObject({ status: 'partial', patient: { reference: 'Patient/p1' } });
    expect(JSON.stringify(fmh[0]!.meta)).toContain('patient-reported');
    expect(conditionCodes(drafts)).toEqual(['73211009:active']);
    expect(JSON.stringify(drafts.find((d) => d.resourceType === 'Condition'))).toContain('"unconfirmed"');
  });

  it('draft ids stay ≤64 characters and distinct (two relatives with the same condition)', () => {
    const { drafts } = intakeResources({
      patientId: 'p1',
      consultationId: 'consult-0b7e6a52-3c1d-4f7e-9a55-2f8c1d9e4b61',
      answers: { history: '房颤多年，以前有过房颤', 'family-history': '父亲高血脂，母亲高血脂' },
      language: 'zh',
      now: '2026-03-10T04:00:00Z',
      drugs,
    });
    const ids = drafts.map((d) => String(d.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of ids) expect(i.length).toBeLessThanOrEqual(64);
    expect(drafts.filter((d) => d.resourceType === 'FamilyMemberHistory')).toHaveLength(2);
  });

  it('people in reports and other people’s relatives are recorded nowhere', () => {
    const { drafts } = build(
      { history: '同事的爸爸中风了，我有高血压', 'family-history': '新闻说有人得了糖尿病' },
      true,
    );
    expect(conditionCodes(drafts)).toEqual(['38341003:active']);
    expect(drafts.some((d) => d.resourceType === 'FamilyMemberHistory')).toBe(false);
  });

  it('denied, hypothetical and past items never become an active Condition or a current MedicationStatement', () => {
    const { drafts } = build({
      history: '糖尿病没有，否认冠心病，如果中风怎么办，以前得过痛风',
      medications: '没吃过阿司匹林，以前吃过氨氯地平，万一头疼吃卡托普利',
    });
    expect(conditionCodes(drafts)).toEqual(['90560007:inactive']);
    const meds = drafts.filter((d) => d.resourceType === 'MedicationStatement') as unknown as {
      status: string;
      medicationCodeableConcept: { coding: { code: string }[] };
    }[];
    expect(meds.map((m) => `${m.medicationCodeableConcept.coding[0]?.code}:${m.status}`)).toEqual([
      'amlodipine:completed',
    ]);
  });

  it('medicines: denied, hypothetical and relatives’ are left out; past ones are completed', () => {
    expect(medicationsIn('没吃阿司匹林，在吃氨氯地平', drugs).map((m) => `${m.drugId}:${m.status}`)).toEqual([
      'amlodipine:active',
    ]);
    expect(
      medicationsIn('以前吃过硝苯地平，现在吃缬沙坦', drugs).map((m) => `${m.drugId}:${m.status}`),
    ).toEqual(['nifedipine:completed', 'valsartan:active']);
    expect(medicationsIn('我妈吃缬沙坦', drugs)).toEqual([]);
    expect(medicationsIn('如果血压高就吃卡托普利', drugs)).toEqual([]);
    const { drafts } = build({ medications: '以前吃过硝苯地平，现在吃缬沙坦' });
    expect(drafts.map((d) => (d as unknown as { status: string }).status)).toEqual(['completed', 'active']);
  });

  it('readings in any common form; relatives’, hypothetical and (by default) past ones are left out', () => {
    expect(readingsIn('高压150低压95')).toEqual([{ sbp: 150, dbp: 95 }]);
    expect(readingsIn('血压 150 over 95')).toEqual([{ sbp: 150, dbp: 95 }]);
    expect(readingsIn('我妈血压200/120')).toEqual([]);
    expect(readingsIn('以前最高200/120')).toEqual([]);
    expect(readingsIn('以前最高200/120', { includePast: true })).toEqual([{ sbp: 200, dbp: 120 }]);
  });
});
