/**
 * One wire contract (issue 19 item 2): the console's request and response types are the server's own, in each
 * route package's type-only `api-types` module, imported with `import type` (nothing of the server reaches the
 * bundle). These tests keep it so: the console reaches the server only through those modules, the modules stay
 * type-only, and a server change that breaks a field the console reads fails the console's typecheck (proved
 * by compiling console files against a changed copy of a contract module).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const root = resolve(web, '../..');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), pattern) : pattern.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Import and export-from declarations of a file with whether they are type-only. */
function moduleRefs(path: string): { specifier: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const refs: { specifier: string; typeOnly: boolean }[] = [];
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const clause = s.importClause;
      const named =
        clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly || (!clause.name && !!named && named.elements.every((e) => e.isTypeOnly)));
      refs.push({ specifier: s.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
      const named = s.exportClause && ts.isNamedExports(s.exportClause) ? s.exportClause : undefined;
      const typeOnly = s.isTypeOnly || (!!named && named.elements.every((e) => e.isTypeOnly));
      refs.push({ specifier: s.moduleSpecifier.text, typeOnly });
    }
  }
  return refs;
}

const contractModules = readdirSync(join(root, 'packages'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => join(root, 'packages', e.name, 'api-types', 'index.ts'))
  .filter((p) => {
    try {
      return readFileSync(p, 'utf8').length > 0;
    } catch {
      return false;
    }
  });

describe('one wire contract', () => {
  it('the console imports server packages only type-only, from their api-types modules', () => {
    const offending: string[] = [];
    for (const path of files(join(web, 'src'), /\.tsx?$/))
      for (const ref of moduleRefs(path))
        if (ref.specifier.startsWith('@qihuang/') && (!ref.typeOnly || !ref.specifier.endsWith('/api-types')))
          offending.push(
            `${relative(root, path)}: ${ref.specifier}${ref.typeOnly ? '' : ' (not type-only)'}`,
          );
    expect(offending).toEqual([]);
  });

  it('the api-types modules hold types only (no value, no import of code)', () => {
    expect(contractModules.length).toBeGreaterThanOrEqual(2);
    const offending: string[] = [];
    for (const path of contractModules) {
      const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      for (const s of source.statements) {
        const typeOnly =
          ts.isInterfaceDeclaration(s) ||
          ts.isTypeAliasDeclaration(s) ||
          (ts.isImportDeclaration(s) && !!s.importClause?.isTypeOnly) ||
          (ts.isExportDeclaration(s) && s.isTypeOnly);
        if (!typeOnly) offending.push(`${relative(root, path)}: ${s.getText(source).split('\n')[0]}`);
      }
    }
    expect(offending).toEqual([]);
  });

  // Each case changes one server response field incompatibly and names a console file that reads it.
  const drifts = [
    {
      name: 'care: PatientHome.timeZone renamed',
      contract: 'packages/care/api-types/index.ts',
      from: /(export interface PatientHome \{[\s\S]*?\n {2})timeZone: string;/,
      to: '$1zone: string;',
      console: 'src/features/care/patient-home-page.tsx',
    },
    {
      name: 'bp-monitoring: StoredAlert.readings changed from ids to a count',
      contract: 'packages/bp-monitoring/api-types/index.ts',
      from: /(export interface StoredAlert \{[\s\S]*?\n {2})readings: string\[\];/,
      to: '$1readings: number;',
      console: 'src/features/blood-pressure/alerts-page.tsx',
    },
  ];

  it('a server response change the console depends on fails the console typecheck', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(web, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    )!;
    const compile = (overrides: Map<string, string>, old?: ts.Program) => {
      const host = ts.createCompilerHost(config.options, true);
      const read = host.readFile.bind(host);
      host.readFile = (f) => overrides.get(resolve(f)) ?? read(f);
      const getSourceFile = host.getSourceFile.bind(host);
      host.getSourceFile = (f, v, onError, create) => {
        const text = overrides.get(resolve(f));
        return text !== undefined ? ts.createSourceFile(f, text, v) : getSourceFile(f, v, onError, create);
      };
      const rootNames = drifts.map((d) => join(web, d.console));
      return ts.createProgram({
        rootNames,
        options: config.options,
        host,
        ...(old ? { oldProgram: old } : {}),
      });
    };
    const errorsIn = (program: ts.Program, file: string) =>
      ts
        .getPreEmitDiagnostics(program, program.getSourceFile(join(web, file)))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));

    const baseline = compile(new Map());
    for (const d of drifts) expect(errorsIn(baseline, d.console), d.name).toEqual([]);
    // All the changes in one program (one compile): each console file must fail on its own change.
    const overrides = new Map<string, string>();
    for (const d of drifts) {
      const path = join(root, d.contract);
      const text = overrides.get(path) ?? readFileSync(path, 'utf8');
      expect(d.from.test(text), `${d.name}: the contract still has the field`).toBe(true);
      overrides.set(path, text.replace(d.from, d.to));
    }
    const changed = compile(overrides, baseline);
    for (const d of drifts) expect(errorsIn(changed, d.console).length, d.name).toBeGreaterThan(0);
  }, 180_000);
});
