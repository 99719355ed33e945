import { describe, expect, it } from 'vitest';
import { QihuangError, SYSTEM_PRINCIPAL, type Principal, type Role } from '@qihuang/contracts';
import {
  accessLevel,
  allows,
  parseScope,
  requireAccess,
  requireRole,
  ROLE_SCOPES,
  type AccessMode,
} from './scopes.ts';

const as = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  id: role,
  kind: 'user',
  username: role,
  role,
  scopes: [...ROLE_SCOPES[role]],
  ...extra,
});

describe('parseScope', () => {
  it.each([
    ['patient/*.read', 'patient', '*', 'rs'],
    ['user/Observation.write', 'user', 'Observation', 'cud'],
    ['system/*.*', 'system', '*', 'cruds'],
    ['user/*.rs', 'user', '*', 'rs'],
    ['patient/Observation.cu', 'patient', 'Observation', 'cu'],
    ['system/Patient.r', 'system', 'Patient', 'r'],
  ])('%s', (scope, context, resourceType, letters) => {
    const parsed = parseScope(scope);
    expect(parsed).toMatchObject({ context, resourceType });
    expect([...parsed!.permissions].sort().join('')).toBe([...letters].sort().join(''));
  });

  it.each([
    'admin',
    'openid',
    'user/observation.read',
    'user/Observation.rw',
    'user/Observation.sr',
    'user/Observation.',
    'doctor/*.read',
    'user/*.read?category=vital-signs',
    'user/Observation.read extra',
    '',
  ])('rejects %j', (scope) => {
    expect(parseScope(scope)).toBeNull();
  });
});

describe('allows (role table)', () => {
  const table: [Role, string, AccessMode, boolean][] = [
    ['admin', 'Patient', 'read', true],
    ['admin', 'Observation', 'write', true],
    ['admin', 'AuditEvent', 'read', true],
    ['clinician', 'Patient', 'read', true],
    ['clinician', 'MedicationRequest', 'write', true],
    ['clinician', 'AuditEvent', 'read', false],
    ['nurse', 'Patient', 'read', true],
    ['nurse', 'Observation', 'write', true],
    ['nurse', 'Observation', 'create', true],
    ['nurse', 'MedicationRequest', 'write', false],
    ['nurse', 'Patient', 'write', false],
    ['pharmacist', 'MedicationRequest', 'write', true],
    ['pharmacist', 'Observation', 'write', false],
    ['pharmacist', 'Observation', 'read', true],
    ['auditor', 'AuditEvent', 'read', true],
    ['auditor', 'AuditEvent', 'search', true],
    ['auditor', 'Patient', 'read', false],
    ['auditor', 'Observation', 'write', false],
    ['patient', 'Observation', 'read', true],
    ['patient', 'Observation', 'write', true],
    ['patient', 'Condition', 'write', false],
    ['patient', 'AuditEvent', 'read', false],
    ['service', 'Patient', 'read', false],
  ];
  it.each(table)('%s %s %s → %s', (role, type, mode, expected) => {
    const principal = as(role, role === 'patient' ? { patientId: 'p1' } : {});
    expect(allows(principal, type, mode)).toBe(expected);
  });

  it('grants the knowledge scope only when named: no wildcard and no role covers Knowledge', () => {
    const key = (scopes: string[]): Principal => ({
      id: 'k',
      kind: 'key',
      username: 'k',
      role: 'service',
      scopes,
    });
    expect(allows(key(['system/Knowledge.write']), 'Knowledge', 'write')).toBe(true);
    expect(allows(key(['system/*.*']), 'Knowledge', 'write')).toBe(false);
    expect(allows(key([]), 'Knowledge', 'write')).toBe(false);
    for (const role of ['clinician', 'nurse', 'pharmacist', 'patient'] as const)
      expect(allows(as(role, { patientId: 'p1' }), 'Knowledge', 'write')).toBe(false);
  });

  it('never lets anyone write AuditEvent, not even system/*.*', () => {
    expect(allows(SYSTEM_PRINCIPAL, 'AuditEvent', 'write')).toBe(false);
    expect(allows(SYSTEM_PRINCIPAL, 'AuditEvent', 'create')).toBe(false);
    expect(allows(SYSTEM_PRINCIPAL, 'Patient', 'write')).toBe(true);
  });

  it('tells compartment-limited access apart from full access', () => {
    expect(accessLevel(as('patient', { patientId: 'p1' }), 'Observation', 'read')).toBe('patient');
    expect(accessLevel(as('clinician'), 'Observation', 'read')).toBe('all');
    // A patient scope without a patient context grants nothing.
    expect(accessLevel(as('patient'), 'Observation', 'read')).toBe('none');
  });

  it('needs the whole v1 set for the coarse modes, one letter for the fine ones', () => {
    const key: Principal = {
      id: 'k',
      kind: 'key',
      username: 'k',
      role: 'service',
      scopes: ['system/Observation.r', 'system/Patient.c'],
    };
    expect(allows(key, 'Observation', 'read')).toBe(false);
    expect(allows(key, 'Observation', 'search')).toBe(false);
    expect(allows(key, 'Patient', 'create')).toBe(true);
    expect(allows(key, 'Patient', 'write')).toBe(false);
    expect(allows({ ...key, scopes: ['system/Observation.rs'] }, 'Observation', 'read')).toBe(true);
  });

  it('rejects resource types that are not FHIR names', () => {
    expect(allows(as('clinician'), 'observation', 'read')).toBe(false);
    expect(allows(as('clinician'), '../x', 'read')).toBe(false);
  });
});

describe('requireAccess and requireRole', () => {
  it('throw forbidden (403)', () => {
    expect(requireAccess(as('nurse'), 'Observation', 'write')).toBe('all');
    try {
      requireAccess(as('nurse'), 'MedicationRequest', 'write');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(QihuangError);
      expect((error as QihuangError).status).toBe(403);
    }
    expect(() => requireRole(as('nurse'), 'admin')).toThrow(QihuangError);
    expect(() => requireRole(as('auditor'), 'admin', 'auditor')).not.toThrow();
  });
});
