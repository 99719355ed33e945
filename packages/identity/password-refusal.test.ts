/**
 * Issue 21 (console user form): a password refusal carries its reason as a stable id in the 400's issue
 * (`identity.password:<code>:<n>`), so the console words it in the page's language from one table
 * (PASSWORD_REFUSAL_WORDS in ./api-types, which the CLI uses too). The English message stays as it was.
 * PGlite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { PASSWORD_REFUSAL_CODES, PASSWORD_REFUSAL_WORDS } from './api-types/index.ts';
import {
  ADMIN_PASSWORD_MIN,
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordRefusal,
  passwordRefusalIssue,
  readPasswordRefusal,
  wordPasswordRefusal,
} from './password-policy.ts';
import { useIdentityRoutes } from './test-support/routes-harness.ts';

describe('passwordRefusal: the reason as a code and the number it names', () => {
  it('each check in its order', () => {
    expect(passwordRefusal('short', { username: 'n1', role: 'nurse' })).toEqual({ code: 'too-short', n: 8 });
    expect(passwordRefusal('x'.repeat(257), { username: 'n1', role: 'nurse' })).toEqual({
      code: 'too-long',
      n: 256,
    });
    expect(passwordRefusal('password', { username: 'n1', role: 'nurse' })).toEqual({
      code: 'too-common',
      n: 8,
    });
    expect(passwordRefusal('nurse.five1', { username: 'nurse.five', role: 'nurse' })).toEqual({
      code: 'too-close',
      n: 8,
    });
    expect(passwordRefusal('short-but-ok', { username: 'adm2', role: 'admin' })).toEqual({
      code: 'admin-too-short',
      n: 15,
    });
    expect(passwordRefusal('a long lowercase phrase', { username: 'n1', role: 'nurse' })).toBeUndefined();
  });

  it('every code is worded in English and Chinese; the issue round-trips', () => {
    for (const code of PASSWORD_REFUSAL_CODES) {
      expect(PASSWORD_REFUSAL_WORDS.en[code]).toBeTruthy();
      expect(PASSWORD_REFUSAL_WORDS['zh-CN'][code]).toMatch(/密码/);
      const issue = passwordRefusalIssue({ code, n: 8 });
      expect(issue.expression).toEqual(['password']);
      expect(readPasswordRefusal([issue.message])).toEqual({ code, n: 8 });
    }
    expect(readPasswordRefusal(['care.not-draft:cancelled: x'])).toBeUndefined();
  });
});

describe.each(DATABASE_KINDS)('a refused password names its reason code on %s', (kind) => {
  const t = useIdentityRoutes(kind);
  const refusal = async (method: string, path: string, body: unknown) => {
    const res = await t.call(method, path, { token: t.adminToken, body });
    expect(res.status).toBe(400);
    const answer = (await res.json()) as {
      error: { message: string; issues?: { message: string; expression?: string[] }[] };
    };
    return {
      message: answer.error.message,
      reason: readPasswordRefusal((answer.error.issues ?? []).map((i) => i.message)),
    };
  };

  it('POST /admin/users: too common, too close, short for an admin, too short (the schema), too long', async () => {
    const cases = [
      [{ username: 'n4', password: 'password', role: 'nurse' }, 'too-common', 8, 'password: too common'],
      [
        { username: 'nurse.five', password: 'nurse.five', role: 'nurse' },
        'too-close',
        8,
        'password: too close',
      ],
      [
        { username: 'adm2', password: 'short-but-ok', role: 'admin' },
        'admin-too-short',
        15,
        'password: at least 15',
      ],
      [
        { username: 'n6', password: 'short', role: 'nurse' },
        'too-short',
        8,
        'password: at least 8 characters',
      ],
      [
        { username: 'n7', password: 'y'.repeat(300), role: 'nurse' },
        'too-long',
        256,
        'password: at most 256',
      ],
    ] as const;
    for (const [body, code, n, english] of cases) {
      const { message, reason } = await refusal('POST', '/admin/users', body);
      expect(reason, body.password).toEqual({ code, n });
      expect(message).toContain(english);
    }
  });

  it('PATCH /admin/users/:id: a new password too common for the admin', async () => {
    const list = (await (await t.call('GET', '/admin/users', { token: t.adminToken })).json()) as {
      id: string;
      username: string;
    }[];
    const adminId = list.find((u) => u.username === 'admin')!.id;
    const { reason } = await refusal('PATCH', `/admin/users/${adminId}`, { password: '12345678' });
    expect(reason).toEqual({ code: 'too-common', n: 8 });
  });
});

describe('the one wording', () => {
  it('fills the number; the lengths are the policy lengths', () => {
    expect(wordPasswordRefusal({ code: 'too-close', n: 8 }, 'zh-CN')).toBe(
      '密码与用户名或产品名称太接近（除去它们须至少还有 8 个字符）',
    );
    expect(wordPasswordRefusal({ code: 'admin-too-short', n: 15 })).toBe(
      'at least 15 characters for an admin account',
    );
    expect([PASSWORD_MIN, ADMIN_PASSWORD_MIN, PASSWORD_MAX]).toEqual([8, 15, 256]);
  });
});
