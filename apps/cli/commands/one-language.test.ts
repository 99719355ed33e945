/**
 * One language per CLI run (issue 20): a command's output and its error lines follow one rule — `--locale`, else
 * QIHUANG_LOCALE or the system locale (LC_ALL, LC_MESSAGES, LANG), else zh-CN — so `text analyze`, `deid` and
 * `user` never print Chinese output and an English error (or the reverse) in one environment; commander's own
 * usage errors are in that language too, one line, exit 2.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'qihuang-one-language-'));
const note = join(dir, 'note.txt');
writeFileSync(note, '患者张三，电话 13812345678。\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], lang: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      QIHUANG_LOCALE: '',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: lang,
      QIHUANG_DATA_DIR: join(dir, 'data'),
      DATABASE_URL: '',
    };
    execFile(process.execPath, ['bin/qihuang.mjs', ...args], { cwd: ROOT, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const han = /[\u4e00-\u9fa5]/;
/** English prose left in a line: words of 3+ letters once flags, quoted values, paths and codes are set aside. */
function englishWords(line: string): string[] {
  const prose = line
    .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, ' ') // quoted values, names, commands
    .replace(/(?<![A-Za-z0-9-])--?[A-Za-z][\w-]*(\s<[^>]*>)?/g, ' ') // flags and their placeholders
    .replace(/\S*[/\\|.]\S*/g, ' ') // paths, value lists
    .replace(/\b(zh-CN|en|admin|clinician|nurse|pharmacist|auditor|patient|qihuang|help)\b/g, ' ')
    .replace(/\b[A-Z][A-Z0-9_-]+\b/g, ' '); // codes, acronyms
  return prose.match(/[A-Za-z]{3,}/g) ?? [];
}

/** Each error line is in `locale`: Chinese with no English prose, or English with no Chinese. */
function expectErrorIn(stderr: string, locale: 'zh-CN' | 'en', what: string) {
  const lines = stderr.trim().split('\n');
  expect(lines, `${what}: one line`).toHaveLength(1);
  const line = lines[0]!;
  if (locale === 'en') {
    expect(line, what).toMatch(/^error: /);
    expect(line.replace(/'[^']*'|"[^"]*"/g, ''), what).not.toMatch(han);
  } else {
    expect(line, what).toMatch(/^错误：/);
    expect(englishWords(line), `${what}: ${line}`).toEqual([]);
  }
}

const RUNS: [string, string, 'zh-CN' | 'en'][] = [
  ['LANG=C', 'C', 'zh-CN'],
  ['LANG=zh_CN.UTF-8', 'zh_CN.UTF-8', 'zh-CN'],
  ['LANG=en_US.UTF-8', 'en_US.UTF-8', 'en'],
];

describe.each(RUNS)('one language per run under %s', (_name, lang, locale) => {
  const zh = locale === 'zh-CN';

  it('text analyze: output and errors (own and usage) in one language', async () => {
    const ok = await cli(['text', 'analyze', '--text', '头痛，血压180/120'], lang);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.split('\n')[0]).toMatch(zh ? /^无急症/ : /^no emergency/);
    for (const args of [
      ['text', 'analyze'],
      ['text', 'analyze', '--text', 'x'.repeat(20_001)],
      ['text', 'analyze', '--text', 'a', '--batch', 'b'],
      ['text', 'analyze', '--bogus'],
      ['text', 'analyze', '--text'],
      ['text', 'analyse'],
    ]) {
      const bad = await cli(args, lang);
      expect(bad.code, bad.stderr).toBe(2);
      expectErrorIn(bad.stderr, locale, args.join(' ').slice(0, 60));
    }
  }, 120_000);

  it('deid: output and errors in one language', async () => {
    const ok = await cli(['deid', note, '--seed', '1'], lang);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(zh ? /已替换 \d+ 处标识信息/ : /identifier\(s\) replaced/);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '  \n');
    for (const args of [
      ['deid', join(dir, 'missing.txt')],
      ['deid', empty],
      ['deid', note, '--seed', 'x'],
      ['deid'],
      ['deid', note, 'extra'],
    ]) {
      const bad = await cli(args, lang);
      expect(bad.code, bad.stderr).toBe(2);
      expectErrorIn(bad.stderr, locale, args.join(' '));
    }
  }, 120_000);

  it('user: output and errors in one language', async () => {
    const ok = await cli(['user', 'list'], lang);
    expect(ok.code, ok.stderr).toBe(0);
    if (!ok.stdout.includes('\t')) expect(ok.stdout.trim()).toBe(zh ? '没有账号' : 'no users');
    for (const args of [
      ['user', 'reset-password', 'nobody'],
      ['user', 'create', 'someone', '--role', 'chief'],
      ['user', 'create', 'someone'],
    ]) {
      const bad = await cli(args, lang);
      expect(bad.code, bad.stderr).toBe(2);
      expectErrorIn(bad.stderr, locale, args.join(' '));
    }
  }, 180_000);
});

describe('--locale wins over the environment', () => {
  it('errors follow --locale as the output does', async () => {
    const en = await cli(['text', 'analyze', '--locale', 'en'], 'zh_CN.UTF-8');
    expectErrorIn(en.stderr, 'en', 'text analyze --locale en');
    const zh = await cli(['deid', join(dir, 'missing.txt'), '--locale', 'zh-CN'], 'en_US.UTF-8');
    expectErrorIn(zh.stderr, 'zh-CN', 'deid --locale zh-CN');
    const usage = await cli(['text', 'analyze', '--bogus', '--locale', 'zh-CN'], 'en_US.UTF-8');
    expect(usage.code).toBe(2);
    expectErrorIn(usage.stderr, 'zh-CN', 'unknown option --locale zh-CN');
    const bad = await cli(['text', 'analyze', '--text', 'a', '--locale', 'fr'], 'en_US.UTF-8');
    expect(bad.code).toBe(2);
    expectErrorIn(bad.stderr, 'en', '--locale fr');
  }, 120_000);
});
