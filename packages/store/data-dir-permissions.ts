/**
 * The embedded database's directory holds patient data, password hashes and the audit log. It is 0700 and no
 * file or directory under it is open to group or others. PGlite's file system layer sets its files 0666 itself
 * (a chmod, so the umask does not help), hence a sweep when the database opens and when it closes; while it
 * runs, the 0700 directory keeps everyone else out of whatever it creates in between.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface DataDirReport {
  /** The directory did not exist and was created 0700. */
  created: boolean;
  /** The directory's mode before, when it was open to group or others (then set to 0700). */
  previousMode?: number;
  /** Files and directories whose group/other bits were removed. */
  tightened: number;
}

const OPEN = 0o077;

/** Creates `dir` 0700 (or tightens it) and removes group/other access from everything under it. */
export function secureDataDir(dir: string): DataDirReport {
  let created = false;
  let previousMode: number | undefined;
  try {
    const before = statSync(dir).mode & 0o777;
    if (before & OPEN) previousMode = before;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    created = true;
  }
  let tightened = 0;
  const tighten = (path: string, mode: number) => {
    if ((mode & OPEN) === 0) return;
    chmodSync(path, mode & 0o700);
    tightened++;
  };
  tighten(dir, statSync(dir).mode & 0o777);
  tightened += sweep(dir);
  return { created, ...(previousMode !== undefined ? { previousMode } : {}), tightened };
}

/** Removes group/other bits under `dir` (symbolic links are left alone); the number changed. */
export function sweep(dir: string): number {
  let changed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0; // removed meanwhile
  }
  for (const name of names) {
    const path = join(dir, name);
    let stats;
    try {
      stats = lstatSync(path);
    } catch {
      continue; // a temporary file gone meanwhile
    }
    if (stats.isSymbolicLink()) continue;
    const mode = stats.mode & 0o777;
    if (mode & OPEN) {
      try {
        chmodSync(path, mode & 0o700);
        changed++;
      } catch {
        /* gone meanwhile */
      }
    }
    if (stats.isDirectory()) changed += sweep(path);
  }
  return changed;
}
