/** The recorded-by tag and the rule on what may drive a clinical calculation (docs/decisions/0003). */
import { describe, expect, it } from 'vitest';
import {
  PATIENT_RECORDED_TAG,
  drivesClinicalCalculations,
  isPatientRecorded,
  stampRecordedBy,
} from './recorded-by.ts';

type Obs = { resourceType: string; code: unknown; meta?: Record<string, unknown> };
const obs = (code: string, extra: Record<string, unknown> = {}): Obs => ({
  resourceType: 'Observation',
  code: { coding: [{ system: 'http://loinc.org', code }] },
  ...extra,
});

describe('recorded-by', () => {
  it('a patient author adds the tag once, keeping other tags; any other author removes it', () => {
    const other = { system: 'urn:x', code: 'y' };
    const byPatient = stampRecordedBy(obs('2160-0', { meta: { tag: [other] } }), 'Patient/pa');
    expect(byPatient.meta).toEqual({ tag: [other, PATIENT_RECORDED_TAG] });
    expect(stampRecordedBy(byPatient, 'Patient/pa')).toBe(byPatient);
    const forged = obs('2160-0', {
      meta: { tag: [{ system: 'urn:qihuang:recorded-by', code: 'clinician' }] },
    });
    expect(stampRecordedBy(forged, 'Patient/pa').meta).toEqual({ tag: [PATIENT_RECORDED_TAG] });
    const confirmed = stampRecordedBy(byPatient, 'user/u-doc');
    expect(confirmed.meta).toEqual({ tag: [other] });
    expect(stampRecordedBy(stampRecordedBy(obs('2160-0'), 'Patient/pa'), 'key/k1')).toEqual(obs('2160-0'));
    expect(isPatientRecorded(byPatient)).toBe(true);
    expect(isPatientRecorded(confirmed)).toBe(false);
  });

  it('patient-recorded labs and conditions never drive calculations; home BP and heart rate do', () => {
    const mine = <T extends Record<string, unknown>>(r: T) => stampRecordedBy(r, 'Patient/pa');
    expect(drivesClinicalCalculations(mine(obs('2160-0')))).toBe(false); // creatinine
    expect(drivesClinicalCalculations(mine(obs('2093-3')))).toBe(false); // cholesterol
    expect(drivesClinicalCalculations(mine({ resourceType: 'Condition' }))).toBe(false);
    for (const code of ['85354-9', '55284-4', '8480-6', '8462-4', '8867-4'])
      expect(drivesClinicalCalculations(mine(obs(code)))).toBe(true);
    expect(drivesClinicalCalculations(mine({ resourceType: 'AllergyIntolerance' }))).toBe(true);
    expect(drivesClinicalCalculations(obs('2160-0'))).toBe(true); // a clinician's or imported lab
  });
});
