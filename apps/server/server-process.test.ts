/**
 * The real server process: starts on a free port with an embedded database, answers health checks with a
 * request id, refuses a second process on the same data directory with a message naming the holder, and shuts
 * down gracefully on SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'qihuang-serve-'));
let child: ChildProcess;
let url = '';
let logs = '';

beforeAll(async () => {
  child = spawn('node', ['bin/qihuang.mjs', 'serve', '--port', '0', '--no-demo'], {
    cwd: root,
    env: {
      ...process.env,
      QIHUANG_DATA_DIR: dataDir,
      DATABASE_URL: '',
      QIHUANG_ADMIN_PASSWORD: 'test-admin-pw-123',
    },
  });
  child.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${logs}`)), 120_000);
    child.stdout?.on('data', (d: Buffer) => {
      logs += d.toString();
      const match = /"url":"(http:[^"]+)","msg":"listening"/.exec(logs);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${logs}`)));
  });
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('qihuang serve', () => {
  it('binds 127.0.0.1 and answers /healthz, /readyz and /openapi.json with a request id', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await fetch(`${url}/readyz`, { headers: { 'X-Request-Id': 'trace-me-1' } });
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-request-id')).toBe('trace-me-1');
    expect(((await ready.json()) as { database: string }).database).toBe('pglite');
    const openapi = (await (await fetch(`${url}/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/readyz');
  });

  it('refuses a second process on the same embedded database, naming the holder', () => {
    const second = spawnSync('node', ['bin/qihuang.mjs', 'serve', '--port', '0', '--no-demo'], {
      cwd: root,
      // English error line (the CLI's language rule: no locale in the environment is zh-CN)
      env: { ...process.env, QIHUANG_LOCALE: 'en', QIHUANG_DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain(`in use by process ${child.pid}`);
  });

  it('stops gracefully on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logs).toContain('"msg":"stopped"');
  });
});
