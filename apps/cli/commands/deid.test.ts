import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'qihuang-deid-'));

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

describe('qihuang deid', () => {
  it('prints the spans (type, start, end, replacement) with --json', async () => {
    const file = join(dir, 'note.txt');
    const text = '门诊病历：陈志强，男，61岁，1964年3月5日出生，电话13602581147。';
    writeFileSync(file, text);
    const r = await cli(['deid', file, '--json', '--seed', '3']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.spans.map((s: { type: string }) => s.type)).toEqual(['PATIENT_NAME', 'DATE', 'PHONE']);
    for (const s of out.spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(out.spans[0]).toMatchObject({ start: 5, end: 8, replacement: '[PATIENT_NAME_1]' });
    expect(out.spans[1].replacement).toMatch(/^1964年\d+月\d+日$/);
    expect(out.shiftDays).not.toBe(0);
    expect(out.text).not.toContain('陈志强');
    expect(out.text).not.toContain('13602581147');
  }, 120_000);

  it('text output, --help, and bad input exits 2 with one line', async () => {
    const file = join(dir, 'en.txt');
    writeFileSync(file, 'Patient: Harold Whitaker, SSN 321-54-9876.');
    const r = await cli(['deid', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Patient: [PATIENT_NAME_1], SSN [SSN_1].');
    expect(r.stdout).toContain('2 identifier(s) replaced');
    // One language per screen: the summary follows the locale (issue 20, tried as IT).
    const zh = await cli(['deid', file, '--seed', '3'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stdout).toContain('已替换 2 处标识信息；日期整体平移');
    expect(zh.stdout).not.toContain('replaced');
    const help = await cli(['deid', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--json');
    const missing = await cli(['deid', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '  \n');
    expect((await cli(['deid', empty])).code).toBe(2);
    const binary = join(dir, 'bin.dat');
    writeFileSync(binary, Buffer.from([0x41, 0, 0x42]));
    expect((await cli(['deid', binary])).code).toBe(2);
    expect((await cli(['deid', file, '--seed', 'x'])).code).toBe(2);
  }, 120_000);
});
