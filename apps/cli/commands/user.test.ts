/**
 * `qihuang user` (issue 20, tried as IT): create an account, list it, reset its password (the old one stops working,
 * sessions are signed out), each change audited as the /admin routes audit it; messages in the locale's language;
 * bad input exits 2 and changes nothing. On the embedded database (server stopped) and on PostgreSQL.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@qihuang/store';
import { createPostgresTestDatabase, DATABASE_KINDS } from '@qihuang/test-kit';
import { createIdentity } from '@qihuang/identity';
import { MIGRATIONS } from '@qihuang/migrations';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function cli(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/qihuang.mjs', ...args],
      { cwd: ROOT, env: { ...process.env, QIHUANG_LOCALE: '', LANG: 'en_US.UTF-8', ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? '');
  });
}

async function target(kind: (typeof DATABASE_KINDS)[number]) {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'qihuang-user-cli-'));
    return {
      env: { QIHUANG_DATA_DIR: dir, DATABASE_URL: '' } as Record<string, string>,
      open: () => openDatabase({ migrations: MIGRATIONS, dataDir: dir }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = await createPostgresTestDatabase();
  return {
    env: { DATABASE_URL: server.url } as Record<string, string>,
    open: () => openDatabase({ migrations: MIGRATIONS, url: server.url, poolSize: 2 }),
    cleanup: server.drop,
  };
}

describe.each(DATABASE_KINDS)('qihuang user on %s', (kind) => {
  it('creates, lists and resets a password; audited; bad input exits 2', async () => {
    const { env, open, cleanup } = await target(kind);
    try {
      const created = await cli(
        ['user', 'create', 'dr.wu', '--role', 'clinician', '--password-stdin'],
        env,
        'first-Pass-123\n',
      );
      expect(created.code).toBe(0);
      expect(created.stdout).toContain('created dr.wu (clinician)');
      expect(created.stdout).not.toContain('first-Pass-123');

      const list = await cli(['user', 'list', '--json'], env);
      expect(JSON.parse(list.stdout).map((u: { username: string }) => u.username)).toContain('dr.wu');

      const reset = await cli(['user', 'reset-password', 'DR.WU', '--locale', 'zh-CN'], env);
      expect(reset.code).toBe(0);
      expect(reset.stdout).toContain('已重置 DR.WU 的密码');
      const generated = /新密码（仅显示这一次）：(\S+)/.exec(reset.stdout)?.[1];
      expect(generated).toMatch(/^[\w-]{24}$/);

      const bad = await cli(['user', 'create', 'x', '--role', 'wizard'], env);
      expect(bad.code).toBe(2);
      expect((await cli(['user', 'reset-password', 'nobody'], env)).code).not.toBe(0);

      const database = await open();
      try {
        const identity = createIdentity({ db: database.db });
        expect((await identity.login('dr.wu', 'first-Pass-123')).ok).toBe(false);
        expect((await identity.login('dr.wu', generated!)).ok).toBe(true);
        expect((await identity.listUsers(database.db)).map((u) => u.username)).not.toContain('x');
        const rows = await database.db
          .selectFrom('audit_entry' as never)
          .selectAll()
          .execute();
        const ops = (rows as { detail?: unknown; principal_username?: string }[]).map((r) =>
          JSON.stringify(r),
        );
        expect(ops.filter((r) => r.includes('users.create') && r.includes('"cli"'))).toHaveLength(1);
        expect(ops.filter((r) => r.includes('users.update') && r.includes('password'))).toHaveLength(1);
      } finally {
        await database.close();
      }
    } finally {
      await cleanup();
    }
  }, 240_000);
});
