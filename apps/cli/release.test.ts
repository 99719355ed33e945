/**
 * The release tarball (docs/operations.md, "Building and shipping a release" — `node bin/release.mjs`) holds the
 * tracked sources and the builds, never data: after the documented restore (`.qihuang.old/`) or a backup left
 * in the tree (`qihuang-DATE.tar.gz`), neither ships (IT trial, issue 19: the old command excluded only
 * ./.qihuang and shipped .qihuang.old/pgdata).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '../../bin/release.mjs');
const tree = mkdtempSync(join(tmpdir(), 'qihuang-release-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));

function put(path: string, text = 'x'): void {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), text);
}

describe('bin/release.mjs', () => {
  it('ships tracked files and builds, and no data directory, backup or node_modules', () => {
    put('package.json', '{"name":"qihuang"}');
    put('bin/qihuang.mjs');
    put('.gitignore', 'node_modules/\n.qihuang/\ndist/\n');
    const git = (...args: string[]) => execFileSync('git', ['-C', tree, ...args], { stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'x');
    put('dist/runtime/current.json', '{}');
    put('dist/runtime/b-1/qihuang.mjs');
    put('apps/web/dist/index.html');
    put('.qihuang/pgdata/PG_VERSION', '17');
    put('.qihuang.old/pgdata/base/1/1259', 'patient data');
    put('qihuang-2026-12-07.tar.gz', 'backup');
    put('qihuang-2026-12-07.dump', 'backup');
    put('node_modules/pg/index.js');
    put('scratch-notes.txt', 'untracked');
    const out = join(tree, 'qihuang-release.tar.gz');
    const run = spawnSync('node', [script, '--out', out], { cwd: tree, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const listed = execFileSync('tar', ['-tzf', out], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((p) => p.replace(/^\.\//, ''));
    expect(listed).toEqual(
      expect.arrayContaining([
        'package.json',
        'bin/qihuang.mjs',
        'dist/runtime/current.json',
        'dist/runtime/b-1/qihuang.mjs',
        'apps/web/dist/index.html',
      ]),
    );
    expect(listed.filter((p) => /qihuang(\.old)?\/|\.tar\.gz$|\.dump$|node_modules|scratch/.test(p))).toEqual(
      [],
    );
  });

  it('refuses without the builds (npm run build first), exit 2', () => {
    rmSync(join(tree, 'dist'), { recursive: true, force: true });
    const run = spawnSync('node', [script, '--out', join(tree, 'r.tar.gz')], { cwd: tree, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/npm run build/);
  });
});
