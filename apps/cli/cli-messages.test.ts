/**
 * IT trial (issue 20): the CLI's messages on a dead server, a rejected file, a closed pipe and in Chinese.
 * - `import --server` on a port where nothing listens: exit 1 (could not complete), one line naming the URL and
 *   "connection refused" — not "fetch failed", exit 2.
 * - the import summary counts rejected files apart from imported ones.
 * - with QIHUANG_LOCALE=zh-CN the summary and usage errors are in Chinese.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBrokenPipe } from './exit-codes.ts';
import { errorLine } from './messages.ts';

const root = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'qihuang-cli-messages-'));
const DEAD_PORT = 25_021;
const REFUSING_PORT = 25_022;
const good = join(dir, 'good.json');
writeFileSync(good, JSON.stringify({ resourceType: 'Patient', id: 'p1', gender: 'female' }));

// A "server" that rejects every transaction as FHIR would (400 OperationOutcome).
let refusing: Server;
beforeAll(async () => {
  refusing = createServer((_req, res) => {
    res.writeHead(400, { 'Content-Type': 'application/fhir+json' });
    res.end(
      JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ diagnostics: 'Patient.gender: bad' }] }),
    );
  });
  await new Promise<void>((resolve) => refusing.listen(REFUSING_PORT, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => refusing.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI without blocking this process (the refusing server above answers from here). */
function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['bin/qihuang.mjs', ...args], {
      cwd: root,
      env: { ...process.env, QIHUANG_LOCALE: 'en', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('CLI messages', () => {
  it('import --server with nothing listening: exit 1, connection refused and the URL', async () => {
    const url = `http://127.0.0.1:${DEAD_PORT}`;
    const run = await cli(['import', good, '--server', url, '--no-progress']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`connection refused.*127\\.0\\.0\\.1:${DEAD_PORT}`, 'i'));
    expect(run.stderr).not.toMatch(/fetch failed/);
  });

  it('counts a rejected file apart from the imported ones', async () => {
    const run = await cli(['import', good, '--server', `http://127.0.0.1:${REFUSING_PORT}`, '--no-progress']);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/Imported 0 of 1 file\(s\)/);
    expect(run.stdout).toMatch(/1 file\(s\) rejected/);
    expect(run.stdout).not.toMatch(/Imported 1 file/);
  });

  it('speaks Chinese with QIHUANG_LOCALE=zh-CN: usage errors and the import summary', async () => {
    const bad = await cli(['bp', 'classify', '--sbp', 'abc', '--dbp', '80'], { QIHUANG_LOCALE: 'zh-CN' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^错误：--sbp 必须是数字/m);
    const summary = await cli(
      ['import', good, '--server', `http://127.0.0.1:${REFUSING_PORT}`, '--no-progress'],
      {
        QIHUANG_LOCALE: 'zh-CN',
      },
    );
    expect(summary.stdout).toMatch(/已导入 0\/1 个文件/);
    expect(summary.stdout).toMatch(/拒绝/);
    const dead = await cli(['import', good, '--server', `http://127.0.0.1:${DEAD_PORT}`], {
      QIHUANG_LOCALE: 'zh-CN',
    });
    expect(dead.stderr).toMatch(/连接被拒绝/);
  });

  it('a closed pipe (`| head`) is not an error', () => {
    expect(isBrokenPipe(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBe(true);
    expect(isBrokenPipe(new Error('other'))).toBe(false);
  });
});

// Issue 21 (IT try, tenth session): the new refusals of serve and of DATABASE_URL are worded in Chinese too.
describe('serve and DATABASE_URL refusals in Chinese', () => {
  it('port in use, port not permitted, a database URL that is not PostgreSQL', () => {
    expect(
      errorLine(
        'port 4751 is in use on 127.0.0.1 (another server is listening there): stop it, or choose another port with PORT or --port',
        'zh-CN',
      ),
    ).toBe(
      '错误：端口 4751（127.0.0.1）已被占用（另一个服务正在监听）：请停止它，或用 PORT 或 --port 换一个端口',
    );
    expect(
      errorLine(
        'port 80 may not be used by this user: choose a port above 1023 with PORT or --port',
        'zh-CN',
      ),
    ).toBe('错误：当前用户无权使用端口 80：请用 PORT 或 --port 选择 1023 以上的端口');
    expect(
      errorLine(
        'DATABASE_URL must be a PostgreSQL URL (postgres://user@host:5432/database), not mysql://; leave it unset for the embedded database',
        'zh-CN',
      ),
    ).toBe(
      '错误：DATABASE_URL 必须是 PostgreSQL 地址（postgres://用户@主机:5432/数据库），不支持 mysql://；不设置则使用内置数据库',
    );
  });
});
