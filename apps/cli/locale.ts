/**
 * The language of a command's text output (one language per screen): `--locale zh-CN|en`, else
 * QIHUANG_LOCALE or the system locale (read by @qihuang/config), else zh-CN.
 */
import { localeFromEnv } from '@qihuang/config';
import { QihuangError } from '@qihuang/contracts';

export type CliLocale = 'zh-CN' | 'en';

export const LOCALE_OPTION = [
  '--locale <locale>',
  'zh-CN|en (text output; default QIHUANG_LOCALE or LANG)',
] as const;

export function resolveLocale(option: unknown): CliLocale {
  if (option === undefined || option === '') return localeFromEnv() ?? 'zh-CN';
  if (option === 'zh-CN' || option === 'zh') return 'zh-CN';
  if (option === 'en') return 'en';
  throw new QihuangError('invalid-input', `--locale must be zh-CN or en, got "${String(option)}"`);
}

/** The text of a `{zh, en}` pair in the chosen language. */
export const pick = (display: { zh: string; en: string }, locale: CliLocale) =>
  locale === 'en' ? display.en : display.zh;
