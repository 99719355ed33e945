/**
 * Issue 20 (a non-author try): the allergy answer "抽烟，一天半包…吃得比较咸" became allergies "一天半包" and
 * "吃得比较咸" sent to the pharmacist, and the medication answer "对青霉素过敏" became a medicine taken. Habits,
 * amounts and lifestyle words are never allergies; "对X过敏" in any answer is an allergy, never a medication.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { allergiesInAnswer } from './intake-allergies.ts';
import { intakeResources, medicationsIn } from './intake.ts';

const drugs = createDrugKnowledgeBase();
const texts = (answer: string) => allergiesInAnswer(answer, drugs).map((a) => a.text);

describe('the allergy answer names substances, never habits', () => {
  it.each([
    '抽烟，一天半包，吃得比较咸',
    '抽烟，一天半包…吃得比较咸',
    '一天半包',
    '吃得比较咸',
    '口味重，爱吃辣',
    '喝酒，一周两三次',
    '每周跑步三次',
    'I smoke half a pack a day and eat salty food',
    'a pack a day',
    'salty food',
  ])('%s → no allergy', (answer) => {
    expect(texts(answer)).toEqual([]);
  });

  it('keeps real allergens said beside a habit', () => {
    expect(allergiesInAnswer('抽烟，一天半包，对青霉素过敏', drugs).map((a) => a.key)).toEqual([
      'penicillin',
    ]);
    expect(allergiesInAnswer('青霉素，另外我抽烟', drugs).map((a) => a.key)).toEqual(['penicillin']);
    expect(allergiesInAnswer('吃得比较咸，海鲜过敏', drugs).map((a) => a.key)).toEqual(['seafood']);
  });

  it('keeps an unknown substance the patient names as allergic', () => {
    expect(texts('对酒精棉过敏')).toEqual(['酒精棉']);
    expect(texts('芒果')).toEqual(['芒果']);
    expect(texts('桃子')).toEqual(['桃子']);
  });
});

describe('a medication answer that says 对X过敏', () => {
  it('is no medication', () => {
    expect(medicationsIn('对青霉素过敏', drugs)).toEqual([]);
    expect(medicationsIn('吃氨氯地平5mg，对青霉素过敏', drugs).map((m) => m.drugId)).toEqual([
      medicationsIn('氨氯地平5mg', drugs)[0]!.drugId,
    ]);
    expect(medicationsIn('allergic to penicillin', drugs)).toEqual([]);
  });

  it('yields a patient-reported allergy, and the allergy answer no habit allergies', () => {
    const { drafts } = intakeResources({
      patientId: 'p1',
      consultationId: 'c1',
      answers: { medications: '对青霉素过敏', allergies: '抽烟，一天半包…吃得比较咸' },
      language: 'zh',
      now: '2026-12-07T10:00:00Z',
      drugs,
    });
    expect(drafts.filter((d) => d.resourceType === 'MedicationStatement')).toEqual([]);
    const allergies = drafts.filter((d) => d.resourceType === 'AllergyIntolerance') as unknown as {
      code: { text: string };
      verificationStatus: { coding: { code: string }[] };
    }[];
    expect(allergies.map((a) => a.code.text)).toEqual(['Penicillin']);
    expect(allergies[0]!.verificationStatus.coding[0]!.code).toBe('unconfirmed');
  });
});
