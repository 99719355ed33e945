#!/usr/bin/env node
/**
 * Builds the release tarball (docs/operations.md, "Building and shipping a release") from an allow-list, never
 * from "the directory minus some excludes": the files git tracks plus the builds (dist/runtime, apps/web/dist).
 * Data directories (.qihuang, .qihuang.old …), backups (qihuang-DATE.tar.gz, *.dump), node_modules, logs and any
 * other untracked file are not tracked, so they are never shipped; the patterns below are refused again in case
 * one was committed by mistake.
 *
 *   node bin/release.mjs [--out qihuang-release.tar.gz]      (run in the built checkout: npm ci && npm run build)
 *
 * Exit 0 written; 2 not a git checkout or the builds are missing; 1 tar failed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const BUILDS = [
  { dir: 'dist/runtime', marker: 'dist/runtime/current.json' },
  { dir: 'apps/web/dist', marker: 'apps/web/dist/index.html' },
];
/** Never in a release, even if tracked: data directories, backups, dumps. */
const NEVER = [
  /^\.qihuang/,
  /(^|\/)\.qihuang[^/]*\//,
  /(^|\/)qihuang-[^/]*\.(tar\.gz|tgz|tar|dump)$/,
  /\.dump$/,
];

function fail(message, code) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(code);
}

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1] : 'qihuang-release.tar.gz');
const root = process.cwd();

let tracked;
try {
  tracked = execFileSync('git', ['-C', root, 'ls-files', '-z', '--cached'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
    .split('\0')
    .filter(Boolean);
} catch {
  fail(`${root} is not a git checkout: build the release in a clone (npm ci && npm run build)`, 2);
}
for (const { marker } of BUILDS)
  if (!existsSync(join(root, marker))) fail(`${marker} is missing: run npm run build first`, 2);

const files = [
  ...tracked.filter((p) => existsSync(join(root, p))), // a file deleted but not committed is not shipped
  ...BUILDS.map((b) => b.dir),
].filter((p) => {
  if (!NEVER.some((pattern) => pattern.test(p))) return true;
  process.stderr.write(`release: left out ${p} (data or backup)\n`);
  return false;
});

// --format=posix keeps sub-second file times, which the runtime compares with its build (bin/compiled-runtime.mjs).
const tar = spawnSync('tar', ['--format=posix', '-czf', out, '-C', root, '--null', '-T', '-'], {
  input: files.join('\0'),
  stdio: ['pipe', 'inherit', 'inherit'],
});
if (tar.status !== 0) fail(`tar failed (exit ${tar.status ?? tar.signal})`, 1);
process.stdout.write(`${out}: ${tracked.length} tracked files and ${BUILDS.length} builds\n`);
