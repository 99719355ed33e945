/**
 * Commander's usage errors in the run's language, one line (issue 20): each form commander 14 writes is worded in
 * Chinese — the test makes commander raise them, so a commander upgrade that rewords one fails here.
 */
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { isUsageError, usageLine } from './usage-errors.ts';

function usageErrorOf(argv: string[]): CommanderError {
  const program = new Command('qihuang').exitOverride().configureOutput({ outputError: () => {} });
  const text = program.command('text');
  text
    .command('analyze')
    .argument('<file>')
    .option('--text <text>')
    .option('--batch <file>')
    .requiredOption('--role <role>')
    .option('--json')
    .action(() => {});
  try {
    program.parse(['node', 'qihuang', ...argv]);
  } catch (error) {
    if (error instanceof CommanderError) return error;
    throw error;
  }
  throw new Error('no usage error');
}

describe('usageLine', () => {
  const cases: [string[], string][] = [
    [
      ['text', 'analyze', 'f', '--role', 'x', '--bogus'],
      "错误：未知选项 '--bogus'（用法见 `qihuang text analyze --help`）",
    ],
    [
      ['text', 'analyze', 'f', '--role', 'x', '--batc', 'b'],
      "错误：未知选项 '--batc'（是否想输入 `--batch`？用法见 `qihuang text analyze --help`）",
    ],
    [
      ['text', 'analyse'],
      "错误：未知命令 'analyse'（是否想输入 `analyze`？用法见 `qihuang text analyze --help`）",
    ],
    [
      ['text', 'analyze', '--role', 'x'],
      "错误：缺少必需的参数 'file'（用法见 `qihuang text analyze --help`）",
    ],
    [
      ['text', 'analyze', 'f', '--role'],
      "错误：选项 '--role <role>' 缺少取值（用法见 `qihuang text analyze --help`）",
    ],
    [
      ['text', 'analyze', 'f'],
      "错误：缺少必需的选项 '--role <role>'（用法见 `qihuang text analyze --help`）",
    ],
    [
      ['text', 'analyze', 'f', 'g', '--role', 'x'],
      '错误：参数过多：应为 1 个，收到 2 个（用法见 `qihuang text analyze --help`）',
    ],
  ];
  it.each(cases)('%j → Chinese, one line', (argv, zh) => {
    const error = usageErrorOf(argv);
    expect(isUsageError(error)).toBe(true);
    expect(usageLine(error, 'qihuang text analyze', 'zh-CN')).toBe(zh);
    const en = usageLine(error, 'qihuang text analyze', 'en');
    expect(en).toMatch(/^error: .*; see `qihuang text analyze --help`$/);
    expect(en).not.toContain('\n');
  });
  it('help and version are not usage errors', () => {
    expect(isUsageError(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(false);
    expect(isUsageError(new CommanderError(0, 'commander.version', '0.1.0'))).toBe(false);
  });
});
