/**
 * The console's API-key scope choices (apps/web/src/features/admin/api-key-scopes.ts) against what the server
 * accepts for a key (identity's NewApiKeySchema: a valid SMART scope, not `admin`, not `patient/`), and every
 * type that a wildcard does not cover (EXPLICIT_ONLY_TYPES: AuditEvent, Knowledge) is offered by name.
 */
import { describe, expect, it } from 'vitest';
import { EXPLICIT_ONLY_TYPES, isValidScope, parseScope } from '@qihuang/identity';
import { KNOWLEDGE_WRITE_SCOPE } from '@qihuang/knowledge';
import { KEY_SCOPE_CHOICES } from '../web/src/features/admin/api-key-scopes.ts';

describe('console API-key scope choices match the server (issue 15)', () => {
  const scopes = KEY_SCOPE_CHOICES.map((c) => c.scope);

  it('offers only scopes the server accepts for a key', () => {
    for (const scope of scopes) {
      expect(isValidScope(scope) && scope !== 'admin', scope).toBe(true);
      expect(parseScope(scope)?.context, scope).toBe('system');
    }
  });

  it('offers knowledge ingestion and every explicit-only type', () => {
    expect(scopes).toContain(KNOWLEDGE_WRITE_SCOPE);
    for (const type of EXPLICIT_ONLY_TYPES) {
      expect(
        scopes.some((s) => parseScope(s)?.resourceType === type),
        type,
      ).toBe(true);
    }
  });
});
