import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { QihuangError } from '@qihuang/contracts';

const SUPPORTED = new Set(['.json', '.ndjson', '.jsonl']);

/** Files to import from paths (files or folders, recursively), sorted so that shared resources load first. */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const visit = (path: string, explicit: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new QihuangError('invalid-input', `No such file or folder: ${path}`);
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name), false);
    } else if (SUPPORTED.has(extname(path).toLowerCase())) {
      out.push(path);
    } else if (explicit) {
      throw new QihuangError('invalid-input', `${path}: not a .json, .ndjson or .jsonl file`);
    }
  };
  for (const path of paths) visit(path, true);
  const rank = (file: string) =>
    /(Organization|Practitioner|Location|Medication)\./.test(file) ? 0 : /Patient\./.test(file) ? 1 : 2;
  return out.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
