/**
 * PGlite is single-process: a second process opening the same directory would corrupt it. A lock file holds
 * the owner's pid, host and command; a second opener gets a clear error naming the holder. A lock left by a
 * process that no longer runs (same host) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { QihuangError } from '@qihuang/contracts';

export interface DirectoryLock {
  path: string;
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDirectoryLock(dir: string): DirectoryLock {
  const path = join(dir, 'qihuang.lock');
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: Partial<LockOwner> = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
      } catch {
        /* unreadable lock: treat as stale below only if empty */
      }
      const stale = holder.pid !== undefined && holder.host === owner.host && !isRunning(holder.pid);
      if (stale || holder.pid === undefined) {
        rmSync(path, { force: true });
        continue;
      }
      throw new QihuangError(
        'database-locked',
        `The embedded database in ${dir} is in use by process ${holder.pid} on ${holder.host} ` +
          `(${holder.command ?? 'unknown command'}, since ${holder.since ?? '?'}). Stop that process, ` +
          `or talk to it (e.g. \`qihuang import --server URL\`), or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
  }
  throw new QihuangError('database-locked', `Could not lock ${path}`);
}
