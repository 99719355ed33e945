/**
 * The compiled runtime (issue 19 item 4) from a fresh state, as after `git clone && npm ci`: the launcher
 * finds no build, compiles one, answers `--help`, and `serve` starts on an empty embedded database (PGlite in
 * its worker, wasm and extensions), signs the first admin in (argon2 native addon) and answers /healthz and
 * /readyz. The build goes to a folder of its own (QIHUANG_RUNTIME_DIR), so dist/runtime is left alone.
 * Also: when the build counts as stale (bin/compiled-runtime.mjs), on a small tree of its own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentBuild, inUse, isStale, POINTER, sourceStamp } from '../../bin/compiled-runtime.mjs';

const root = join(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'qihuang-compiled-'));
// Inside the repository, where the bundle's external packages resolve from node_modules (dist/ is ignored).
mkdirSync(join(root, 'dist'), { recursive: true });
const runtimeDir = mkdtempSync(join(root, 'dist/runtime-test-'));
const dataDir = join(temp, 'data');
// The compiled runtime, whatever the test runner set (bin/qihuang.mjs runs the sources under vitest).
// English help (the CLI's language rule, apps/cli/locale.ts: no locale in the environment is zh-CN).
const env = {
  ...process.env,
  QIHUANG_LOCALE: 'en',
  QIHUANG_RUNTIME: 'compiled',
  QIHUANG_RUNTIME_DIR: runtimeDir,
};
let server: ChildProcess | undefined;

afterAll(() => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  rmSync(temp, { recursive: true, force: true });
  rmSync(runtimeDir, { recursive: true, force: true });
});

describe('compiled runtime from a fresh clone', () => {
  it('builds on first use and answers --help with exit 0', () => {
    const result = spawnSync(process.execPath, ['bin/qihuang.mjs', '--help'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    expect(result.stderr).toContain('Building the server and CLI');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: qihuang');
    const build = currentBuild(runtimeDir);
    expect(build?.entry).toMatch(/qihuang\.mjs$/);
  });

  it("keeps each source file's own location for the files it reads beside itself", () => {
    const build = currentBuild(runtimeDir)!;
    const located = new Set<string>();
    for (const file of readdirSync(build.dir).filter((f) => f.endsWith('.mjs'))) {
      const text = readFileSync(join(build.dir, file), 'utf8');
      for (const m of text.matchAll(/new URL\("([^"]+\.(?:ts|mts|mjs|js))", import\.meta\.url\)/g))
        located.add(resolve(build.dir, m[1]!));
    }
    // The console's dist, demo data, knowledge dictionary and packs, the PGlite worker, eval suites …
    expect(located).toContain(join(root, 'apps/server/console-static.ts'));
    expect(located).toContain(join(root, 'packages/store/pglite-remote.ts'));
    for (const path of located) expect(readdirSync(join(path, '..'))).toContain(path.split('/').pop());
  });

  it('serve starts on an empty embedded database, signs in with argon2, answers /healthz and /readyz', async () => {
    // The build itself (the launcher would rebuild if someone edited a source since the test above).
    const { entry } = currentBuild(runtimeDir)!;
    const child = spawn(process.execPath, [entry, 'serve', '--port', '0', '--no-demo'], {
      cwd: root,
      env: {
        ...env,
        QIHUANG_DATA_DIR: dataDir,
        DATABASE_URL: '',
        QIHUANG_ADMIN_PASSWORD: 'compiled-admin-pw-1',
      },
    });
    server = child;
    let logs = '';
    child.stderr.on('data', (d: Buffer) => (logs += d.toString()));
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${logs}`)), 100_000);
      child.stdout.on('data', (d: Buffer) => {
        logs += d.toString();
        const match = /"url":"(http:[^"]+)","msg":"listening"/.exec(logs);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}: ${logs}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { database: string }).database).toBe('pglite');
    const login = await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'compiled-admin-pw-1' }),
    });
    expect(login.status).toBe(200);
    const { access_token: token } = (await login.json()) as { access_token: string };
    const search = await fetch(`${url}/fhir/R4/Patient?name=li`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(search.status).toBe(200);
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});

describe('staleness of the compiled runtime', () => {
  const tree = join(temp, 'tree');
  const file = join(tree, 'packages/a/index.ts');
  const build = () => ({ dir: '', entry: '', sources: sourceStamp(tree) });

  it('is stale with no build, fresh right after one, stale after an edit, an added or a removed file', () => {
    mkdirSync(join(tree, 'packages/a'), { recursive: true });
    mkdirSync(join(tree, 'apps/cli'), { recursive: true });
    writeFileSync(file, 'export const a = 1;\n');
    writeFileSync(join(tree, 'tsconfig.json'), '{}\n');
    expect(isStale(currentBuild(join(tree, 'dist/runtime')), tree)).toBe(true);

    const built = build();
    expect(isStale(built, tree)).toBe(false);
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    expect(isStale(built, tree)).toBe(true);

    const edited = build();
    writeFileSync(join(tree, 'packages/a/b.ts'), 'export const b = 2;\n');
    expect(isStale(edited, tree)).toBe(true);

    const added = build();
    rmSync(join(tree, 'packages/a/b.ts'));
    expect(isStale(added, tree)).toBe(true);
  });

  it('ignores tests and the build output', () => {
    const built = build();
    const later = new Date(Date.now() + 120_000);
    writeFileSync(join(tree, 'packages/a/index.test.ts'), 'test\n');
    mkdirSync(join(tree, 'packages/a/dist'), { recursive: true });
    writeFileSync(join(tree, 'packages/a/dist/x.js'), '\n');
    // The folder itself changed (an entry was added), so only the new files' own times are checked here.
    utimesSync(join(tree, 'packages/a/index.test.ts'), later, later);
    utimesSync(join(tree, 'packages/a/dist/x.js'), later, later);
    expect(sourceStamp(tree).count).toBe(built.sources.count);
    expect(sourceStamp(tree).newest).toBeLessThan(later.getTime());
  });

  it('reads the pointer the build writes', () => {
    const dir = join(tree, 'dist/runtime');
    mkdirSync(join(dir, 'b-1'), { recursive: true });
    writeFileSync(join(dir, 'b-1/qihuang.mjs'), '\n');
    writeFileSync(join(dir, POINTER), JSON.stringify({ build: 'b-1', sources: sourceStamp(tree) }));
    expect(currentBuild(dir)?.entry).toBe(join(dir, 'b-1/qihuang.mjs'));
    expect(isStale(currentBuild(dir), tree)).toBe(false);
  });

  it("keeps a build folder a live process runs from, and drops a dead process's mark", () => {
    const dir = join(tree, 'dist/runtime/b-2');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.in-use-999999999'), '');
    expect(inUse(dir)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(join(dir, `.in-use-${process.pid}`), '');
    expect(inUse(dir)).toBe(true);
  });
});
