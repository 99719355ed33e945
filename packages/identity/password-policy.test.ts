/**
 * The password policy (issue 21, found by the IT engineer: `password`, `12345678` and a password equal to the
 * username were accepted, for `admin` too): NIST SP 800-63B §5.1.1.2 memorized secrets — a minimum length (15 for
 * an admin account), no commonly used password, no context-specific word (the username, the product name), no
 * composition rules. docs/decisions/0029.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD_MIN,
  COMMON_PASSWORDS_SOURCE,
  isCommonPassword,
  PASSWORD_MIN,
  passwordProblem,
} from './password-policy.ts';

const nurse = { username: 'nurse.ma', role: 'nurse' } as const;
const admin = { username: 'admin', role: 'admin' } as const;

describe('the password policy (NIST SP 800-63B §5.1.1.2)', () => {
  it('minimum lengths name their source and are 8, and 15 for an admin account', () => {
    // The numbers live in the wire contract (the console and the CLI word refusals with them, issue 21).
    const source = readFileSync(new URL('./api-types/index.ts', import.meta.url), 'utf8');
    expect(PASSWORD_MIN).toBe(8);
    expect(ADMIN_PASSWORD_MIN).toBe(15);
    expect(source).toMatch(/min: 8, \/\/ NIST SP 800-63B §5\.1\.1\.2/);
    expect(source).toMatch(/adminMin: 15, \/\/ NIST SP 800-63B-4 §3\.1\.1\.2/);
    expect(passwordProblem('abc', nurse)).toBe('at least 8 characters');
    expect(passwordProblem('short-but-ok', nurse)).toBeUndefined();
    expect(passwordProblem('short-but-ok', admin)).toBe('at least 15 characters for an admin account');
    expect(passwordProblem('a-much-longer-one', admin)).toBeUndefined();
    // Characters, not UTF-16 units: 8 Chinese characters are 8 characters.
    expect(passwordProblem('高血压随访记录本', nurse)).toBeUndefined();
    expect(passwordProblem('x'.repeat(257), nurse)).toBe('at most 256 characters');
  });

  it('refuses commonly used passwords, whatever their case', () => {
    for (const common of [
      'password',
      '12345678',
      'PASSWORD',
      'iloveyou',
      'qwertyuiop',
      'password1',
      '1qaz2wsx',
    ])
      expect(passwordProblem(common, nurse), common).toBe(
        'too common (on a list of frequently used passwords)',
      );
    expect(passwordProblem('1qaz2wsx3edc4rfv', admin)).toBe(
      'too common (on a list of frequently used passwords)',
    );
    expect(isCommonPassword('correct horse battery 1')).toBe(false);
    expect(isCommonPassword('River-Tea-Garden')).toBe(false); // only what the list holds, no guesses of our own
  });

  it('refuses the username or the product name with fewer than 8 other characters', () => {
    const problem = 'too close to the username or the product name';
    expect(passwordProblem('nurse.ma', nurse)).toBe(problem);
    expect(passwordProblem('Nurse.Ma2024', nurse)).toBe(problem);
    expect(passwordProblem('qihuang1', nurse)).toBe(problem);
    expect(passwordProblem('QiHuang-2026', nurse)).toBe(problem);
    expect(passwordProblem('岐黄岐黄岐黄岐黄', nurse)).toBe(problem);
    expect(passwordProblem('adminadminadmin1', admin)).toBe(problem);
    expect(passwordProblem('nurse.ma-on-ward-7', nurse)).toBeUndefined(); // 10 other characters
    expect(passwordProblem('a-long-password', { username: 'a', role: 'nurse' })).toBeUndefined();
  });

  it('has no composition rules: a long lowercase passphrase is fine', () => {
    expect(passwordProblem('tea garden by the river', nurse)).toBeUndefined();
    expect(passwordProblem('tea garden by the river', admin)).toBeUndefined();
  });

  it('ships its list as data, with its source named, every entry at least 8 characters and lowercase', () => {
    expect(COMMON_PASSWORDS_SOURCE).toMatch(/@zxcvbn-ts\/language-common 4\.1\.3/);
    const list = readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean);
    expect(list.length).toBeGreaterThan(10_000);
    expect(list.every((p) => [...p].length >= 8 && p === p.toLowerCase())).toBe(true);
    expect(list.slice(0, 2)).toEqual(['password', '12345678']);
  });
});
