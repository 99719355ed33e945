import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function cli(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/qihuang.mjs', ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          QIHUANG_LOCALE: '',
          LC_ALL: '',
          LC_MESSAGES: '',
          LANG: 'en_US.UTF-8',
          QIHUANG_CARE_WEBHOOK_URL: '',
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

describe('qihuang care', () => {
  it('triage stops for red flags with a crisis reading and ignores negated symptoms', async () => {
    const stop = await cli([
      'care',
      'triage',
      '--text',
      '胸痛，头痛',
      '--sbp',
      '190',
      '--dbp',
      '125',
      '--json',
    ]);
    expect(stop.code).toBe(0);
    expect(JSON.parse(stop.stdout)).toMatchObject({
      level: 'emergency',
      stop: true,
      crisisReading: { sbp: 190 },
    });
    const none = await cli(['care', 'triage', '--text', '没有胸痛，也没有头痛', '--json']);
    expect(JSON.parse(none.stdout)).toMatchObject({ level: 'none', stop: false });
    const batch = await cli(
      ['care', 'triage', '--batch'],
      '{"text":"chest pain","sbp":200,"dbp":110}\n{"sbp":150}\n',
    );
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ level: 'emergency' });
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'invalid-input' } });
  }, 60_000);

  it('proposes treatment from a patient file and rejects bad input with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qh-care-cli-'));
    const file = join(dir, 'patient.json');
    writeFileSync(
      file,
      JSON.stringify({ age: 58, sex: 'male', bp: { sbp: 165, dbp: 102 }, conditions: { diabetes: true } }),
    );
    const ok = await cli(['care', 'propose', file, '--json']);
    expect(ok.code).toBe(0);
    const proposal = JSON.parse(ok.stdout) as {
      decision: string;
      target: { sbp: number };
      orders: unknown[];
    };
    expect(proposal.decision).toBe('start-combination'); // China 2018 §7.3: ≥160/100 → two drugs
    expect(proposal.target.sbp).toBe(130); // §7.3 diabetes <130/80
    writeFileSync(file, JSON.stringify({ age: 58, sex: 'male', bp: { sbp: 90, dbp: 100 } }));
    const badBp = await cli(['care', 'propose', file]);
    expect(badBp.code).toBe(2);
    expect(badBp.stderr).toContain('dbp below sbp');
    const noWebhook = await cli(['care', 'remind']);
    expect(noWebhook.code).toBe(2);
    expect(noWebhook.stderr).toContain('QIHUANG_CARE_WEBHOOK_URL');
  }, 60_000);
});
