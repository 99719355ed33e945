/**
 * The CLI's one language rule (one language per run, issue 20): a command's output and its error lines, usage
 * errors and help are all in the language `--locale` names, else QIHUANG_LOCALE or the system locale (LC_ALL,
 * LC_MESSAGES, LANG, read by @qihuang/config), else zh-CN — the product's language (as the console's and the CDS
 * cards' default, docs/decisions/0016); `LANG=C` names none.
 */
import { localeFromEnv } from '@qihuang/config';
import { QihuangError } from '@qihuang/contracts';

export type CliLocale = 'zh-CN' | 'en';

/** The language when neither the command line nor the environment names one. */
export const DEFAULT_LOCALE: CliLocale = 'zh-CN';

export const LOCALE_OPTION = [
  '--locale <locale>',
  'zh-CN|en (text output; default QIHUANG_LOCALE or LANG)',
] as const;

/** A command's `--locale` value (undefined when not given) → its language; a bad value is refused (exit 2). */
export function resolveLocale(option: unknown): CliLocale {
  if (option === undefined || option === '') return localeFromEnv() ?? DEFAULT_LOCALE;
  if (option === 'zh-CN' || option === 'zh') return 'zh-CN';
  if (option === 'en') return 'en';
  throw new QihuangError('invalid-input', `--locale must be zh-CN or en, got "${String(option)}"`);
}

/** The `--locale` value on a command line, if any (`--locale en`, `--locale=en`; not after `--`). */
function localeArgument(argv: readonly string[]): string | undefined {
  const end = argv.indexOf('--');
  const at = (end < 0 ? argv : argv.slice(0, end)).findIndex(
    (a) => a === '--locale' || a.startsWith('--locale='),
  );
  if (at < 0) return undefined;
  return argv[at]!.includes('=') ? argv[at]!.slice('--locale='.length) : argv[at + 1];
}

/**
 * A bad `--locale` anywhere on the command line is refused before anything runs — `--help` included, at the top
 * level as after a command (issue 21: `qihuang --locale fr --help` exited 0): the same exit 2 and one line.
 */
export function checkLocaleArgument(argv: readonly string[] = process.argv): void {
  // Without --locale, the environment's QIHUANG_LOCALE is checked the same way (issue 21: `QIHUANG_LOCALE=xx
  // qihuang --help` was accepted silently); a system locale (LANG) that names neither language stays the default.
  resolveLocale(localeArgument(argv));
}

/**
 * The language of this run, for what is printed before or around a command's own output (errors, usage errors,
 * help, the import summary): the same rule as `resolveLocale`. A bad `--locale` or QIHUANG_LOCALE is reported in
 * the language the rest of the rule gives.
 */
export function runLocale(argv: readonly string[] = process.argv): CliLocale {
  try {
    return resolveLocale(localeArgument(argv));
  } catch {
    try {
      return resolveLocale(undefined);
    } catch {
      return DEFAULT_LOCALE;
    }
  }
}

/** The text of a `{zh, en}` pair in the chosen language. */
export const pick = (display: { zh: string; en: string }, locale: CliLocale) =>
  locale === 'en' ? display.en : display.zh;

/**
 * `--locale` before the command (`qihuang --locale en bp classify …`, issue 21: an unknown option there, and
 * `qihuang --locale en user --help` printed the top-level help) is moved after it, where every command takes it
 * (`withLocaleOption`); one place, so the rest of the CLI reads one command line.
 */
export function placeLocaleArgument(argv: readonly string[]): string[] {
  const head = argv.slice(0, 2);
  const rest = argv.slice(2);
  const at = rest.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  // Only a --locale before the first word that is not an option (the command) is at the top level.
  const command = rest.findIndex((a, i) => !a.startsWith('-') && rest[i - 1] !== '--locale');
  const end = rest.indexOf('--');
  if (at < 0 || (command >= 0 && at > command) || (end >= 0 && at > end)) return [...argv];
  const taken = rest[at]!.includes('=') ? 1 : 2;
  const moved = rest.slice(at, at + taken);
  const left = [...rest.slice(0, at), ...rest.slice(at + taken)];
  const stop = left.indexOf('--');
  return stop < 0
    ? [...head, ...left, ...moved]
    : [...head, ...left.slice(0, stop), ...moved, ...left.slice(stop)];
}

interface LocaleOptionTarget {
  readonly commands: readonly LocaleOptionTarget[];
  readonly options: readonly { long?: string }[];
  option(flags: string, description: string): unknown;
}

/** Every command without sub-commands takes `--locale` (the run's language, locale.ts), declared or not. */
export function withLocaleOption(cmd: LocaleOptionTarget): void {
  for (const sub of cmd.commands) {
    if (sub.commands.length) withLocaleOption(sub);
    else if (!sub.options.some((o) => o.long === '--locale')) sub.option(...LOCALE_OPTION);
  }
}
