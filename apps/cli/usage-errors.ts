/**
 * Commander's own usage errors (unknown option or command, missing argument, …) as one line in the run's language
 * (issue 20: they were English under zh-CN, followed by the whole help). main.ts silences commander's printing and
 * prints `usageLine(error, command path, locale)` instead; exit code 2 (exit-codes.ts).
 */
import type { CommanderError } from 'commander';
import type { CliLocale } from './locale.ts';

/** Commander's messages (commander 14, lib/command.js) → Chinese; suggestions are added apart. */
const ZH: [RegExp, (...m: string[]) => string][] = [
  [/^unknown option '(.*)'$/, (o) => `未知选项 '${o}'`],
  [/^unknown command '(.*)'$/, (c) => `未知命令 '${c}'`],
  [/^missing required argument '(.*)'$/, (a) => `缺少必需的参数 '${a}'`],
  [/^option '(.*)' argument missing$/, (o) => `选项 '${o}' 缺少取值`],
  [/^required option '(.*)' not specified$/, (o) => `缺少必需的选项 '${o}'`],
  [/^(.*) cannot be used with (.*)$/, (a, b) => `${zhName(a)} 不能与 ${zhName(b)} 同时使用`],
  [
    /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (_c, want, got) => `参数过多：应为 ${want} 个，收到 ${got} 个`,
  ],
];

const zhName = (s: string) =>
  s.replace(/^option '(.*)'$/, "选项 '$1'").replace(/^environment variable '(.*)'$/, "环境变量 '$1'");

/** A commander usage error whose message commander would print (not help or version output). */
export function isUsageError(error: CommanderError): boolean {
  return ![
    'commander.helpDisplayed',
    'commander.version',
    'commander.help',
    'commander.executeSubCommandAsync',
  ].includes(error.code);
}

/** The one line printed for a usage error, e.g. "错误：未知选项 '--lcale'（是否想输入 `--locale`？用法见 `qihuang text analyze --help`）". */
export function usageLine(error: CommanderError, command: string, locale: CliLocale): string {
  const [first = '', ...rest] = error.message.replace(/^error: /, '').split('\n');
  const suggestion = /^\(Did you mean (.*)\?\)$/.exec(rest.join(' ').trim())?.[1];
  if (locale === 'en')
    return `error: ${first}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; see \`${command} --help\``;
  const rule = ZH.find(([pattern]) => pattern.test(first));
  const reason = rule ? rule[1](...rule[0].exec(first)!.slice(1)) : first;
  return `错误：${reason}（${suggestion ? `是否想输入 \`${suggestion}\`？` : ''}用法见 \`${command} --help\`）`;
}
