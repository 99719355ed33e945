import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { validateResource } from '@qihuang/fhir';
import { allergiesIn, deniesAllergies } from './intake-allergies.ts';
import { intakeResources } from './intake.ts';

const drugs = createDrugKnowledgeBase();
const keys = (text: string) => allergiesIn(text, drugs).map((a) => a.key);

describe('intake reads allergies (issue 20)', () => {
  it.each([
    // zh frames
    ['对青霉素过敏', ['penicillin']],
    ['我对青霉素过敏', ['penicillin']],
    ['高血压5年，青霉素过敏', ['penicillin']],
    ['青霉素和头孢都过敏', ['penicillin', 'cephalosporin']],
    ['过敏史：青霉素、磺胺', ['penicillin', 'sulfonamide']],
    ['吃阿司匹林后起皮疹', ['drug:aspirin']],
    ['以前用了卡托普利以后，喉头水肿', ['drug:captopril']],
    ['输头孢呋辛时呼吸困难', ['drug:cefuroxime']],
    ['对海鲜过敏，花生也过敏', ['seafood', 'peanut']],
    ['鸡蛋过敏', ['egg']],
    ['做CT时对碘造影剂过敏', ['iodinated-contrast']],
    ['没有药物过敏，但对海鲜过敏', ['seafood']],
    ['可能对磺胺过敏', ['sulfonamide']],
    ['对普利类药过敏', ['ace-inhibitor']],
    // en frames
    ['I am allergic to penicillin', ['penicillin']],
    ['allergic to penicillin and latex', ['penicillin', 'latex']],
    ['I have a sulfa allergy', ['sulfonamide']],
    ['Allergies: peanuts, shellfish', ['peanut', 'seafood']],
    ['I had a rash after amoxicillin years ago', ['drug:amoxicillin']],
    ['hives from lisinopril', ['drug:lisinopril']],
    ['After ibuprofen, I got hives', ['drug:ibuprofen']],
    ['No allergies except penicillin', ['penicillin']],
    ['除了青霉素，没有别的过敏', ['penicillin']],
    ['除青霉素外都不过敏', ['penicillin']],
  ])('%s → %j', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it.each([
    // denied
    '无过敏史',
    '没有药物过敏',
    '否认药物过敏史',
    '过敏史：无',
    '对青霉素不过敏',
    '我对青霉素没有过敏',
    'denies allergies',
    'NKDA',
    'no known drug allergies',
    'I am not allergic to penicillin',
    // a relative's
    '我妈对青霉素过敏',
    '父亲吃阿司匹林后起皮疹',
    'My mother is allergic to penicillin',
    // hypothetical
    '如果对青霉素过敏怎么办',
    'What if I am allergic to penicillin?',
    // no allergy said
    '高血压5年，糖尿病3年',
    '氨氯地平 5mg 每天一次',
    '我容易过敏',
  ])('%s → nothing', (text) => {
    expect(keys(text)).toEqual([]);
  });

  it('keeps an allergy to a substance it does not know, in the patient words, after an explicit 对', () => {
    const [a] = allergiesIn('我对桃子过敏', drugs);
    expect(a).toMatchObject({ key: 'text:桃子', text: '桃子' });
    expect(a?.category).toBeUndefined();
  });

  it('says a denial', () => {
    expect(deniesAllergies('无过敏史')).toBe(true);
    expect(deniesAllergies('denies allergies')).toBe(true);
    expect(deniesAllergies('对青霉素过敏')).toBe(false);
  });

  it('reads reaction, doubt and the quote', () => {
    const [a] = allergiesIn('高血压5年。以前吃阿司匹林后起皮疹。', drugs);
    expect(a).toMatchObject({ reaction: '皮疹', quote: '以前吃阿司匹林后起皮疹', drugId: 'aspirin' });
    expect(allergiesIn('可能对磺胺过敏', drugs)[0]?.uncertain).toBe(true);
  });
});

interface Draft {
  id: string;
  code: { text: string; coding: { system: string; code: string }[] };
  note: { text: string }[];
  reaction: { manifestation: { text: string }[] }[];
}

describe('intake drafts an AllergyIntolerance per reported allergy', () => {
  const build = (answers: Parameters<typeof intakeResources>[0]['answers']) =>
    intakeResources({
      patientId: 'p1',
      consultationId: 'consult-a',
      answers,
      language: 'zh',
      now: '2026-03-10T04:00:00Z',
      drugs,
    }).drafts.filter((d) => d.resourceType === 'AllergyIntolerance') as unknown as Draft[];

  it('"对青霉素过敏" written under history: unconfirmed, active, the patient as recorder and asserter', () => {
    const [a, ...rest] = build({ history: '高血压5年，对青霉素过敏', medications: '氨氯地平 5mg' });
    expect(rest).toHaveLength(0);
    expect(validateResource(a as never).filter((i) => i.severity === 'error')).toEqual([]);
    expect(a).toMatchObject({
      id: 'consult-a-allergy-penicillin',
      clinicalStatus: { coding: [{ code: 'active' }] },
      verificationStatus: { coding: [{ code: 'unconfirmed' }] },
      category: ['medication'],
      code: { text: 'Penicillin' },
      patient: { reference: 'Patient/p1' },
      recorder: { reference: 'Patient/p1' },
      asserter: { reference: 'Patient/p1' },
      meta: { tag: [{ code: 'patient-reported' }] },
    });
    expect(a?.note[0]?.text).toContain('对青霉素过敏');
    // The prescription review engine matches the text to the penicillin group (kb.matchAllergen).
    expect(drugs.matchAllergen({ text: a?.code.text }).groups).toContain('penicillin');
  });

  it('a KB drug is coded (urn:qihuang:drug and RxNorm); one draft per substance across answers', () => {
    const found = build({
      history: '吃卡托普利后喉头水肿',
      medications: '氨氯地平；卡托普利过敏',
      lifestyle: '不吸烟，海鲜过敏',
    });
    expect(found.map((a) => a.id)).toEqual(['consult-a-allergy-captopril', 'consult-a-allergy-seafood']);
    expect(found[0]?.code.coding.map((c) => c.code)).toEqual(['captopril', '1998']);
    // The reaction coded and named in both languages (the en chart showed the patient's Chinese words).
    expect(found[0]?.reaction[0]?.manifestation[0]).toMatchObject({
      text: 'Laryngeal edema',
      coding: [{ system: 'http://snomed.info/sct', code: '51599000' }],
    });
    expect(JSON.stringify(found[0]?.reaction[0]?.manifestation[0])).toContain('喉头水肿');
    expect(found[1]).toMatchObject({ category: ['food'], code: { text: 'Seafood' } });
  });

  it('a drug named as an allergy is not a medicine taken', () => {
    const { drafts } = intakeResources({
      patientId: 'p1',
      consultationId: 'consult-a',
      answers: { medications: '氨氯地平 5mg 每天一次，吃卡托普利后喉头水肿' },
      language: 'zh',
      now: '2026-03-10T04:00:00Z',
      drugs,
    });
    expect(drafts.map((d) => d.id)).toEqual(['consult-a-med-0', 'consult-a-allergy-captopril']);
  });

  it('a denial, a relative and a question record no allergy', () => {
    expect(
      build({
        history: '无过敏史',
        'family-history': '我妈对青霉素过敏',
        symptoms: '如果对青霉素过敏怎么办',
      }),
    ).toEqual([]);
  });
});
