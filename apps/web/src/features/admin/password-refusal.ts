/**
 * A refused password in the page's language (issue 21). The identity service's 400 names the reason by id in an
 * issue (`identity.password:<code>:<n>: …`, docs/decisions/0029); the words are the identity contract's one table
 * (PASSWORD_REFUSAL_WORDS), the one the CLI words its error line from. Pure.
 */
import {
  PASSWORD_LENGTHS,
  PASSWORD_REFUSAL_CODES,
  PASSWORD_REFUSAL_WORDS,
  type PasswordRefusalCode,
} from '@qihuang/identity/api-types';
import { isApiError } from '../../api/index.ts';

const REASON = /^identity\.password:([a-z-]+):(\d+)(?::|$)/;

/** The sentence for a password refusal, or undefined when the error is something else. */
export function passwordRefusalText(error: unknown, language: string): string | undefined {
  if (!isApiError(error) || error.status !== 400) return undefined;
  for (const message of error.issues) {
    const match = REASON.exec(message);
    const code = match?.[1] as PasswordRefusalCode | undefined;
    if (!match || !code || !PASSWORD_REFUSAL_CODES.includes(code)) continue;
    const zh = language.startsWith('zh');
    const reason = PASSWORD_REFUSAL_WORDS[zh ? 'zh-CN' : 'en'][code].replace('{n}', match[2] ?? '');
    return zh ? `${reason}。` : `Password: ${reason}.`;
  }
  return undefined;
}

/** The shortest password the policy takes for `role` (an administrator's is longer; docs/decisions/0029). */
export function passwordMin(role: string): number {
  return role === 'admin' ? PASSWORD_LENGTHS.adminMin : PASSWORD_LENGTHS.min;
}
