/**
 * The password policy (docs/decisions/0029, issue 21): NIST SP 800-63B §5.1.1.2, memorized secrets. One rule for
 * every way a password is set — the /admin routes, `qihuang user create | reset-password`, the first admin from
 * the environment — checked by the identity service (users.ts), never by its callers alone:
 *
 * - at least 8 characters (Unicode characters, not UTF-16 units), at most 256; 15 for an admin account;
 * - not a commonly used password: the list in ./data/common-passwords.txt, compared case-insensitively;
 * - not the username or the product name with fewer than 8 other characters around it;
 * - no composition rules (no "one digit, one capital"), no forced periodic change.
 *
 * A refusal is a code and the number it names (issue 21); its words, English and Chinese, are one table in
 * ./api-types (PASSWORD_REFUSAL_WORDS). users.ts throws the English reason with the field (`password: …`) as the
 * /admin schemas do, and an issue carrying the reason id (`identity.password:<code>:<n>`) from which the console and
 * the CLI word it in their language.
 */
import { readFileSync } from 'node:fs';
import type { Issue } from '@qihuang/contracts';
import {
  PASSWORD_LENGTHS,
  PASSWORD_REFUSAL_CODES,
  PASSWORD_REFUSAL_WORDS,
  type PasswordRefusal,
  type PasswordRefusalCode,
} from './api-types/index.ts';

export const PASSWORD_MIN = PASSWORD_LENGTHS.min; // NIST SP 800-63B §5.1.1.2: at least 8 characters when chosen by the subscriber
// NIST SP 800-63B-4 §3.1.1.2: 15 characters for a password used as a single-factor authenticator. Qihuang signs
// in with a password alone; an admin account can create accounts and read every record, so it gets the 15.
export const ADMIN_PASSWORD_MIN = PASSWORD_LENGTHS.adminMin; // NIST SP 800-63B-4 §3.1.1.2
export const PASSWORD_MAX = PASSWORD_LENGTHS.max; // NIST SP 800-63B §5.1.1.2 asks for at least 64; 256 bounds the hashing work

/** Context-specific words besides the username (NIST SP 800-63B §5.1.1.2: "the name of the service"). */
const PRODUCT_WORDS = ['qihuang', '岐黄'];

/**
 * Where ./data/common-passwords.txt comes from: every entry of at least 8 characters, lowercased and without
 * duplicates, in the list's order (most used first).
 */
export const COMMON_PASSWORDS_SOURCE =
  '@zxcvbn-ts/language-common 4.1.3 (npm, MIT licence), src/passwords.json: the most frequently used passwords ' +
  '(zxcvbn, from leaked-password corpora), 49,233 entries; the 17,950 of at least 8 characters are shipped';

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  return common;
}

/** Is this password (any case) on the shipped list of commonly used passwords? */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

const characters = (text: string) => [...text].length;

/**
 * Why this password may not be used for this account, or undefined when it may. The checks run in the order a
 * person fixes them: too short, too common, built on the username or product name, short for an admin.
 */
export function passwordRefusal(
  password: string,
  account: { username: string; role: string },
): PasswordRefusal | undefined {
  const length = characters(password);
  if (length < PASSWORD_MIN) return { code: 'too-short', n: PASSWORD_MIN };
  if (length > PASSWORD_MAX) return { code: 'too-long', n: PASSWORD_MAX };
  if (isCommonPassword(password)) return { code: 'too-common', n: PASSWORD_MIN };
  let rest = password.toLowerCase();
  const username = account.username.trim().toLowerCase();
  for (const word of [...(username.length >= 3 ? [username] : []), ...PRODUCT_WORDS])
    rest = rest.split(word).join('');
  if (characters(rest) < PASSWORD_MIN) return { code: 'too-close', n: PASSWORD_MIN };
  if (account.role === 'admin' && length < ADMIN_PASSWORD_MIN)
    return { code: 'admin-too-short', n: ADMIN_PASSWORD_MIN };
  return undefined;
}

/** A refusal in words: English (the reason after `password: `) or Chinese (a whole sentence). */
export function wordPasswordRefusal(refusal: PasswordRefusal, locale: 'en' | 'zh-CN' = 'en'): string {
  return PASSWORD_REFUSAL_WORDS[locale][refusal.code].replace('{n}', String(refusal.n));
}

/** What is wrong with this password for this account (English), or undefined when it may be used. */
export function passwordProblem(
  password: string,
  account: { username: string; role: string },
): string | undefined {
  const refusal = passwordRefusal(password, account);
  return refusal && wordPasswordRefusal(refusal);
}

const REASON = /^identity\.password:([a-z-]+):(\d+)(?::|$)/;

/** The issue of a refused password: its reason id, then the English reason. */
export function passwordRefusalIssue(refusal: PasswordRefusal): Issue {
  return {
    severity: 'error',
    code: 'invalid',
    message: `identity.password:${refusal.code}:${refusal.n}: ${wordPasswordRefusal(refusal)}`,
    expression: ['password'],
  };
}

/** The refusal named by one of these issue messages, if any. */
export function readPasswordRefusal(messages: readonly string[]): PasswordRefusal | undefined {
  for (const message of messages) {
    const match = REASON.exec(message);
    const code = match?.[1] as PasswordRefusalCode | undefined;
    if (match && code && PASSWORD_REFUSAL_CODES.includes(code)) return { code, n: Number(match[2]) };
  }
  return undefined;
}
