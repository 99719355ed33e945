import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Database } from '@qihuang/store';
import { createPostgresTestDatabase, DATABASE_KINDS } from '@qihuang/test-kit';
import { createAuditLog } from '@qihuang/audit';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/qihuang.mjs', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 1 << 24 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe.each(DATABASE_KINDS)('qihuang audit on %s', (kind) => {
  it('verify exits 0 when intact and 1 naming the first bad entry; export writes NDJSON', async () => {
    // The embedded database is single-process: every handle here is closed before the CLI runs.
    let env: Record<string, string>;
    let open: () => Promise<Database>;
    let cleanup: () => Promise<void>;
    if (kind === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'qihuang-audit-cli-'));
      env = { QIHUANG_DATA_DIR: dir, DATABASE_URL: '' };
      open = () => openDatabase({ dataDir: dir });
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const server = await createPostgresTestDatabase();
      env = { DATABASE_URL: server.url };
      open = () => openDatabase({ url: server.url, poolSize: 2 });
      cleanup = server.drop;
    }
    try {
      let database = await open();
      const audit = createAuditLog();
      for (let i = 1; i <= 5; i++) {
        await audit.append(
          database.db,
          {
            requestId: `r${i}`,
            principal: { id: 'u1', kind: 'user', username: 'dr.li', role: 'clinician', scopes: [] },
          },
          {
            action: 'read',
            outcome: 'success',
            resourceType: 'Observation',
            resourceId: `o${i}`,
            patientIds: [i % 2 ? 'p1' : 'p2'],
          },
        );
      }
      await database.close();

      const intact = await cli(['audit', 'verify'], env);
      expect(intact.stdout).toMatch(/audit chain intact: 5 entries/);
      expect(intact.code).toBe(0);
      const json = await cli(['audit', 'verify', '--json'], env);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, checked: 5, head: { seq: 5 } });

      const exported = await cli(['audit', 'export', '--patient', 'p1'], env);
      expect(exported.code).toBe(0);
      const lines = exported.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; resourceType: string });
      // Entries 1, 3, 5 and the export's own entry (6).
      expect(lines.map((l) => l.id)).toEqual(['1', '3', '5', '6']);
      expect((await cli(['audit', 'export', '--since', 'not-a-date'], env)).code).toBe(2);

      database = await open();
      await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(database.db);
      await sql`update audit_entry set resource_id = 'other' where seq = 3`.execute(database.db);
      await database.close();

      const broken = await cli(['audit', 'verify'], env);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/BROKEN at entry 3 \(edited\)/);
      const brokenJson = await cli(['audit', 'verify', '--json'], env);
      expect(brokenJson.code).toBe(1);
      expect(JSON.parse(brokenJson.stdout)).toMatchObject({
        ok: false,
        firstBad: { seq: 3, problem: 'edited' },
      });
    } finally {
      await cleanup();
    }
  }, 240_000);
});
