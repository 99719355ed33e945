/**
 * The import-graph rules on made-up graphs: each rule fails on a planted violation and names the edge, and a
 * graph that keeps the rules passes (docs/decisions/0013-one-way-package-structure.md).
 */
import { describe, expect, it } from 'vitest';
import {
  checkImportGraph,
  folderOf,
  formatViolations,
  importsOf,
  isTestHelper,
  nodeOf,
  resolveImport,
  type SourceFile,
} from './import-graph.ts';

const file = (path: string, ...specifiers: string[]): SourceFile => ({
  path,
  imports: specifiers.map((specifier, i) => ({ specifier, line: i + 1 })),
});

/** A small repository that keeps every rule: arrows point down, helpers stay with tests. */
const CLEAN: SourceFile[] = [
  file('packages/contracts/index.ts'),
  file('packages/store/index.ts', '@qihuang/contracts', './database.ts', 'kysely'),
  file('packages/store/database.ts', 'node:fs'),
  file('packages/store/migrations/index.ts', './0001-fhir-store.ts'),
  file('packages/gateway/index.ts', '@qihuang/store'),
  file('packages/gateway/migrations/index.ts', './0200-gateway-usage.ts'),
  file('packages/gateway/test-support/harness.ts', '@qihuang/test-kit', '../index.ts'),
  file('packages/gateway/routes.test.ts', './test-support/harness.ts'),
  file('packages/migrations/index.ts', '@qihuang/store/migrations', '@qihuang/gateway/migrations'),
  file('packages/test-kit/index.ts', '@qihuang/store', '@qihuang/migrations'),
  file('packages/engines/blood-pressure/index.ts'),
  file(
    'packages/engines/hypertension-care/index.ts',
    '@qihuang/engines/blood-pressure',
    '@qihuang/clinical-language',
  ),
  file('packages/clinical-language/index.ts', '@qihuang/engines/blood-pressure'),
  file('apps/server/index.ts', './build-app.ts', '@qihuang/migrations'),
  file('apps/server/build-app.ts', '@qihuang/gateway', '@qihuang/store'),
  file('apps/server/test-support.ts', './build-app.ts', '@qihuang/test-kit'),
  file('apps/cli/commands/serve.ts', '../../server/index.ts', '../../../bin/runtime.mjs'),
  file('apps/cli/commands/import.test.ts', '../../server/test-support.ts'),
  file('bench/gateway.ts', '../apps/server/index.ts', '@qihuang/test-kit'),
];

const rules = (files: SourceFile[]) => checkImportGraph(files).map((v) => v.rule);

describe('import graph rules', () => {
  it('pass a graph whose arrows point down', () => {
    expect(formatViolations(checkImportGraph(CLEAN))).toBe('');
  });

  it('fail on a package cycle and print its edges (the store registering another package’s migrations)', () => {
    const planted = [
      ...CLEAN,
      file('packages/store/migrations/index.ts', '../../gateway/migrations/index.ts'),
    ];
    const cycle = checkImportGraph(planted).find((v) => v.rule === 'package-cycle');
    expect(cycle?.message).toBe('cycle between 2 folders: packages/gateway, packages/store');
    const printed = formatViolations([cycle!]);
    expect(printed).toContain('packages/store/migrations/index.ts:1 → ../../gateway/migrations/index.ts');
    expect(printed).toContain('packages/gateway/index.ts:1 → @qihuang/store');
  });

  it('fail on a longer cycle through aliases', () => {
    const planted = [...CLEAN, file('packages/contracts/errors.ts', '@qihuang/gateway')];
    const cycle = checkImportGraph(planted).find((v) => v.rule === 'package-cycle');
    expect(cycle?.message).toBe(
      'cycle between 3 folders: packages/contracts, packages/gateway, packages/store',
    );
    expect(cycle?.edges.map((e) => e.from).sort()).toEqual([
      'packages/contracts/errors.ts',
      'packages/gateway/index.ts',
      'packages/store/index.ts',
    ]);
  });

  it('fail on a cycle between test helpers, but not on tests (leaves) nor helpers using test-kit', () => {
    expect(rules([...CLEAN, file('packages/store/store.test.ts', '@qihuang/test-kit')])).toEqual([]);
    const helperCycle = [...CLEAN, file('packages/test-kit/gateway.ts', '@qihuang/gateway/test-support')];
    expect(rules(helperCycle)).toEqual(['package-cycle']);
  });

  it('fail on an import from packages/ into apps/, tests included', () => {
    const planted = [...CLEAN, file('packages/gateway/api.test.ts', '../../apps/server/test-support.ts')];
    const found = checkImportGraph(planted).filter((v) => v.rule === 'packages-import-apps');
    expect(found).toHaveLength(1);
    expect(formatViolations(found)).toContain(
      'packages/gateway/api.test.ts:1 → ../../apps/server/test-support.ts',
    );
  });

  it('fail on a relative import out of a package, into a package, or into another app’s files', () => {
    const out = [...CLEAN, file('packages/gateway/usage.ts', '../store/database.ts')];
    expect(rules(out)).toEqual(['relative-import-leaves-folder']);
    const outOfPackages = [...CLEAN, file('packages/gateway/usage.ts', '../../bin/runtime.mjs')];
    expect(rules(outOfPackages)).toEqual(['relative-import-leaves-folder']);
    const engines = [
      ...CLEAN,
      file('packages/engines/hypertension-care/triage.ts', '../blood-pressure/time.ts'),
    ];
    expect(rules(engines)).toEqual(['relative-import-leaves-folder']);
    const into = [...CLEAN, file('bench/deid.ts', '../packages/deid/corpus/score.ts')];
    expect(rules(into)).toEqual(['relative-import-leaves-folder']);
    const appFile = [...CLEAN, file('apps/cli/commands/care.ts', '../../server/build-app.ts')];
    const found = checkImportGraph(appFile);
    expect(found.map((v) => v.rule)).toEqual(['relative-import-leaves-folder']);
    expect(formatViolations(found)).toContain('apps/cli/commands/care.ts:1 → ../../server/build-app.ts');
  });

  it('fail when production code imports a test helper (test-kit, test-support, fixtures, a test)', () => {
    for (const specifier of [
      '@qihuang/test-kit',
      './test-support/harness.ts',
      './routes.test.ts',
      './fixtures/make.ts',
    ]) {
      const planted = [...CLEAN, file('packages/gateway/runtime.ts', specifier)];
      const found = checkImportGraph(planted).filter((v) => v.rule === 'test-helper-in-production');
      expect(formatViolations(found), specifier).toContain(`packages/gateway/runtime.ts:1 → ${specifier}`);
    }
    // In the server it is also a cycle: its test entry builds the app.
    const server = [...CLEAN, file('apps/server/start.ts', './test-support.ts')];
    expect(rules(server)).toEqual(['package-cycle', 'test-helper-in-production']);
    // An app's test entry is for tests and helpers only.
    const cli = [...CLEAN, file('apps/cli/commands/serve.ts', '../../server/test-support.ts')];
    expect(rules(cli)).toEqual(['relative-import-leaves-folder', 'test-helper-in-production']);
  });

  it('let a named exception through and nothing else', () => {
    const planted = [
      ...CLEAN,
      file('packages/care/api.test.ts', '../../apps/server/test-support.ts'),
      file('packages/care/other.test.ts', '../../apps/server/test-support.ts'),
    ];
    const allow = (e: { from: string }) => e.from === 'packages/care/api.test.ts';
    const found = checkImportGraph(planted, { allow });
    expect(found.flatMap((v) => v.edges.map((e) => e.from))).toEqual([
      'packages/care/other.test.ts',
      'packages/care/other.test.ts',
    ]);
  });
});

describe('import graph reading', () => {
  it('finds static, type-only, re-exported and dynamic imports with their lines', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '@qihuang/store';",
      "export { c } from '../c.ts';",
      'async function f() {',
      "  return import('../../server/index.ts');",
      '}',
      "// import { no } from './comment.ts';",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: './a.ts', line: 1 },
      { specifier: '@qihuang/store', line: 2 },
      { specifier: '../c.ts', line: 3 },
      { specifier: '../../server/index.ts', line: 5 },
    ]);
  });

  it('resolves relative paths and @qihuang aliases, and names folders and nodes', () => {
    expect(resolveImport('apps/cli/commands/serve.ts', '../../server/index.ts')).toBe('apps/server/index.ts');
    expect(resolveImport('bench/x.ts', '@qihuang/engines/renal-function')).toBe(
      'packages/engines/renal-function/index.ts',
    );
    expect(resolveImport('packages/store/x.ts', 'kysely')).toBeUndefined();
    expect(folderOf('packages/engines/blood-pressure/time.ts')).toBe('packages/engines/blood-pressure');
    expect(folderOf('packages/store/migrations/index.ts')).toBe('packages/store');
    expect(folderOf('bin/qihuang.mjs')).toBeUndefined();
    expect(nodeOf('packages/gateway/test-support/harness.ts')).toBe('packages/gateway/test-support');
    expect(nodeOf('packages/care/care-test-support.ts')).toBe('packages/care/test-support');
    expect(nodeOf('packages/test-kit/database.ts')).toBe('packages/test-kit');
    expect(isTestHelper('packages/cds-hooks/testing.ts')).toBe(true);
    expect(isTestHelper('packages/knowledge/fixtures/make-pdf.ts')).toBe(true);
    // The browser tests' folder ships nothing (vite builds apps/web/src): its helpers are test helpers.
    expect(isTestHelper('apps/web/e2e/support.ts')).toBe(true);
    expect(isTestHelper('apps/web/src/e2e.ts')).toBe(false);
    expect(isTestHelper('packages/store/fhir-repository/fhir-repository.ts')).toBe(false);
  });
});
