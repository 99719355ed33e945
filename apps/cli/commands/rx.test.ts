import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reviewDocument } from './rx.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = (args: string[], env: Record<string, string> = { LANG: 'en_US.UTF-8' }) =>
  spawnSync(process.execPath, ['bin/qihuang.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, QIHUANG_LOCALE: '', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
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
    expect(r.stdout).toMatch(/^\[CRITICAL\] Allergy: amoxicillin/m);
    expect(r.stdout).toMatch(/^\[WARNING\] guideline: ACE inhibitor/m);
    expect(r.stdout).toContain('source: Amoxicillin US label section 2, section 4');
  });

  // Issue 20 try: `rx review --locale zh-CN` printed '过敏：过敏：…' and English sources ('Amoxicillin US label').
  it('--locale zh-CN: each type once, sources by their Chinese names as on the pharmacist card', () => {
    const r = cli(['rx', 'review', REQUEST, '--locale', 'zh-CN', ...NOW]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\[严重\] 过敏：阿莫西林/m);
    expect(r.stdout).not.toMatch(/(过敏|指南|相互作用|肾功能)：\1：/);
    const sources = r.stdout.split('\n').filter((l) => l.trim().startsWith('依据：'));
    expect(sources.length).toBeGreaterThan(3);
    expect(sources).toContain('    依据：阿莫西林美国说明书 第 2 节、第 4 节');
    expect(sources).toContain('    依据：FDA 药品安全通讯 2011-06-08；辛伐他汀美国说明书 第 2.3 节');
    // English prose left in a source (names such as ACC/AHA, ESH, ONTARGET are acronyms).
    for (const line of sources) expect(line.match(/\b[a-z][A-Za-z]{2,}\b/g), line).toBeNull();
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
