import { describe, expect, it } from 'vitest';
import { addScope, KEY_SCOPE_CHOICES } from './api-key-scopes.ts';

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
