/**
 * Issue 20: the consultation asks about allergies (its own step); the answer to that question is read as an
 * allergy list ("青霉素，起皮疹" names penicillin with a rash), while "无"/"没有过敏" record nothing and a relative's
 * allergy is not the patient's.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { validateResource } from '@qihuang/fhir';
import { allergiesInAnswer } from './intake-allergies.ts';
import { INTAKE_STEPS, QUESTIONS, intakeResources } from './intake.ts';

const drugs = createDrugKnowledgeBase();
const keys = (text: string) => allergiesInAnswer(text, drugs).map((a) => a.key);

describe('the allergy question', () => {
  it('a habit answered by mistake is no allergy (a try got "偶尔喝酒" sent to the pharmacist as an allergy)', () => {
    expect(keys('不抽烟，偶尔喝酒')).toEqual([]);
    expect(keys('non-smoker, drink sometimes')).toEqual([]);
    expect(keys('每天喝茶')).toEqual([]);
    expect(keys('青霉素')).toHaveLength(1);
  });

  it('is a step of its own, after the medicines, asked in both languages', () => {
    expect(INTAKE_STEPS).toEqual([
      'symptoms',
      'history',
      'family-history',
      'medications',
      'allergies',
      'lifestyle',
      'home-readings',
    ]);
    expect(QUESTIONS.allergies.zh).toMatch(/过敏/);
    expect(QUESTIONS.allergies.en).toMatch(/allergic/);
    expect(QUESTIONS.allergies.en).not.toMatch(/\p{Script=Han}/u);
  });

  it.each([
    ['青霉素', ['penicillin']],
    ['青霉素，起皮疹', ['penicillin']],
    ['青霉素、头孢', ['penicillin', 'cephalosporin']],
    ['海鲜和花生', ['seafood', 'peanut']],
    ['阿司匹林', ['drug:aspirin']],
    ['对青霉素过敏', ['penicillin']],
    ['penicillin, rash', ['penicillin']],
    ['sulfa and latex', ['sulfonamide', 'latex']],
    ['I am allergic to penicillin', ['penicillin']],
    ['可能是磺胺', ['sulfonamide']],
    ['桃子', ['text:桃子']],
  ])('%s → %j', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it.each([
    '无',
    '没有',
    '没有过敏',
    '无过敏史',
    '不知道',
    '不过敏',
    '从来没过敏过',
    '我妈对青霉素过敏',
    '我妈青霉素过敏，我没有',
    'none',
    'No',
    'no allergies',
    'NKDA',
    "I don't think so",
    'not that I know of',
    'my mother is allergic to penicillin',
    '起皮疹',
  ])('%s → nothing', (text) => {
    expect(keys(text)).toEqual([]);
  });

  it('keeps the reaction and quotes the patient’s own words', () => {
    const [a] = allergiesInAnswer('青霉素，起皮疹', drugs);
    expect(a).toMatchObject({ key: 'penicillin', reaction: '皮疹', quote: '青霉素，起皮疹' });
    expect(allergiesInAnswer('可能是磺胺', drugs)[0]?.uncertain).toBe(true);
  });

  it('the answer becomes an unconfirmed AllergyIntolerance; "没有" records none', () => {
    const build = (allergies: string) =>
      intakeResources({
        patientId: 'p1',
        consultationId: 'consult-s',
        answers: { history: '高血压5年', allergies },
        language: 'zh',
        now: '2026-03-10T04:00:00Z',
        drugs,
      });
    const { drafts, questionnaireResponse } = build('青霉素，起皮疹');
    const allergies = drafts.filter((d) => d.resourceType === 'AllergyIntolerance');
    expect(allergies).toHaveLength(1);
    expect(validateResource(allergies[0] as never).filter((i) => i.severity === 'error')).toEqual([]);
    expect(allergies[0]).toMatchObject({
      id: 'consult-s-allergy-penicillin',
      verificationStatus: { coding: [{ code: 'unconfirmed' }] },
      code: { text: 'Penicillin' },
      reaction: [{ manifestation: [{ text: 'Rash', coding: [{ code: '271807003' }] }] }],
    });
    expect(JSON.stringify(questionnaireResponse)).toContain('"linkId":"allergies"');
    expect(build('没有').drafts.filter((d) => d.resourceType === 'AllergyIntolerance')).toEqual([]);
    expect(build('我妈对青霉素过敏').drafts.filter((d) => d.resourceType === 'AllergyIntolerance')).toEqual(
      [],
    );
  });
});
