import { describe, expect, it } from 'vitest';
import { QihuangError, isQihuangError } from '@qihuang/contracts';

describe('QihuangError', () => {
  it('maps codes to HTTP statuses and keeps issues', () => {
    const error = new QihuangError('precondition-failed', 'version mismatch', {
      issues: [{ severity: 'error', code: 'conflict', message: 'x', expression: ['Patient.meta'] }],
    });
    expect(error.status).toBe(412);
    expect(error.issues[0]?.expression).toEqual(['Patient.meta']);
    expect(isQihuangError(error)).toBe(true);
    expect(isQihuangError(new Error('x'))).toBe(false);
  });
});
