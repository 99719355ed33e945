import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const fixtures = join(import.meta.dirname, '../fixtures/import');
const dataDir = mkdtempSync(join(tmpdir(), 'qihuang-import-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function runImport(...args: string[]) {
  const result = spawnSync('node', ['bin/qihuang.mjs', 'import', ...args], {
    cwd: root,
    env: {
      ...process.env,
      QIHUANG_LOCALE: '',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: 'en_US.UTF-8',
      QIHUANG_DATA_DIR: dataDir,
      DATABASE_URL: '',
    },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('qihuang import (embedded database)', () => {
  it('imports good files, reports each bad file or line with its reason, and is idempotent', () => {
    const first = runImport(fixtures, '--json');
    expect(first.status, first.stderr).toBe(2); // something was rejected: wrong input (exit-codes.ts)
    const summary = JSON.parse(first.stdout) as {
      files: number;
      resources: number;
      written: number;
      byType: Record<string, number>;
      rejected: { file: string; line?: number; reason: string }[];
    };
    expect(summary.files).toBe(3);
    expect(summary.byType).toMatchObject({ Patient: 2, Observation: 2 });
    expect(summary.written).toBe(4);
    const reasons = summary.rejected.map(
      (r) => `${r.file.split('/').pop()}${r.line ? `:${r.line}` : ''} ${r.reason}`,
    );
    expect(reasons).toHaveLength(3);
    expect(reasons.find((r) => r.startsWith('b-broken-reference.json'))).toMatch(
      /urn:uuid:5f0b1c2e-0000-4000-8000-00000000dead/,
    );
    expect(reasons.find((r) => r.startsWith('c-bulk.ndjson:2'))).toMatch(/gender/);
    expect(reasons.find((r) => r.startsWith('c-bulk.ndjson:4'))).toMatch(/JSON/);

    const second = runImport(fixtures, '--json');
    const again = JSON.parse(second.stdout) as { written: number; unchanged: number };
    expect(again.written).toBe(0);
    expect(again.unchanged).toBe(4);
  });

  // One rule (issue 19, exit-codes.ts): the embedded database held by a running server is "could not complete",
  // exit 1 — as for `audit verify` — while a missing path is wrong input, exit 2.
  it('exits 1 with one line when the embedded database is held by another process', async () => {
    const { openDatabase } = await import('@qihuang/store');
    const { MIGRATIONS } = await import('@qihuang/migrations');
    const held = mkdtempSync(join(tmpdir(), 'qihuang-import-held-'));
    const database = await openDatabase({ migrations: MIGRATIONS, dataDir: held });
    try {
      const result = spawnSync('node', ['bin/qihuang.mjs', 'import', fixtures], {
        cwd: root,
        env: { ...process.env, QIHUANG_LOCALE: 'en', QIHUANG_DATA_DIR: held, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/in use by process/);
    } finally {
      await database.close();
      rmSync(held, { recursive: true, force: true });
    }
  }, 200_000);

  it('explains a missing path with exit code 2', () => {
    const result = runImport('/nonexistent/file.json');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/No such file or folder/);
  });
});
