import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '@qihuang/clinical-language';
import { RULE_ZH, toText } from './text.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function cli(
  args: string[],
  env: Record<string, string> = { LANG: 'en_US.UTF-8' },
): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { ...process.env, QIHUANG_LOCALE: '', LC_ALL: '', LC_MESSAGES: '', ...env };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/qihuang.mjs', ...args],
      { cwd: ROOT, env: base },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('qihuang text analyze', () => {
  it('prints concepts with codes, span and modifiers (--json)', async () => {
    const r = await cli([
      'text',
      'analyze',
      '--text',
      '无缘无故胸口疼，糖尿病没有，高压190低压125',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.emergency).toBe(true);
    expect(out.concepts[0]).toMatchObject({
      concept: 'chest-pain',
      span: [4, 7],
      codes: { snomed: '29857009', icd10: 'R07.4' },
      modifiers: {
        negated: false,
        historical: false,
        hypothetical: false,
        experiencer: 'patient',
        uncertain: false,
      },
    });
    expect(out.concepts[1]).toMatchObject({ concept: 'diabetes', modifiers: { negated: true } });
    expect(out.vitals[0]).toMatchObject({ kind: 'bp', sbp: 190, dbp: 125 });
  }, 120_000);

  it('text output, --help, and bad input exits 2 with one line', async () => {
    const r = await cli(['text', 'analyze', '--text', 'my mother had a stroke 5 years ago']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('stroke (condition)');
    expect(r.stdout).toContain('historical, experiencer=other');
    const help = await cli(['text', 'analyze', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--batch');
    const bad = await cli(['text', 'analyze', '--text', '  ']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 120_000);

  // One language per screen: the text output follows --locale, else QIHUANG_LOCALE/LANG (issue 20, tried as IT).
  it('text output in Chinese under a Chinese locale, in English under an English one', async () => {
    const zh = await cli(['text', 'analyze', '--text', '我妈五年前中过风'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('无急症 — 未见当前急症表现');
    expect(zh.stdout).toContain('（疾病）');
    expect(zh.stdout).toContain('既往，他人');
    expect(zh.stdout).not.toMatch(/emergency|historical|condition|experiencer/);
    const en = await cli(['text', 'analyze', '--text', '我妈五年前中过风', '--locale', 'en'], {
      LANG: 'zh_CN.UTF-8',
    });
    expect(en.stdout).toContain('no emergency — no current emergency concept');
    expect(en.stdout).toContain('historical, experiencer=other');
    const bad = await cli(['text', 'analyze', '--text', '胸痛', '--locale', 'fr']);
    expect(bad.code).toBe(2);
  }, 120_000);

  it('every rule the package can give has its Chinese text', () => {
    for (const text of [
      '胸口疼得厉害，喘不上气',
      '血压190/125，剧烈头痛',
      '血压190/125，手有点麻',
      '今天挺好的',
    ]) {
      const out = toText(analyze(text), 'zh-CN');
      expect(out.split('\n')[0]).not.toMatch(/[A-Za-z]{4,}/);
    }
    expect(Object.keys(RULE_ZH)).toHaveLength(4);
  });

  // Issue 20 (IT try): the user reads the guideline by name and section ("ACC/AHA 2017 §11.2"), never a bare
  // "§11.2" or our internal "REFERENCE §…"; the Chinese text words the section (第 11.2 节) without "§".
  it('text output cites the guideline by name before every section sign, in either language', () => {
    for (const text of [
      '胸口疼得厉害，喘不上气',
      '血压190/125，剧烈头痛',
      '血压190/125，手有点麻',
      'BP 200/130, back pain',
      '今天挺好的',
    ]) {
      const a = analyze(text);
      const en = toText(a, 'en');
      expect(en).not.toMatch(/REFERENCE|UNVERIFIED/);
      const signs = en.match(/§/g)?.length ?? 0;
      const cited = en.match(/(?:ACC\/AHA|ESH|China) \d{4} §\d/g)?.length ?? 0;
      expect(cited, en).toBe(signs);
      const zh = toText(a, 'zh-CN');
      expect(zh).not.toMatch(/§|REFERENCE|UNVERIFIED/);
    }
  });

  it('--batch reads NDJSON and answers one JSON line per input line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qh-text-'));
    const file = join(dir, 'in.ndjson');
    writeFileSync(file, '{"id":"a","text":"chest pain? no"}\n"我妈说话不清楚"\nnot json\n');
    const r = await cli(['text', 'analyze', '--batch', file]);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({
      id: 'a',
      emergency: false,
      concepts: [{ concept: 'chest-pain', modifiers: { negated: true } }],
    });
    expect(lines[1]).toMatchObject({ emergency: true, concepts: [{ modifiers: { experiencer: 'other' } }] });
    expect(lines[2]).toMatchObject({ line: 3, error: { code: 'invalid-input' } });
    const missing = await cli(['text', 'analyze', '--batch', join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
  }, 120_000);
});
