import { describe, expect, it } from 'vitest';
import { conditionKeys } from './condition-match.ts';
import { conditionsIn } from './intake.ts';

const snomed = (code: string, display: string) => ({
  codes: [{ system: 'http://snomed.info/sct', code, display }],
  text: display,
});
const icd = (code: string, display: string) => ({
  codes: [{ system: 'http://hl7.org/fhir/sid/icd-10', code, display }],
});

describe('chart conditions: code first, text with exclusions (prediabetes is not diabetes)', () => {
  it.each([
    ['Synthea prediabetes', snomed('714628002', 'Prediabetes'), []],
    ['SNOMED prediabetes 15777000', snomed('15777000', 'Prediabetes'), []],
    ['ICD-10 R73.03 prediabetes', icd('R73.03', 'Prediabetes'), []],
    ['text 糖尿病前期', { text: '糖尿病前期' }, []],
    ['text prediabetes', { text: 'Pre-diabetes' }, []],
    ['gestational diabetes', { text: 'Gestational diabetes' }, []],
    ['妊娠期糖尿病', { text: '妊娠期糖尿病' }, []],
    ['family history of diabetes', { text: 'Family history of diabetes mellitus' }, []],
    ['history of diabetes (text)', { text: 'History of diabetes' }, []],
    ['Synthea type 2 diabetes', snomed('44054006', 'Diabetes mellitus type 2 (disorder)'), ['diabetes']],
    ['ICD-10 E11.9', icd('E11.9', 'Type 2 diabetes'), ['diabetes']],
    ['text 2型糖尿病', { text: '2型糖尿病' }, ['diabetes']],
    ['diabetic renal disease', snomed('127013003', 'Diabetic renal disease (disorder)'), ['diabetes', 'ckd']],
    ['CKD stage 1', snomed('431855005', 'Chronic kidney disease stage 1 (disorder)'), ['ckd']],
    ['acute kidney injury text', { text: 'Acute renal failure' }, []],
    ['ICD-10 N17 AKI', icd('N17.9', 'Acute kidney failure'), []],
    [
      'history of MI (Synthea)',
      snomed('399211009', 'History of myocardial infarction (situation)'),
      ['coronary'],
    ],
    ['heat stroke', { text: 'Heat stroke' }, []],
    ['family history of stroke', { text: 'Family history of stroke' }, []],
    ['ischaemic stroke', snomed('422504002', 'Ischemic stroke (disorder)'), ['stroke']],
    [
      'chronic congestive HF',
      snomed('88805009', 'Chronic congestive heart failure (disorder)'),
      ['heart-failure'],
    ],
    ['pulmonary hypertension', { text: 'Pulmonary hypertension' }, []],
    ['essential hypertension', icd('I10', 'Essential hypertension'), ['hypertension']],
  ])('%s', (_name, concept, keys) => {
    expect([...conditionKeys(concept)].sort()).toEqual([...keys].sort());
  });
});

describe('intake answers: a mention inside an excluded phrase is not the condition', () => {
  it.each([
    ['我有糖尿病前期', []],
    ['妊娠期糖尿病', []],
    ['heat stroke last summer', []],
    ['我有糖尿病', ['diabetes']],
    ['高血压5年，糖尿病3年', ['hypertension', 'diabetes']],
    ['慢性肾病1期', ['ckd']],
  ])('%s', (text, keys) => {
    expect(
      conditionsIn(text)
        .map((c) => c.key)
        .sort(),
    ).toEqual([...keys].sort());
  });
});
