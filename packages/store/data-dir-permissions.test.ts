/**
 * The embedded database holds PHI, password hashes and the audit log: its directory is 0700 and no file under
 * it is readable or writable by group or others (PGlite itself chmods its files 0666), whatever the umask.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { secureDataDir } from './data-dir-permissions.ts';
import { migrations as STORE_MIGRATIONS } from './migrations/index.ts';

const root = mkdtempSync(join(tmpdir(), 'qihuang-perms-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (mode(path) & 0o077) found.push(`${name} ${mode(path).toString(8)}`);
  }
  return found;
}

describe('embedded database directory permissions', () => {
  it('creates the data directory 0700 and leaves no file open to group or others (umask 022)', async () => {
    const previous = process.umask(0o022);
    const dataDir = join(root, 'fresh');
    try {
      const database = await openDatabase({ dataDir, migrations: STORE_MIGRATIONS });
      await database.close();
    } finally {
      process.umask(previous);
    }
    expect(mode(dataDir)).toBe(0o700);
    expect(openToOthers(dataDir)).toEqual([]);
  }, 120_000);

  it('tightens an existing directory that was too open and says so', () => {
    const dataDir = join(root, 'open');
    mkdirSync(join(dataDir, 'pgdata'), { recursive: true, mode: 0o777 });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'pgdata'), 0o777);
    writeFileSync(join(dataDir, 'pgdata', 'PG_VERSION'), '17');
    chmodSync(join(dataDir, 'pgdata', 'PG_VERSION'), 0o666);
    const report = secureDataDir(dataDir);
    expect(report.previousMode).toBe(0o755);
    expect(report.tightened).toBeGreaterThanOrEqual(2);
    expect(mode(dataDir)).toBe(0o700);
    expect(openToOthers(dataDir)).toEqual([]);
    expect(secureDataDir(dataDir)).toEqual({ created: false, tightened: 0 });
  });
});
