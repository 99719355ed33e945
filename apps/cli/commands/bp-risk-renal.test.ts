import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['bin/qihuang.mjs', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    // English error lines (the CLI's language rule, apps/cli/locale.ts)
    env: { ...process.env, QIHUANG_LOCALE: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' },
  });

describe('qihuang bp / risk / renal (spawned CLI)', () => {
  it('bp classify --json', () => {
    const r = cli(['bp', 'classify', '--sbp', '150', '--dbp', '95', '--guideline', 'acc-aha-2017', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      category: 'stage-2',
      crisis: false,
      guideline: 'acc-aha-2017',
    });
  });
  it('bad input → exit 2 and one line on stderr', () => {
    for (const args of [
      ['bp', 'classify', '--sbp', 'abc', '--dbp', '90'],
      ['bp', 'classify', '--dbp', '90'],
      ['bp', 'classify', '--sbp', '150', '--dbp', '95', '--guideline', 'jnc7'],
      ['renal', 'egfr', '--creatinine', '1.2', '--age', '10', '--sex', 'male'],
    ]) {
      const r = cli(args);
      // Include stderr in the comparison so a failure shows why.
      expect({ args: args.join(' '), status: r.status, lines: r.stderr.trim().split('\n') }).toMatchObject({
        status: 2,
        lines: [expect.stringMatching(/^error: /)],
      });
    }
  });
  it('risk pce and renal egfr --json', () => {
    const pce = cli([
      'risk',
      'pce',
      '--age',
      '55',
      '--sex',
      'female',
      '--race',
      'white',
      '--tc',
      '213',
      '--hdl',
      '50',
      '--sbp',
      '120',
      '--treated',
      'no',
      '--smoker',
      'no',
      '--diabetes',
      'no',
      '--json',
    ]);
    expect(pce.status).toBe(0);
    expect(JSON.parse(pce.stdout).tenYearRisk).toBeCloseTo(0.0205, 4);
    const eg = cli([
      'renal',
      'egfr',
      '--creatinine',
      '1.2',
      '--unit',
      'mg/dL',
      '--age',
      '60',
      '--sex',
      'male',
      '--json',
    ]);
    expect(JSON.parse(eg.stdout)).toMatchObject({ stage: 'G2' });
  });
  it('--batch: one result per line, error object for a bad line', () => {
    const r = cli(
      ['risk', 'pce', '--batch'],
      '{"age":55,"sex":"male","race":"white","tc":213,"hdl":50,"sbp":120,"treated":"no","smoker":"no","diabetes":"no"}\nnot json\n{"age":30}\n',
    );
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].tenYearRisk).toBeCloseTo(0.0538, 4);
    expect(lines[1].error.code).toBe('invalid-input');
    expect(lines[2].error.message).toMatch(/age/);
  });
  it('bp assess FILE (CSV fixture)', () => {
    const r = cli([
      'bp',
      'assess',
      'packages/engines/blood-pressure/fixtures/home-bp.csv',
      '--now',
      '2026-01-10T00:00:00Z',
      '--json',
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ingestion).toMatchObject({ format: 'csv', accepted: 3, rejected: 1 });
    expect(out.hbpm.readingsUsed).toBe(3);
  });
  // IT trial item 1: `renal egfr --json` printed "source": "REFERENCE §4.1, §4.3". What the user sees — JSON,
  // text, help, errors — cites guidelines by name, never the internal reference or its verification marks.
  it('outputs, help and errors never show "REFERENCE §" or "UNVERIFIED"', () => {
    const runs = [
      ['renal', 'egfr', '--creatinine', '1.2', '--age', '55', '--sex', 'male', '--json'],
      ['renal', 'egfr', '--creatinine', '1.2', '--age', '55', '--sex', 'male'],
      ['renal', 'crcl', '--creatinine', '1.2', '--age', '55', '--sex', 'male', '--weight', '70', '--json'],
      ['risk', 'china-2018', '--sbp', '150', '--dbp', '92', '--risk-factors', '2', '--json'],
      ['risk', 'china-par'],
      ['risk', '--help'],
      ['renal', '--help'],
      ['bp', 'classify', '--sbp', '150', '--dbp', '95', '--json'],
    ].map((args) => ({ args: args.join(' '), r: cli(args) }));
    const egfr = JSON.parse(runs[0]!.r.stdout) as { source: string };
    expect(egfr.source).toMatch(/^CKD-EPI 2021 \(Inker et al\., NEJM 2021\); KDIGO 2012/);
    const leaks = runs
      .filter(({ r }) => /REFERENCE\s*§|UNVERIFIED/i.test(`${r.stdout}${r.stderr}`))
      .map(({ args, r }) => `${args}: ${r.stdout}${r.stderr}`);
    expect(leaks).toEqual([]);
  });
});
