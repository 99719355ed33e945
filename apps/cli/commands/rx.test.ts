import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reviewDocument } from './rx.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = (args: string[]) =>
  spawnSync(process.execPath, ['bin/qihuang.mjs', ...args], { cwd: root, encoding: 'utf8' });
const BUNDLE = 'packages/engines/prescription-review/fixtures/patient-bundle.json';
const REQUEST = 'packages/cds-hooks/fixtures/order-sign-request.json';
const NOW = ['--now', '2026-11-26T00:00:00Z'];

describe('qihuang rx review (spawned CLI)', { timeout: 180_000 }, () => {
  it('FHIR Bundle --json → exit 0 with findings', () => {
    const r = cli(['rx', 'review', BUNDLE, '--json', ...NOW]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      findings: { type: string; severity: string; source: { label: string } }[];
    };
    expect(out.findings.map((f) => f.type)).toEqual(
      expect.arrayContaining(['allergy', 'guideline', 'interaction', 'renal']),
    );
    for (const f of out.findings) expect(f.source.label).toBeTruthy();
  });

  it('CDS Hooks request, human output', () => {
    const r = cli(['rx', 'review', REQUEST, '--locale', 'en', ...NOW]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[CRITICAL\] allergy: Allergy: amoxicillin/);
  });

  it('bad input → exit 2 and one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rx-'));
    writeFileSync(join(dir, 'bad.json'), '{nope');
    writeFileSync(join(dir, 'empty.json'), '{}');
    for (const args of [
      ['rx', 'review', join(dir, 'bad.json')],
      ['rx', 'review', join(dir, 'empty.json')],
      ['rx', 'review', join(dir, 'missing.json')],
      ['rx', 'review', BUNDLE, '--threshold', 'loud'],
    ]) {
      const r = cli(args);
      expect({ status: r.status, lines: r.stderr.trim().split('\n') }).toMatchObject({
        status: 2,
        lines: [expect.stringMatching(/^error: /)],
      });
    }
  });

  it('--help exits 0', () => {
    const r = cli(['rx', 'review', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--json/);
  });
});

describe('reviewDocument', () => {
  it('rejects a request without prefetch and a Bundle without drafts', async () => {
    await expect(
      reviewDocument({
        hook: 'order-sign',
        hookInstance: 'x',
        context: { userId: 'Practitioner/1', patientId: 'p', draftOrders: { resourceType: 'Bundle' } },
      }),
    ).rejects.toThrow(/prefetch/);
    await expect(
      reviewDocument({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Patient', id: 'p' } }] }),
    ).rejects.toThrow(/draft/);
  });
});
