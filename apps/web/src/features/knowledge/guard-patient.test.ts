import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { GUARD_PATIENT_FIELDS, withPatientFields } from './guard-patient.ts';

describe('guard patient context', () => {
  it('the hint under the JSON box names every field the API accepts, potassium included (zh and en)', () => {
    for (const hint of [en.knowledge.guard.patientHint, zhCN.knowledge.guard.patientHint]) {
      for (const field of GUARD_PATIENT_FIELDS) expect(hint, field).toContain(field);
    }
    expect(GUARD_PATIENT_FIELDS).toContain('potassium'); // drives the guard's hyperkalaemia check
  });

  it('the simple fields build the JSON, keeping other keys already typed', () => {
    const json = withPatientFields('{"weightKg": 60, "egfr": 90}', {
      age: '72',
      sex: 'female',
      egfr: '38',
      potassium: '5.8',
      pregnant: false,
    });
    expect(JSON.parse(json)).toEqual({ weightKg: 60, age: 72, sex: 'female', egfr: 38, potassium: 5.8 });
  });

  it('empty fields remove their key; pregnancy ticked adds pregnant: true; invalid JSON is replaced', () => {
    expect(
      JSON.parse(
        withPatientFields('{"age": 50}', { age: '', sex: '', egfr: '', potassium: '', pregnant: true }),
      ),
    ).toEqual({
      pregnant: true,
    });
    expect(withPatientFields('{oops', { age: '', sex: '', egfr: '', potassium: '', pregnant: false })).toBe(
      '',
    );
  });
});
