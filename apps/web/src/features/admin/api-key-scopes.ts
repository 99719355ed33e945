/**
 * Scopes the API-key form offers as one-click choices (the field still takes any scope). The server accepts for a
 * key any `system/` or `user/` SMART scope except `admin` and `patient/…` (identity's NewApiKeySchema); the
 * wildcard `*` does not cover AuditEvent and Knowledge, so those are offered by name. apps/server/api-key-scopes.test.ts
 * checks this list against the server.
 */
export interface KeyScopeChoice {
  scope: string;
  /** i18n key under apiKeys.scopeChoice describing what the scope lets a key do. */
  help: 'readAll' | 'readWriteAll' | 'observationWrite' | 'auditRead' | 'knowledgeWrite';
}

export const KEY_SCOPE_CHOICES: readonly KeyScopeChoice[] = [
  { scope: 'system/*.read', help: 'readAll' },
  { scope: 'system/*.*', help: 'readWriteAll' },
  { scope: 'system/Observation.write', help: 'observationWrite' },
  { scope: 'system/AuditEvent.read', help: 'auditRead' },
  { scope: 'system/Knowledge.write', help: 'knowledgeWrite' },
];

/** The typed scope list with `scope` added at the end (once), normalised to space-separated. */
export function addScope(typed: string, scope: string): string {
  const list = typed.split(/[\s,]+/).filter(Boolean);
  return (list.includes(scope) ? list : [...list, scope]).join(' ');
}

/** The SMART scope grammar the server checks (identity's scopes.ts): context/type.permissions. */
const SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]{0,63})\.(read|write|\*|c?r?u?d?s?)$/;

/**
 * The typed scopes a key cannot have, before the server says so in its own words (issue 20): not a SMART scope
 * (or `admin`), and `patient/…` (a key has no patient context).
 */
export function scopeProblems(typed: string): { invalid: string[]; patient: string[] } {
  const list = typed.split(/[\s,]+/).filter(Boolean);
  const valid = (s: string) => {
    const m = SCOPE.exec(s);
    return Boolean(m && m[3] !== '');
  };
  return {
    invalid: list.filter((s) => !valid(s)),
    patient: list.filter((s) => valid(s) && s.startsWith('patient/')),
  };
}
