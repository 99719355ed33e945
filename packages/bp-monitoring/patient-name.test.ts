/** The alert inbox names a patient as the patient list does (issue 20: "秀英 王" on /alerts, 王秀英 in the list). */
import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@qihuang/store';
import { patientName } from './alerts-store.ts';
import { displayName } from './patient-context.ts';

const patient = (name: object[]) => ({ resourceType: 'Patient', id: 'p', name }) as unknown as FhirResource;

describe('the patient name on alerts and the BP context', () => {
  it('reads a Chinese name family first without a space, a Western one given first', () => {
    expect(patientName(patient([{ family: '王', given: ['秀英'] }]))).toBe('王秀英');
    expect(patientName(patient([{ family: 'Barrows', given: ['Marcos'] }]))).toBe('Marcos Barrows');
    expect(patientName(patient([{ text: 'ZHANG Wei', family: 'Zhang', given: ['Wei'] }]))).toBe('ZHANG Wei');
    expect(displayName({ family: '王', given: ['秀英'] })).toBe('王秀英');
  });
});
