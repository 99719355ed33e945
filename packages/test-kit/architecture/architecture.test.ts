/**
 * The repository keeps its structure (issue 19, docs/decisions/0013-one-way-package-structure.md): no cycle
 * between packages, no import from packages/ into apps/, no relative import across a package folder, no test
 * helper in production code — and no file over 600 lines of code (ESLint max-lines, checked here on a planted
 * file so that a configuration change cannot switch it off unnoticed).
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { checkImportGraph, formatViolations, scanRepository } from './import-graph.ts';
import { isKnownException } from './known-exceptions.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// The repository's ESLint configuration, read as data like the sources above (no package imports the root).
const config = (
  (await import(pathToFileURL(join(ROOT, 'eslint.config.js')).href)) as { default: Linter.Config[] }
).default;

describe('the repository’s import graph', () => {
  it('has every arrow pointing down (offending edges printed)', () => {
    const files = scanRepository(ROOT);
    expect(files.length).toBeGreaterThan(500);
    expect(formatViolations(checkImportGraph(files, { allow: isKnownException }))).toBe('');
  });
});

describe('ESLint max-lines', () => {
  const lint = (lines: number, filename: string) => {
    // The config's own max-lines entries, without the type-aware ones (a planted file is in no project).
    const entries = config.filter(
      (entry) => entry.rules && ('max-lines' in entry.rules || 'qihuang/max-lines-error' in entry.rules),
    );
    expect(entries.length).toBeGreaterThan(0);
    const code = Array.from(
      { length: lines },
      (_, i) => `export const value${i} = ${i};\n\n// note ${i}`,
    ).join('\n');
    return new Linter({ configType: 'flat' })
      .verify(code, [{ files: ['**/*.ts'] }, ...entries], filename)
      .map((m) => `${m.severity === 2 ? 'error' : 'warn'} ${m.ruleId}`);
  };

  it('warns over 400 lines of code and fails over 600, not counting blank lines and comments', () => {
    expect(lint(400, 'packages/planted/ok.ts')).toEqual([]);
    expect(lint(401, 'packages/planted/long.ts')).toEqual(['warn max-lines']);
    expect(lint(601, 'packages/planted/too-long.ts')).toEqual([
      'warn max-lines',
      'error qihuang/max-lines-error',
    ]);
  });

  it('exempts data tables, lexicons, corpora and fixtures', () => {
    for (const path of [
      'packages/drug-knowledge/data/table.ts',
      'packages/clinical-language/lexicon/terms.ts',
      'packages/guard/corpus/cases.ts',
      'packages/fhir/fixtures/bundle.ts',
    ]) {
      expect(lint(700, path), path).toEqual([]);
    }
  });
});
