/**
 * Every environment variable the configuration reads is documented in the README's settings table (the
 * tried pass found QIHUANG_TIME_ZONE and QIHUANG_BP_ALERT_ESCALATE_MINUTES undocumented), and so is every
 * QIHUANG_* setting read outside packages/config by production code, bin/ included (the IT trial found
 * QIHUANG_RUNTIME_DIR and the QIHUANG_SECRET_* family undocumented).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

function readmeNames(): Set<string> {
  const readme = read('../../README.md');
  const names = new Set(readme.match(/QIHUANG_[A-Z0-9_]+\*?/g) ?? []);
  // A row may name several variables of one prefix: `QIHUANG_CARE_WEBHOOK_URL`, `_SECRET`.
  for (const row of readme.matchAll(/`(QIHUANG_[A-Z0-9_]+?)_[A-Z0-9]+`((?:, `_[A-Z0-9]+`)+)/g))
    for (const suffix of row[2]!.match(/_[A-Z0-9]+/g) ?? []) names.add(`${row[1]}${suffix}`);
  return names;
}

/** Production source files: not tests, test helpers, fixtures, browser tests, builds or dependencies. */
function productionFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (
        ['node_modules', 'dist', 'test-kit', 'test-support', 'fixtures', 'e2e', 'api-tests'].includes(
          entry.name,
        )
      )
        continue;
      productionFiles(path, out);
    } else if (/\.(ts|tsx|mjs|js)$/.test(entry.name) && !/\.test\.|test-support\.ts$/.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

describe('README settings table', () => {
  it('names every QIHUANG_* variable packages/config reads', () => {
    const config = read('./index.ts');
    const used = [...new Set(config.match(/QIHUANG_[A-Z0-9_]+/g) ?? [])];
    expect(used.length).toBeGreaterThan(10);
    const names = readmeNames();
    expect(used.filter((name) => !names.has(name))).toEqual([]);
  });

  it('names every QIHUANG_* setting production code reads outside packages/config (bin/ included)', () => {
    const names = readmeNames();
    const files = ['packages', 'apps', 'bin'].flatMap((d) => productionFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const where = relative(ROOT, file);
      // process.env.QIHUANG_X, process.env['QIHUANG_X'], env.QIHUANG_X
      for (const m of text.matchAll(/\benv(?:\.|\[['"`])(QIHUANG_[A-Z0-9_]+)/g))
        if (!names.has(m[1]!)) missing.push(`${where}: ${m[1]}`);
      // A family read by a built name, e.g. `QIHUANG_SECRET_${name}`: documented as `QIHUANG_SECRET_*`.
      for (const m of text.matchAll(/`(QIHUANG_[A-Z0-9_]*_)\$\{/g))
        if (!names.has(`${m[1]}*`)) missing.push(`${where}: ${m[1]}*`);
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
