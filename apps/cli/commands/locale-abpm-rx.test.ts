/**
 * One language per output for `qihuang abpm` and `qihuang rx review` (issue 17): `--locale zh-CN|en`, else
 * QIHUANG_LOCALE, else LANG (apps/cli/locale.ts, as the other commands); a bad value exits 2.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { abpmCsv } from '@qihuang/bp-monitoring/test-support';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/qihuang.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, QIHUANG_LOCALE: '', LANG: '', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
const han = /[\u4e00-\u9fa5]/;
const dir = mkdtempSync(join(tmpdir(), 'abpm-locale-'));
const file = join(dir, 'abpm.csv');
writeFileSync(file, abpmCsv());
const abpm = ['abpm', file, '--now', '2026-03-10T04:00:00Z', '--office-sbp', '132', '--office-dbp', '82'];
// The Bundle's own order and allergy texts are Chinese chart data; the command's words are checked apart.
const rx = ['rx', 'review', 'packages/engines/prescription-review/fixtures/patient-bundle.json'];
const NOW = ['--now', '2026-11-26T00:00:00Z'];
const heads = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('['));

describe('qihuang abpm: one language per output', { timeout: 120_000 }, () => {
  it('--locale en prints English only, --locale zh-CN Chinese (labels, dipping, phenotype, sources)', () => {
    const en = cli([...abpm, '--locale', 'en']);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).not.toMatch(han);
    expect(en.stdout).toMatch(/^ABPM 2026-03-08 12:00 – 2026-03-09 11:30 \(Asia\/Shanghai\)/);
    expect(en.stdout).toMatch(/Phenotype: .*masked hypertension/);
    const zh = cli([...abpm, '--locale', 'zh-CN']);
    expect(zh.status, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/^动态血压 2026-03-08 12:00/);
    expect(zh.stdout).toMatch(/表型：.*隐蔽性高血压/);
    expect(zh.stdout).toMatch(/依据：中国高血压防治指南 2018/);
    expect(zh.stdout).not.toMatch(/readings|Day|Night|Dipping|Phenotype|Guideline|dipper/);
  });
  it('follows QIHUANG_LOCALE, else LANG; a bad --locale exits 2 with one line', () => {
    expect(cli(abpm, { QIHUANG_LOCALE: 'en' }).stdout).not.toMatch(han);
    expect(cli(abpm, { LANG: 'en_US.UTF-8' }).stdout).not.toMatch(han);
    expect(cli(abpm, { QIHUANG_LOCALE: 'zh-CN', LANG: 'en_US.UTF-8' }).stdout).toMatch(/^动态血压/);
    const bad = cli([...abpm, '--locale', 'fr']);
    expect(bad.status).toBe(2);
    // No locale in the environment: the error is in the CLI's default language, as the output would be.
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^错误：--locale 必须是/)]);
  });
});

describe('qihuang rx review: one language per output', { timeout: 120_000 }, () => {
  it('--locale en: English severities, types and summaries; zh-CN: Chinese', () => {
    const en = cli([...rx, ...NOW, '--locale', 'en']);
    expect(en.status, en.stderr).toBe(0);
    expect(heads(en.stdout)[0]).toMatch(/^\[CRITICAL\] Allergy: amoxicillin/);
    expect(en.stdout).toMatch(/^ {4}source: /m);
    expect(heads(en.stdout).find((l) => l.startsWith('[WARNING] guideline'))).not.toMatch(han);
    const zh = cli([...rx, ...NOW, '--locale', 'zh-CN']);
    expect(zh.status, zh.stderr).toBe(0);
    expect(heads(zh.stdout)[0]).toMatch(/^\[严重\] 过敏：阿莫西林/);
    expect(zh.stdout).toMatch(/^ {4}依据：/m);
    expect(zh.stdout).not.toMatch(/\[(CRITICAL|WARNING|INFO)\]|^ {4}source:/m);
  });
  it('follows QIHUANG_LOCALE, else LANG (zh still accepted); a bad --locale exits 2', () => {
    expect(heads(cli([...rx, ...NOW], { QIHUANG_LOCALE: 'en' }).stdout)[0]).toMatch(/^\[CRITICAL\]/);
    expect(heads(cli([...rx, ...NOW], { LANG: 'en_US.UTF-8' }).stdout)[0]).toMatch(/^\[CRITICAL\]/);
    expect(heads(cli([...rx, ...NOW], { LANG: 'zh_CN.UTF-8' }).stdout)[0]).toMatch(/^\[严重\]/);
    expect(heads(cli([...rx, ...NOW, '--locale', 'zh']).stdout)[0]).toMatch(/^\[严重\]/);
    const bad = cli([...rx, ...NOW, '--locale', 'fr']);
    expect(bad.status).toBe(2);
    // No locale in the environment: the error is in the CLI's default language, as the output would be.
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^错误：--locale 必须是/)]);
  });
});
