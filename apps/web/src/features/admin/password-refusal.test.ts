/**
 * Issue 21: the console's user form showed the server's English password reason ("password: too common …") on a
 * zh-CN page. The 400 names the reason by id (`identity.password:<code>:<n>` in an issue); the console words it in
 * the page's language from the identity contract's one table.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { passwordMin, passwordRefusalText } from './password-refusal.ts';

const refusal = (message: string, reason: string) =>
  new ApiError(400, 'invalid-input', message, [`${reason}: ${message.replace(/^password: /, '')}`]);

describe('passwordRefusalText', () => {
  it('too common: Chinese on a zh-CN page, English on an en page, never the raw id', () => {
    const err = refusal(
      'password: too common (on a list of frequently used passwords)',
      'identity.password:too-common:8',
    );
    expect(passwordRefusalText(err, 'zh-CN')).toBe('密码太常见（在常用密码列表中），请换一个。');
    expect(passwordRefusalText(err, 'en')).toBe(
      'Password: too common (on a list of frequently used passwords).',
    );
  });

  it('the number comes from the server: 15 for an admin account', () => {
    const err = refusal(
      'password: at least 15 characters for an admin account',
      'identity.password:admin-too-short:15',
    );
    expect(passwordRefusalText(err, 'zh-CN')).toBe('管理员账号的密码至少 15 个字符。');
    expect(passwordRefusalText(err, 'en')).toBe('Password: at least 15 characters for an admin account.');
  });

  it('anything else is not a password refusal', () => {
    expect(
      passwordRefusalText(new ApiError(400, 'invalid-input', 'username: letters'), 'zh-CN'),
    ).toBeUndefined();
    expect(
      passwordRefusalText(
        new ApiError(400, 'invalid-input', 'x', ['identity.password:unknown:8: x']),
        'zh-CN',
      ),
    ).toBeUndefined();
    expect(passwordRefusalText(new Error('password: too common'), 'zh-CN')).toBeUndefined();
  });
});

// Second non-author try: the user form's hint stayed "至少 8 个字符" with 管理员 selected (an administrator needs 15).
describe('passwordMin', () => {
  it('15 for an administrator, 8 for every other role', () => {
    expect(passwordMin('admin')).toBe(15);
    for (const role of ['clinician', 'nurse', 'pharmacist', 'auditor', 'patient', 'service'])
      expect(passwordMin(role)).toBe(8);
  });
});
