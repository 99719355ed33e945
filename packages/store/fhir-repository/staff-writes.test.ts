import { describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@qihuang/contracts';
import { assertStaffMayChange, patientAuthored } from './staff-writes.ts';

const nurse: Principal = { id: 'u-n', kind: 'user', username: 'nurse', role: 'nurse', scopes: [] };
const patient: Principal = { ...nurse, role: 'patient', patientId: 'p1' };
const reading = {
  resourceType: 'Observation',
  id: 'bp-1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-03-10T08:00:00+08:00',
  component: [{ code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: 168 } }],
  meta: { versionId: '1' },
};
const row = (author: string | null, content: object = reading) => ({
  resource_type: 'Observation',
  id: 'bp-1',
  deleted: false,
  content,
  author,
});

describe('what the care team may change in a patient-authored Observation (decision 0020)', () => {
  it('knows the patient’s own: authored by the Patient, or performed by its subject', () => {
    expect(patientAuthored(row('Patient/p1'))).toBe(true);
    expect(patientAuthored(row('user/u-doc'))).toBe(false);
    expect(patientAuthored(row('key/k1', { ...reading, performer: [{ reference: 'Patient/p1' }] }))).toBe(
      true,
    );
  });

  it('refuses value changes and deletes with 409 naming the withdrawal route', () => {
    const changed = { ...reading, component: [{ ...reading.component[0], valueQuantity: { value: 128 } }] };
    expect(() => assertStaffMayChange(nurse, row('Patient/p1'), changed)).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringContaining('entered-in-error') }),
    );
    expect(() => assertStaffMayChange(nurse, row('Patient/p1'))).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringContaining('cannot delete') }),
    );
    expect(() => assertStaffMayChange(nurse, row('Patient/p1'), { ...reading, status: 'amended' })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    const withdrawn = { ...reading, status: 'entered-in-error' };
    expect(() => assertStaffMayChange(nurse, row('Patient/p1', withdrawn), reading)).toThrow(
      expect.objectContaining({ message: expect.stringContaining('stays so') }),
    );
  });

  it('allows the workflow: entered-in-error or final with a note, new meta; and leaves others alone', () => {
    const ok = [
      { ...reading, status: 'entered-in-error', note: [{ text: 'duplicate' }] },
      { ...reading, status: 'final', meta: { versionId: '2', tag: [{ code: 'x' }] } },
    ];
    for (const next of ok) expect(() => assertStaffMayChange(nurse, row('Patient/p1'), next)).not.toThrow();
    const changed = { ...reading, effectiveDateTime: '2026-03-10T09:00:00+08:00' };
    // The clinician's own reading, the patient themselves, the system: not this rule's.
    expect(() => assertStaffMayChange(nurse, row('user/u-doc'), changed)).not.toThrow();
    expect(() => assertStaffMayChange(patient, row('Patient/p1'), changed)).not.toThrow();
    expect(() => assertStaffMayChange(SYSTEM_PRINCIPAL, row('Patient/p1'))).not.toThrow();
    expect(() =>
      assertStaffMayChange(nurse, { ...row('Patient/p1'), resource_type: 'Condition' }, changed),
    ).not.toThrow();
  });
});
