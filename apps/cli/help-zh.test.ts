/**
 * `--help` in the CLI's language (issue 20, IT try: the help was English only). Under a Chinese locale the
 * top-level help and the help of the commands an IT engineer uses first (serve, import, user, audit) are in
 * Chinese — every command's; under an English one they stay as written.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCommands } from './commands/index.ts';
import { localizeHelp } from './help-zh.ts';

async function helpOf(path: string[], locale: 'zh-CN' | 'en'): Promise<string> {
  const program = new Command('qihuang')
    .description('Qihuang (岐黄) — self-hosted medical large-model platform')
    .version('0.1.0');
  await registerCommands(program, ['node', 'qihuang', ...path, '--help']);
  if (locale === 'zh-CN') localizeHelp(program);
  let cmd: Command = program;
  for (const name of path) cmd = cmd.commands.find((c) => c.name() === name)!;
  return cmd.helpInformation();
}

/** English words left in a Chinese help: anything but option flags, placeholders, names and file types. */
function english(help: string): string[] {
  let prose = help
    .split('\n')
    .slice(1) // the usage line: command names and placeholders
    .map((line) => line.replace(/^ {2}\S.*?\s{2,}/, '')) // an item's term (command, option, argument)
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/(^|\s)--?[\w-]+/g, ' ') // flags
    .replace(/<[^>]*>|\[[^\]]*\]/g, ' ') // placeholders, JSON arrays
    .replace(/"[^"]*"/g, ' '); // quoted values and examples
  for (let i = 0; i < 3; i++) prose = prose.replace(/\{[^{}]*\}/g, ' '); // JSON shapes
  prose = prose
    .replace(/\S*[|/.]\S*/g, ' ') // value lists (a|b), paths and file types
    .replace(/\S+-\S+/g, ' ') // ids (safety-redteam, china-2018)
    .replace(/\b[A-Z][A-Z0-9_]+\b/g, ' ') // env names, acronyms (FHIR, NDJSON, API)
    .replace(
      /qihuang|Qihuang|PostgreSQL|Bundle|AuditEvent|zh-CN|en\b|sha256|Bulk|Data|eGFR|PREVENT|Cockcroft–Gault|Safe|Harbor|ISO 8601/g,
      ' ',
    )
    // names: resources and fields, methods, products, authors
    .replace(
      /\b(Observation|Patient|MedicationRequest|TreatmentInput|Open|mHealth|Hooks|prefetch|McNemar|bootstrap|OpenAI|QASystemOnMedicalKG|China|Yang|annotate|revise)\b/g,
      ' ',
    )
    .replace(
      /\b(admin|clinician|nurse|pharmacist|auditor|patient|service|json|ndjson|localhost|transaction|batch|collection|verify)\b/g,
      ' ',
    );
  return prose.match(/[A-Za-z]{3,}/g) ?? [];
}

describe('--help in the CLI locale', () => {
  it('top-level help: titles, options and every command summary in Chinese', async () => {
    const zh = await helpOf([], 'zh-CN');
    expect(zh).toMatch(/^用法：qihuang \[options\] \[command\]/);
    expect(zh).toContain('岐黄（Qihuang）');
    expect(zh).toContain('选项：');
    expect(zh).toContain('命令：');
    expect(zh).toContain('显示命令帮助');
    expect(english(zh)).toEqual([]);
    const en = await helpOf([], 'en');
    expect(en).toMatch(/^Usage: qihuang/);
    expect(en).toContain('display help for command');
  });

  it('every command and subcommand: its help in Chinese', async () => {
    const eager = new Command('qihuang');
    await registerCommands(eager);
    const paths: string[][] = [];
    const walk = (cmd: Command, path: string[]) => {
      for (const sub of cmd.commands) {
        paths.push([...path, sub.name()]);
        walk(sub, [...path, sub.name()]);
      }
    };
    walk(eager, []);
    expect(paths.length).toBeGreaterThan(30);
    const left: string[] = [];
    for (const path of paths) {
      const zh = await helpOf(path, 'zh-CN');
      expect(zh, path.join(' ')).toMatch(/^用法：qihuang /);
      const words = english(zh);
      if (words.length) left.push(`${path.join(' ')}: ${words.join(' ')}`);
    }
    expect(left).toEqual([]);
  }, 120_000);

  it('defaults are worded in Chinese (full-width brackets)', async () => {
    const zh = await helpOf(['serve'], 'zh-CN');
    expect(zh).toContain('默认 8080');
    expect(zh).not.toMatch(/\(default/);
  });

  it('the CLI chooses the help language as it chooses its messages (--locale, QIHUANG_LOCALE, LANG)', () => {
    const run = (args: string[], env: Record<string, string>) =>
      execFileSync(process.execPath, ['bin/qihuang.mjs', ...args], {
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
        env: { ...process.env, QIHUANG_LOCALE: '', LC_ALL: '', LC_MESSAGES: '', ...env },
        encoding: 'utf8',
      });
    expect(run(['--help'], { LANG: 'zh_CN.UTF-8' })).toMatch(/^用法：qihuang/);
    expect(run(['audit', 'verify', '--help'], { QIHUANG_LOCALE: 'zh-CN' })).toContain('按哈希链逐条校验');
    expect(run(['serve', '--help', '--locale', 'en'], { LANG: 'zh_CN.UTF-8' })).toMatch(
      /^Usage: qihuang serve/,
    );
    expect(run(['--help'], { LANG: 'en_US.UTF-8' })).toMatch(/^Usage: qihuang/);
  }, 120_000);
});
