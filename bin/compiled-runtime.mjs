/**
 * The compiled runtime (issue 19 item 4): `npx qihuang` and `npm start` run plain JavaScript compiled by
 * bin/build-runtime.mjs into dist/runtime, rebuilt when its sources changed (like bin/ensure-web.mjs does for
 * the console). tsx stays for development and tests.
 *
 * Layout: dist/runtime/current.json names the current build folder (dist/runtime/b-…/qihuang.mjs + chunks)
 * and the source stamp it was compiled from. A rebuild writes a new folder and then swaps current.json; a
 * process running a build marks its folder in use (claimBuild), so a server still running an older build
 * keeps loading its lazy chunks. Folders neither current nor in use are removed by the next build.
 *
 * Staleness must be cheap because it runs before every command: one stat per source file and folder (~900,
 * a few milliseconds), no hashing, no git (a release tree may have no .git). The stamp is the newest mtime of
 * a code file or folder (a folder's mtime changes when a file is added, removed or renamed in it) and the
 * number of code files; the build is stale when the current stamp differs from the one it was built from.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
export const RUNTIME_DIR = 'dist/runtime';
export const POINTER = 'current.json';
/** The CLI entry (its `serve` loads the server in chunks of its own). */
export const ENTRY = { name: 'qihuang', source: 'apps/cli/main.ts' };
/** What the bundle is compiled from, relative to the repository root: folders walked, files stat'ed. */
export const SOURCE_DIRS = ['apps/cli', 'apps/server', 'packages'];
export const SOURCE_FILES = [
  'tsconfig.json',
  'package.json',
  // Bundled dependencies: an upgrade changes the lockfile.
  'package-lock.json',
  'bin/build-runtime.mjs',
  'bin/compiled-runtime.mjs',
];

const CODE = /\.(ts|mts|mjs|js|cjs|json)$/;
const SKIP = new Set(['node_modules', 'dist', '.git']);

function walk(dir, stamp) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  stamp.newest = Math.max(stamp.newest, statSync(dir).mtimeMs);
  for (const entry of entries) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, stamp);
    else if (CODE.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      stamp.newest = Math.max(stamp.newest, statSync(path).mtimeMs);
      stamp.count++;
    }
  }
}

/** The current stamp { newest, count } of the sources under `root`. */
export function sourceStamp(root = ROOT) {
  const stamp = { newest: 0, count: 0 };
  for (const dir of SOURCE_DIRS) walk(join(root, dir), stamp);
  for (const file of SOURCE_FILES) {
    const path = join(root, file);
    if (!existsSync(path)) continue;
    stamp.newest = Math.max(stamp.newest, statSync(path).mtimeMs);
    stamp.count++;
  }
  return stamp;
}

/** The current build in `runtimeDir`: { dir, entry, sources }, or undefined when there is none. */
export function currentBuild(runtimeDir) {
  try {
    const pointer = JSON.parse(readFileSync(join(runtimeDir, POINTER), 'utf8'));
    const entry = join(runtimeDir, pointer.build, `${ENTRY.name}.mjs`);
    if (!existsSync(entry)) return undefined;
    return { dir: join(runtimeDir, pointer.build), entry, sources: pointer.sources };
  } catch {
    return undefined;
  }
}

/** True when `build` (from currentBuild) was compiled from sources other than those under `root` now. */
export function isStale(build, root = ROOT) {
  if (!build) return true;
  const now = sourceStamp(root);
  return build.sources?.newest !== now.newest || build.sources?.count !== now.count;
}

/** The build lock: a folder in the runtime folder (mkdir is atomic), holding the builder's pid. */
export const LOCK = '.build.lock';
/** A lock older than this is a builder that died or hung (a build takes 1–30 s, even at load 30). */
export const LOCK_STALE_MS = 120_000;

/** Takes the build lock of `runtimeDir`: true when this process holds it now. Breaks a stale or orphaned lock. */
export function tryLock(runtimeDir, staleMs = LOCK_STALE_MS) {
  const lock = join(runtimeDir, LOCK);
  mkdirSync(runtimeDir, { recursive: true });
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
  let stale = false;
  try {
    stale = Date.now() - statSync(lock).mtimeMs > staleMs;
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    if (pid) process.kill(pid, 0); // throws ESRCH when the builder is gone
  } catch (error) {
    if (error.code === 'ESRCH') stale = true; // a lock without its pid file yet is being taken: not stale
  }
  if (stale) {
    // Renamed first so that of several waiters breaking it, one removes it and the others find it gone.
    const broken = `${lock}.broken-${process.pid}`;
    try {
      renameSync(lock, broken);
      rmSync(broken, { recursive: true, force: true });
    } catch {
      // another waiter broke it first
    }
  }
  return false;
}

/** Releases the build lock taken by tryLock. */
export function unlock(runtimeDir) {
  rmSync(join(runtimeDir, LOCK), { recursive: true, force: true });
}

/**
 * The entry file of an up-to-date compiled runtime, building it first when it is missing or stale. Without
 * the build tool (a production install, `npm ci --omit=dev`) the shipped build is used as it is. Parallel
 * starts build once: the first takes the build lock (tryLock), the others wait for it to go and then use the
 * build it made (or build again if the sources changed meanwhile).
 */
export async function ensureRuntime({
  root = ROOT,
  runtimeDir = join(root, RUNTIME_DIR),
  pollMs = 100,
} = {}) {
  let build = currentBuild(runtimeDir);
  if (build && !isStale(build, root)) return build.entry;
  let buildRuntime;
  try {
    await import('esbuild');
    ({ buildRuntime } = await import('./build-runtime.mjs'));
  } catch {
    if (build) return build.entry; // release tree: prebuilt, no build tools installed
    throw new Error(
      'the compiled runtime (dist/runtime) is missing and esbuild is not installed: run `npm ci` then `npm run build`',
    );
  }
  const started = performance.now();
  let waited = false;
  for (;;) {
    if (tryLock(runtimeDir)) {
      try {
        // Another process may have finished a build between our check and the lock.
        build = currentBuild(runtimeDir);
        if (build && !isStale(build, root)) return build.entry;
        return (await buildRuntime({ root, runtimeDir })).entry;
      } finally {
        unlock(runtimeDir);
        if (waited) process.stderr.write(`(waited ${Math.round(performance.now() - started)} ms in all)\n`);
      }
    }
    if (!waited) {
      waited = true;
      // Same opening words as a build's own line (the start-up bench leaves such runs out).
      process.stderr.write('Building the server and CLI (dist/runtime) in another process: waiting …\n');
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    build = currentBuild(runtimeDir);
    if (build && !isStale(build, root) && !existsSync(join(runtimeDir, LOCK))) {
      process.stderr.write(`ready after ${Math.round(performance.now() - started)} ms\n`);
      return build.entry;
    }
  }
}

const IN_USE = /^\.in-use-(\d+)$/;

/** Marks the build folder of `entry` as used by this process until it exits. */
export function claimBuild(entry) {
  const mark = join(entry, '..', `.in-use-${process.pid}`);
  try {
    writeFileSync(mark, '');
    process.once('exit', () => {
      try {
        unlinkSync(mark);
      } catch {
        // already gone with its folder
      }
    });
  } catch {
    // a read-only release tree: nothing prunes it either
  }
}

/** True when a live process claimed the build folder `dir` (marks of dead processes are removed). */
export function inUse(dir) {
  let used = false;
  for (const name of readdirSync(dir)) {
    const pid = IN_USE.exec(name)?.[1];
    if (!pid) continue;
    try {
      process.kill(Number(pid), 0);
      used = true;
    } catch (error) {
      if (error.code === 'EPERM') used = true;
      else unlinkSync(join(dir, name));
    }
  }
  return used;
}
