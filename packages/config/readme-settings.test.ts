/**
 * Every environment variable the configuration reads is documented in the README's settings table (the
 * tried pass found QIHUANG_TIME_ZONE and QIHUANG_BP_ALERT_ESCALATE_MINUTES undocumented).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('README settings table', () => {
  it('names every QIHUANG_* variable packages/config reads', () => {
    const config = read('./index.ts');
    const readme = read('../../README.md');
    const used = [...new Set(config.match(/QIHUANG_[A-Z0-9_]+/g) ?? [])];
    expect(used.length).toBeGreaterThan(10);
    // A row may name several variables of one prefix: `QIHUANG_CARE_WEBHOOK_URL`, `_SECRET`.
    const names = new Set(readme.match(/QIHUANG_[A-Z0-9_]+/g) ?? []);
    for (const row of readme.matchAll(/`(QIHUANG_[A-Z0-9_]+?)_[A-Z0-9]+`((?:, `_[A-Z0-9]+`)+)/g))
      for (const suffix of row[2]!.match(/_[A-Z0-9]+/g) ?? []) names.add(`${row[1]}${suffix}`);
    expect(used.filter((name) => !names.has(name))).toEqual([]);
  });
});
