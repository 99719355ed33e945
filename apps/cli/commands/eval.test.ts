import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAuditChain } from '@qihuang/audit';
import { openDatabase } from '@qihuang/store';
import {
  createPostgresTestDatabase,
  DATABASE_KINDS,
  startScriptedUpstream,
  type ScriptedUpstream,
} from '@qihuang/test-kit';
import { MIGRATIONS } from '@qihuang/migrations';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = 'packages/eval/suites/fixtures/medqa-sample.jsonl';

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('QIHUANG_MODEL_')),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/qihuang.mjs', ...args],
      { cwd: ROOT, env: { ...clean, QIHUANG_LOCALE: 'en', ...env }, maxBuffer: 1 << 24 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('qihuang eval', () => {
  let upstream: ScriptedUpstream;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    upstream = await startScriptedUpstream({ models: ['exam-model'] });
    // Right on the dabigatran question only (B); "A" for the others (answers C, C).
    upstream.setDefault((r) => ({
      content: JSON.stringify(r.body.messages).includes('dabigatran') ? 'The answer is (B)' : '答案：A',
    }));
    // PostgreSQL when the test server answers (fast); otherwise an embedded database directory.
    if (DATABASE_KINDS.includes('postgres')) {
      const server = await createPostgresTestDatabase();
      env = { DATABASE_URL: server.url };
      cleanup = server.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'qihuang-eval-cli-'));
      env = { QIHUANG_DATA_DIR: dir, DATABASE_URL: '' };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
  });
  afterAll(async () => {
    await upstream.close();
    await cleanup();
  });

  it('exits 2 naming the variables when no model is configured (never fakes answers)', async () => {
    const result = await cli(['eval', 'run', '--file', FIXTURE, '--format', 'medqa', '--json'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('QIHUANG_MODEL_BASE_URL');
    expect(result.stdout).toBe('');
    expect(upstream.modelRequests()).toHaveLength(0);
  });

  // Six CLI processes (tsx start-up and a database open each): slow on a loaded machine.
  it('runs through the QIHUANG_MODEL_* quick start, reports, exports CSV, compares, resumes', async () => {
    const model = { QIHUANG_MODEL_BASE_URL: upstream.url, QIHUANG_MODEL_NAME: 'exam-model' };
    const run = await cli(
      ['eval', 'run', '--file', FIXTURE, '--format', 'medqa', '--concurrency', '2', '--json'],
      { ...env, ...model },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { runId: string; n: number; accuracy: number; asked: number };
    expect(out).toMatchObject({ n: 3, accuracy: 1 / 3, asked: 3 });
    expect(upstream.modelRequests()).toHaveLength(3);
    expect(upstream.modelRequests()[0]!.body).toMatchObject({
      model: 'exam-model',
      temperature: 0,
      seed: 20261126,
    });

    // A virtual model of the quick start, routed by the gateway to the configured upstream model.
    const virtual = await cli(
      ['eval', 'run', '--file', FIXTURE, '--format', 'medqa', '--model', 'clinical-copilot', '--json'],
      { ...env, ...model },
    );
    expect(virtual.stderr).toBe('');
    const v = JSON.parse(virtual.stdout) as { runId: string };
    expect(v).toMatchObject({
      n: 3,
      accuracy: 1 / 3,
      asked: 3,
      target: {
        model: 'clinical-copilot',
        via: 'gateway',
        route: {
          name: 'clinical-copilot',
          kind: 'virtual',
          targets: [{ provider: 'default', model: 'exam-model' }],
        },
      },
    });
    expect(upstream.modelRequests()).toHaveLength(6);
    expect(upstream.modelRequests()[5]!.body.model).toBe('exam-model');
    // Usage and audit records of every call, under the run's service principal, in the platform database.
    const database = await openDatabase({
      migrations: MIGRATIONS,
      url: env.DATABASE_URL || undefined,
      dataDir: env.QIHUANG_DATA_DIR,
    });
    try {
      const count = async (table: string, column: string, runId: string) =>
        Number(
          (
            await sql<{
              n: string;
            }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${`eval-run:${runId}`}`.execute(
              database.db,
            )
          ).rows[0]!.n,
        );
      expect(await count('gateway_usage', 'key_id', out.runId)).toBe(3);
      expect(await count('gateway_usage', 'key_id', v.runId)).toBe(3);
      expect(await count('audit_entry', 'principal_id', v.runId)).toBe(3);
      // Written in batches (one transaction per chunk), the hash chain stays intact.
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    } finally {
      await database.close();
    }

    const report = await cli(['eval', 'report', out.runId, '--json'], env);
    expect(JSON.parse(report.stdout)).toMatchObject({
      run: { id: out.runId, status: 'completed' },
      summary: { n: 3, accuracy: 1 / 3 },
    });
    const csv = await cli(['eval', 'report', out.runId, '--csv'], env);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^run_id,item_id/);

    // Explicit --base-url, other seed → a second run; then compare and resume (nothing left to ask).
    const second = await cli(
      [
        'eval',
        'run',
        '--file',
        FIXTURE,
        '--format',
        'medqa',
        '--base-url',
        upstream.url,
        '--model',
        'exam-model',
        '--seed',
        '7',
        '--json',
      ],
      env,
    );
    const b = JSON.parse(second.stdout) as { runId: string };
    const compare = await cli(['eval', 'compare', out.runId, b.runId, '--json'], env);
    expect(JSON.parse(compare.stdout)).toMatchObject({ overall: { n: 3, difference: 0 }, alerts: [] });
    const before = upstream.modelRequests().length;
    const resumed = await cli(
      ['eval', 'run', '--file', FIXTURE, '--format', 'medqa', '--resume', b.runId, '--json'],
      env,
    );
    expect(JSON.parse(resumed.stdout)).toMatchObject({ runId: b.runId, asked: 0, n: 3 });
    expect(upstream.modelRequests().length).toBe(before);
  }, 300_000);
});
