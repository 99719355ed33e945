/**
 * What the browser tests share: Debian's Chromium (playwright-core never downloads one), a fresh build of the
 * console when its sources changed, and the real server (`node bin/qihuang.mjs serve`) on a free port with its
 * own data directory, stopped and removed afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { seedDataDir } from '@qihuang/test-kit/data-dir';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SHOTS = process.env.QIHUANG_E2E_SHOTS ?? tmpdir();

/** Logs why a browser test file steps aside when Chromium is missing. */
export function warnIfNoChromium(name: string): void {
  if (!HAS_CHROMIUM)
    console.warn(`${name}: skipped — ${CHROMIUM} is absent (apt-get install -y chromium fonts-noto-cjk)`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function newestMtime(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds apps/web/dist when it is missing or older than the console sources. */
export function ensureWebBuild(): void {
  const index = join(ROOT, 'apps/web/dist/index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(ROOT, 'apps/web/src'))) return;
  const build = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts'],
    // Vitest sets NODE_ENV=test, which would make vite bundle React's development build.
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
}

export interface TestServer {
  base: string;
  dataDir: string;
  /** The last 20,000 characters the server printed (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real server with `env` added, and waits until /readyz answers 200. Its data directory starts as a
 * copy of the run's migrated, empty embedded database (test-kit data-dir: no initdb, no migrations at boot);
 * `freshDatabase` makes the server create it itself.
 */
export async function startServer(
  env: Record<string, string>,
  options: { dataDirPrefix?: string; readyTimeoutMs?: number; port?: number; freshDatabase?: boolean } = {},
): Promise<TestServer> {
  const port = options.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), options.dataDirPrefix ?? 'qihuang-e2e-'));
  if (!options.freshDatabase) await seedDataDir(dataDir);
  let output = '';
  const server: ChildProcess = spawn(process.execPath, ['bin/qihuang.mjs', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', QIHUANG_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  let stopping = false;
  // A server that dies while tests still use it says so, with its last words (a later "connection refused"
  // alone does not explain anything).
  server.once('exit', (code, signal) => {
    if (!stopping)
      console.error(
        `qihuang server on ${base} exited (code ${code}, signal ${signal}):\n${output.slice(-6000)}`,
      );
  });
  const stop = async () => {
    stopping = true;
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`server exited with ${server.exitCode}:\n${output.slice(-3000)}`);
    }
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not ready after ${timeoutMs / 1000}s:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, dataDir, output: () => output, stop };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The admin password every browser test's server starts with (QIHUANG_ADMIN_PASSWORD). */
export const E2E_ADMIN_PASSWORD = 'E2e-admin-Passw0rd-long';
