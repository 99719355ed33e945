import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { addScope, KEY_SCOPE_CHOICES, scopeProblems } from './api-key-scopes.ts';

describe('API-key scope choices in the console (issue 15)', () => {
  it('offers the knowledge-ingestion scope and the explicit-only audit scope', () => {
    const scopes = KEY_SCOPE_CHOICES.map((c) => c.scope);
    expect(scopes).toContain('system/Knowledge.write');
    expect(scopes).toContain('system/AuditEvent.read');
    expect(new Set(scopes).size).toBe(scopes.length);
  });

  it('adds a chosen scope to the typed list once, keeping what was typed', () => {
    expect(addScope('', 'system/Knowledge.write')).toBe('system/Knowledge.write');
    expect(addScope('system/*.read,', 'system/Knowledge.write')).toBe('system/*.read system/Knowledge.write');
    expect(addScope('system/*.read system/Knowledge.write', 'system/Knowledge.write')).toBe(
      'system/*.read system/Knowledge.write',
    );
  });
});

describe('API-key scopes checked in the form (issue 20: "出现错误 scopes: each scope must be…")', () => {
  it('names the typed scopes the server would refuse, and why', () => {
    expect(scopeProblems('everything please')).toEqual({ invalid: ['everything', 'please'], patient: [] });
    expect(scopeProblems('system/*.read, user/Observation.write system/Patient.rs')).toEqual({
      invalid: [],
      patient: [],
    });
    expect(scopeProblems('patient/*.read admin')).toEqual({
      invalid: ['admin'],
      patient: ['patient/*.read'],
    });
  });

  it('the messages exist in both languages, the Chinese one in Chinese', () => {
    expect(en.apiKeyErrors.invalid).toContain('{{scopes}}');
    expect(zhCN.apiKeyErrors.invalid).toMatch(/\p{Script=Han}/u);
    expect(zhCN.apiKeyErrors.patient).toMatch(/\p{Script=Han}/u);
  });
});
