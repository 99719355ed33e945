import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'qh-guard-cli-'));
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/qihuang.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, QIHUANG_LOCALE: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8', ...env },
  });

describe('qihuang guard check (spawned CLI)', () => {
  it('checks a file and prints JSON; exit 0 even with contradicted claims', () => {
    const file = join(dir, 'answer.json');
    writeFileSync(
      file,
      JSON.stringify({
        answer: '氨氯地平 5 mg 每日一次[p1]。ESH 2023 grade 1 starts at 130/80 mmHg.',
        passages: [{ id: 'p1', title: '氨氯地平', text: '氨氯地平起始剂量 5 mg，每日一次。' }],
      }),
    );
    const r = cli(['guard', 'check', file, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout) as { action: string; summary: { contradicted: number } };
    expect(body).toMatchObject({ action: 'annotate', summary: { contradicted: 1 } });
  });

  it('bad input → exit 2 with one line', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ answer: 42 }));
    for (const args of [
      ['guard', 'check', bad],
      ['guard', 'check', join(dir, 'missing.json')],
      ['guard', 'check', bad, '--policy', 'x'],
    ]) {
      const r = cli(args);
      expect({ status: r.status, lines: r.stderr.trim().split('\n') }).toMatchObject({
        status: 2,
        lines: [expect.stringMatching(/^error: /)],
      });
    }
  });
});
