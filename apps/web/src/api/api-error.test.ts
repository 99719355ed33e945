import { describe, expect, it } from 'vitest';
import { errorFromBody } from './api-error.ts';

describe('errorFromBody', () => {
  it('reads {error:{code,message}}', () => {
    const e = errorFromBody(
      401,
      { error: { code: 'unauthenticated', message: 'Wrong username or password' } },
      'x',
    );
    expect([e.status, e.code, e.message, e.isRefusal]).toEqual([
      401,
      'unauthenticated',
      'Wrong username or password',
      false,
    ]);
  });
  it('reads an OperationOutcome (diagnostics, then details.text)', () => {
    const e = errorFromBody(
      403,
      {
        resourceType: 'OperationOutcome',
        issue: [
          { code: 'forbidden', diagnostics: 'Not your record' },
          { code: 'x', details: { text: 'second' } },
        ],
      },
      'x',
    );
    expect([e.code, e.message, e.issues, e.isRefusal]).toEqual([
      'forbidden',
      'Not your record',
      ['Not your record', 'second'],
      true,
    ]);
  });
  it('falls back to the status text', () => {
    expect(errorFromBody(502, undefined, 'Bad Gateway').message).toBe('Bad Gateway');
  });
});
