/**
 * Parallel starts of a stale compiled runtime build it once (bin/compiled-runtime.mjs, the build lock): three
 * `qihuang --help` started together on an empty runtime folder all answer, one build folder is made, and the
 * other two wait for it. A lock left by a dead builder, or older than the stale age, is broken.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentBuild, LOCK, tryLock, unlock } from '../../bin/compiled-runtime.mjs';

const root = join(import.meta.dirname, '../..');
mkdirSync(join(root, 'dist'), { recursive: true });
const runtimeDir = mkdtempSync(join(root, 'dist/runtime-lock-test-'));
afterAll(() => rmSync(runtimeDir, { recursive: true, force: true }));

function start(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/qihuang.mjs', '--help'], {
    cwd: root,
    env: {
      ...process.env,
      QIHUANG_LOCALE: 'en',
      QIHUANG_RUNTIME: 'compiled',
      QIHUANG_RUNTIME_DIR: runtimeDir,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr })));
}

describe('build lock', () => {
  it('three parallel starts of a missing runtime build it once', async () => {
    const runs = await Promise.all([start(), start(), start()]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: qihuang');
    }
    const builds = readdirSync(runtimeDir).filter((f) => f.startsWith('b-'));
    // One build, unless a source was edited during it (then a waiter rightly rebuilds): never one per start.
    expect(builds.length).toBeLessThan(3);
    expect(runs.filter((r) => r.stderr.includes('in another process: waiting')).length).toBeGreaterThan(0);
    expect(currentBuild(runtimeDir)).toBeDefined();
    expect(readdirSync(runtimeDir)).not.toContain(LOCK);
  }, 300_000);

  it('is exclusive, and a dead or stale holder loses it', () => {
    const dir = join(runtimeDir, 'locks');
    expect(tryLock(dir)).toBe(true);
    expect(tryLock(dir)).toBe(false); // held by this (live) process
    unlock(dir);
    expect(tryLock(dir)).toBe(true);
    writeFileSync(join(dir, LOCK, 'pid'), '999999999'); // a builder that died
    expect(tryLock(dir)).toBe(false); // breaks it …
    expect(tryLock(dir)).toBe(true); // … so the next try takes it
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(join(dir, LOCK), old, old); // held by a live process, but far too long
    expect(tryLock(dir, 60_000)).toBe(false);
    expect(tryLock(dir, 60_000)).toBe(true);
    unlock(dir);
  });
});
