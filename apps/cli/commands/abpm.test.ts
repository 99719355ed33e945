import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { abpmCsv } from '@qihuang/bp-monitoring/test-support';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/qihuang.mjs', ...args], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('qihuang abpm (issue 17 item 6)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'abpm-'));
  const file = join(dir, 'abpm.csv');
  writeFileSync(file, abpmCsv());

  it('prints 24 h/day/night means, dipping and the guideline', async () => {
    const r = await cli([
      'abpm',
      file,
      '--now',
      '2026-03-10T04:00:00Z',
      '--guideline',
      'esh-2023',
      '--locale',
      'en',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Day: 146/92 mmHg');
    expect(r.stdout).toContain('Night: 120/74 mmHg');
    expect(r.stdout).toMatch(/Dipping: 17\.8%/);
    expect(r.stdout).toContain('Guideline: ESH 2023');
    expect(r.stdout).not.toMatch(/REFERENCE|UNVERIFIED/);
  });

  it('--json with an office visit gives the phenotype', async () => {
    const r = await cli([
      'abpm',
      file,
      '--now',
      '2026-03-10T04:00:00Z',
      '--office-sbp',
      '132',
      '--office-dbp',
      '82',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).phenotype.phenotype).toBe('masked-hypertension');
  });

  it('bad input exits 2 with one line', async () => {
    const r = await cli(['abpm', file, '--time-zone', 'Mars/Olympus']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli(['abpm', join(dir, 'missing.csv')])).code).toBe(2);
  });
});
