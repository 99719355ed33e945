import { describe, expect, it } from 'vitest';
import { QihuangError } from '@qihuang/contracts';
import { capabilityStatement } from './capability-statement.ts';
import { operationOutcome } from './operation-outcome.ts';

describe('capabilityStatement', () => {
  const cs = capabilityStatement({ baseUrl: 'https://h/fhir/R4', date: '2026-01-01T00:00:00Z' });
  it('lists types, interactions, typed search params, includes and $everything', () => {
    const patient = cs.rest?.[0]?.resource?.find((r) => r.type === 'Patient');
    expect(patient?.interaction?.map((i) => i.code)).toEqual([
      'read',
      'vread',
      'update',
      'delete',
      'history-instance',
      'history-type',
      'create',
      'search-type',
    ]);
    expect(patient?.searchParam?.find((p) => p.name === 'birthdate')?.type).toBe('date');
    expect(patient?.searchInclude).toContain('Patient:general-practitioner');
    expect(patient?.searchRevInclude).toContain('Observation:subject');
    expect(patient?.operation?.[0]?.name).toBe('everything');
    expect(cs.rest?.[0]?.interaction?.map((i) => i.code)).toEqual(['transaction', 'batch', 'history-system']);
    const obs = cs.rest?.[0]?.resource?.find((r) => r.type === 'Observation');
    expect(obs?.searchInclude).toEqual(
      expect.arrayContaining(['Observation:subject', 'Observation:encounter']),
    );
    expect(cs.fhirVersion).toBe('4.0.1');
  });
});

describe('operationOutcome', () => {
  it('from issues (keeps expression, maps unknown codes to invalid)', () => {
    expect(
      operationOutcome([
        { severity: 'error', code: 'code-invalid', message: 'bad', expression: ['Patient.gender'] },
        { severity: 'warning', code: 'weird', message: 'w' },
      ]),
    ).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'code-invalid',
          details: { text: 'bad' },
          diagnostics: 'bad',
          expression: ['Patient.gender'],
        },
        { severity: 'warning', code: 'invalid', details: { text: 'w' }, diagnostics: 'w' },
      ],
    });
  });
  it('from a QihuangError without issues, and from unknown errors (message hidden)', () => {
    expect(operationOutcome(new QihuangError('not-found', 'Patient/x not found')).issue).toEqual([
      {
        severity: 'error',
        code: 'not-found',
        details: { text: 'Patient/x not found' },
        diagnostics: 'Patient/x not found',
      },
    ]);
    expect(operationOutcome(new Error('secret')).issue[0]).toEqual({
      severity: 'error',
      code: 'exception',
      details: { text: 'Internal server error' },
    });
  });
});
