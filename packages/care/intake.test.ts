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
