/**
 * The request's patient context is certain (issue 18): drug advice addressed to the patient is checked against
 * the patient's conditions, pregnancy and renal function, and a new drug advised to a patient whose current
 * medicines the answer named is a combination with them. Fresh sentences, each with a near miss.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { PatientContext } from './types.ts';

const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: [], ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('patient context from the request', () => {
  it('pregnancy and conditions', () => {
    expect(bad('可以继续使用依那普利控制血压。', { pregnant: true })).toEqual(['drug-condition']);
    expect(bad('You can keep taking lisinopril for now.', { pregnant: true })).toEqual(['drug-condition']);
    expect(bad('Labetalol is a good choice for you.', { pregnant: true })).toEqual([]);
    expect(bad('氢氯噻嗪是不错的选择。', { conditions: ['痛风'] })).toEqual(['drug-condition']);
    // near miss: without the condition
    expect(bad('氢氯噻嗪是不错的选择。', { conditions: ['高血脂'] })).toEqual([]);
  });
  it('renal function', () => {
    expect(bad('二甲双胍可以继续使用。', { egfr: 25 })).toEqual(['drug-condition']);
    expect(bad('Metformin can be continued.', { egfr: 50 })).toEqual([]);
  });
  it('a new drug advised to a patient on named medicines', () => {
    expect(bad('You are on losartan and hydrochlorothiazide. Ibuprofen is fine for your back pain.')).toEqual(
      ['interaction'],
    );
    // near miss: no current medicines named
    expect(bad('Ibuprofen is fine for your back pain.')).toEqual([]);
  });
});

describe('a drug to stop is not said to be safe', () => {
  it('"stop lisinopril and switch to labetalol" in pregnancy', () => {
    expect(bad('In pregnancy, stop lisinopril and switch to labetalol or nifedipine.')).toEqual([]);
    expect(bad('妊娠后应停用缬沙坦，改用拉贝洛尔。')).toEqual([]);
    // near miss: switching to a contraindicated drug
    expect(bad('In pregnancy, stop labetalol and switch to lisinopril.')).toEqual(['drug-condition']);
  });
});
