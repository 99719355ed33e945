/**
 * The repository's import graph and the rules its arrows obey (docs/decisions/0013-one-way-package-structure.md):
 * - no cycle between folders (packages/<name>, packages/engines/<name>, apps/<name>, bench), counting every
 *   file but `*.test.ts`; a folder's test helpers count as a node of their own (`<folder>/test-support`);
 * - nothing under packages/ imports from apps/;
 * - a relative import never leaves its package folder (packages use `@qihuang/<name>`); from one app (or bench)
 *   into another app, only that app's public `index.ts`;
 * - production code never imports a test helper (test-kit, `test-support/` folders, `*test-support.ts`,
 *   `testing.ts`, `*.test.ts`).
 * The checks work on a plain list of files and their import specifiers, so a test can plant a violation in a
 * made-up graph; `scanRepository` reads the real one with the TypeScript scanner (no type checking).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

export interface ImportRef {
  specifier: string;
  line: number;
}

export interface SourceFile {
  /** Repository-relative, forward slashes (`packages/store/index.ts`). */
  path: string;
  imports: ImportRef[];
}

export interface ImportEdge {
  from: string;
  to: string;
  specifier: string;
  line: number;
}

export type RuleName =
  'package-cycle' | 'packages-import-apps' | 'relative-import-leaves-folder' | 'test-helper-in-production';

export interface Violation {
  rule: RuleName;
  message: string;
  edges: ImportEdge[];
}

/** Folders scanned for TypeScript sources (apps/web has its own tsconfig, but its arrows count the same). */
const SCANNED_ROOTS = ['packages', 'apps', 'bench'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist']);

/** Every `.ts`/`.tsx` file under packages/, apps/ and bench/ with the modules it imports. */
export function scanRepository(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue; // hidden scratch files and folders are no sources
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(child);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push({ path: child, imports: importsOf(readFileSync(join(root, child), 'utf8')) });
      }
    }
  };
  for (const top of SCANNED_ROOTS) walk(top);
  return files;
}

/** Static imports, re-exports, `import('…')` and `import type` of one source text. */
export function importsOf(source: string): ImportRef[] {
  const info = ts.preProcessFile(source, true, true);
  const starts = lineStarts(source);
  return info.importedFiles.map((ref) => ({ specifier: ref.fileName, line: lineAt(starts, ref.pos) }));
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * The repository file an import names, by path arithmetic only: relative specifiers against the importing
 * file, `@qihuang/<name>[/<sub>]` to `packages/<name>[/<sub>]/index.ts`. Undefined for npm packages and node:.
 */
export function resolveImport(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) return posix.normalize(posix.join(posix.dirname(from), specifier));
  const alias = /^@qihuang\/(.+)$/.exec(specifier);
  if (alias) return `packages/${alias[1]}/index.ts`;
  return undefined;
}

/** Package folders whose subfolders are the packages (`@qihuang/engines/renal-function`). */
const PACKAGE_GROUPS = new Set(['engines']);

/**
 * The folder a file belongs to: `packages/<name>` (`packages/engines/<name>`), `apps/<name>` or `bench`
 * (undefined elsewhere). A relative import may not leave it.
 */
export function folderOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] === 'packages' && parts[1] && PACKAGE_GROUPS.has(parts[1]) && parts.length > 3)
    return parts.slice(0, 3).join('/');
  if ((parts[0] === 'packages' || parts[0] === 'apps') && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  if (parts[0] === 'bench') return 'bench';
  return undefined;
}

/**
 * The node of the folder graph a file counts in: its folder, or `<folder>/test-support` for a test helper of
 * a package or app (production never points at one, so helpers may use test-kit, which uses the packages).
 */
export function nodeOf(path: string): string | undefined {
  const folder = folderOf(path);
  if (!folder || folder === 'packages/test-kit' || folder === 'bench') return folder;
  return isTestHelper(path) ? `${folder}/test-support` : folder;
}

export function isTestFile(path: string): boolean {
  return /\.test\.tsx?$/.test(path);
}

/**
 * Test helpers: the test-kit package, `test-support/` and `fixtures/` folders, `*test-support.ts`, `testing.ts`,
 * apps/web/e2e (browser tests), and the tests themselves.
 */
export function isTestHelper(path: string): boolean {
  if (isTestFile(path)) return true;
  if (path.startsWith('packages/test-kit/')) return true;
  // The browser tests and their helpers (the console's build is apps/web/src; nothing of e2e/ ships).
  if (path.startsWith('apps/web/e2e/')) return true;
  const folders = path.split('/').slice(0, -1);
  if (folders.includes('test-support') || folders.includes('fixtures')) return true;
  const base = posix.basename(path);
  return /(^|-)test-support\.tsx?$/.test(base) || /^testing\.tsx?$/.test(base);
}

/** Files that ship: everything in packages/ and apps/ that is neither a test nor a test helper. */
function isProduction(path: string): boolean {
  return (path.startsWith('packages/') || path.startsWith('apps/')) && !isTestHelper(path);
}

export function edgesOf(files: SourceFile[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of files) {
    for (const ref of file.imports) {
      const to = resolveImport(file.path, ref.specifier);
      if (to) edges.push({ from: file.path, to, specifier: ref.specifier, line: ref.line });
    }
  }
  return edges;
}

export function formatEdge(edge: ImportEdge): string {
  return `${edge.from}:${edge.line} → ${edge.specifier}`;
}

export interface CheckOptions {
  /** Edges allowed by name although they break a rule (known-exceptions.ts). */
  allow?: (edge: ImportEdge) => boolean;
}

/** Every rule broken by the graph, with the edges that break it. */
export function checkImportGraph(files: SourceFile[], options: CheckOptions = {}): Violation[] {
  const edges = edgesOf(files).filter((edge) => !options.allow?.(edge));
  return [
    ...packageCycles(edges),
    ...packagesImportApps(edges),
    ...leavingRelativeImports(edges),
    ...testHelpersInProduction(edges),
  ];
}

function packageCycles(edges: ImportEdge[]): Violation[] {
  const graph = new Map<string, Map<string, ImportEdge>>();
  for (const edge of edges) {
    if (isTestFile(edge.from)) continue;
    const from = nodeOf(edge.from);
    const to = nodeOf(edge.to);
    if (!from || !to || from === to) continue;
    const targets = graph.get(from) ?? new Map<string, ImportEdge>();
    if (!targets.has(to)) targets.set(to, edge);
    graph.set(from, targets);
  }
  return stronglyConnected(graph)
    .filter((component) => component.length > 1)
    .map((component) => {
      const members = new Set(component);
      const inside = component.flatMap((unit) =>
        [...(graph.get(unit) ?? new Map<string, ImportEdge>())]
          .filter(([to]) => members.has(to))
          .map(([, edge]) => edge),
      );
      return {
        rule: 'package-cycle' as const,
        message: `cycle between ${component.length} folders: ${[...component].sort().join(', ')}`,
        edges: inside,
      };
    });
}

/** Tarjan's algorithm; components come out as lists of folder names. */
function stronglyConnected(graph: Map<string, Map<string, ImportEdge>>): string[][] {
  const nodes = new Set<string>([...graph.keys(), ...[...graph.values()].flatMap((t) => [...t.keys()])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of (graph.get(node) ?? new Map<string, ImportEdge>()).keys()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) visit(node);
  return components;
}

function packagesImportApps(edges: ImportEdge[]): Violation[] {
  const offending = edges.filter((e) => e.from.startsWith('packages/') && e.to.startsWith('apps/'));
  return offending.length
    ? [
        {
          rule: 'packages-import-apps',
          message: `${offending.length} import(s) from packages/ into apps/`,
          edges: offending,
        },
      ]
    : [];
}

function leavingRelativeImports(edges: ImportEdge[]): Violation[] {
  const offending = edges.filter((e) => {
    if (!e.specifier.startsWith('.')) return false;
    const from = folderOf(e.from);
    const to = folderOf(e.to);
    if (from === to) return false;
    // Repository scripts and configuration (bin/, the root) are no package: apps and benchmarks may use them.
    if (!to) return e.from.startsWith('packages/');
    // An app or the benchmarks may reach another app through its public index.ts (tests and helpers also
    // through its test-support.ts), and nothing else; packages never reach apps (packagesImportApps).
    if (!to?.startsWith('apps/') || e.from.startsWith('packages/')) return true;
    return !(e.to === `${to}/index.ts` || (isTestHelper(e.from) && e.to === `${to}/test-support.ts`));
  });
  return offending.length
    ? [
        {
          rule: 'relative-import-leaves-folder',
          message: `${offending.length} relative import(s) leave their folder (use @qihuang/<name>, or apps/<app>/index.ts)`,
          edges: offending,
        },
      ]
    : [];
}

function testHelpersInProduction(edges: ImportEdge[]): Violation[] {
  const offending = edges.filter((e) => isProduction(e.from) && isTestHelper(e.to));
  return offending.length
    ? [
        {
          rule: 'test-helper-in-production',
          message: `${offending.length} production file(s) import a test helper`,
          edges: offending,
        },
      ]
    : [];
}

/** The violations as text, one edge a line. */
export function formatViolations(violations: Violation[]): string {
  return violations
    .map((v) => [`${v.rule}: ${v.message}`, ...v.edges.map((e) => `  ${formatEdge(e)}`)].join('\n'))
    .join('\n');
}
