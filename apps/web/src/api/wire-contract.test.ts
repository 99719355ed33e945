/**
 * One wire contract (issue 19 item 2): the console's request and response types are the server's own, in each
 * route package's `api-types` module, imported with `import type` (nothing of the server's code reaches the
 * bundle). A contract module may also hold literal constants of the contract (`export const X = [...] as
 * const`, no identifier inside: e.g. CONTACT_METHODS, which the server validates against and the console
 * offers); those the console imports by value. These tests keep it so: the console reaches the server only
 * through those modules, by value only their literal constants, the modules hold nothing else, and a server
 * change that breaks a field the console reads or sends fails the console's typecheck (proved by compiling
 * console files against changed copies of the server's contract, schema and engine files).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * Import and export-from declarations of a file: the names taken by value (`values`: the imported or exported
 * name, `*` for a namespace, default or `export *`), empty when the declaration is type-only.
 */
function moduleRefs(path: string): { specifier: string; values: string[] }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const refs: { specifier: string; values: string[] }[] = [];
  const named = (elements: readonly (ts.ImportSpecifier | ts.ExportSpecifier)[]) =>
    elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text);
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const clause = s.importClause;
      const bindings = clause?.namedBindings;
      const values =
        !clause || clause.isTypeOnly
          ? clause
            ? []
            : ['*'] // a side-effect import runs the module
          : [
              ...(clause.name ? ['*'] : []),
              ...(bindings && ts.isNamespaceImport(bindings) ? ['*'] : []),
              ...(bindings && ts.isNamedImports(bindings) ? named(bindings.elements) : []),
            ];
      refs.push({ specifier: s.moduleSpecifier.text, values });
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
      const exports = s.exportClause;
      const values = s.isTypeOnly
        ? []
        : exports && ts.isNamedExports(exports)
          ? named(exports.elements)
          : ['*'];
      refs.push({ specifier: s.moduleSpecifier.text, values });
    }
  }
  return refs;
}

/** `as const` over array/object/string/number literals only: data, no reference to any code. */
function isLiteralConstant(e: ts.Expression): boolean {
  if (!ts.isAsExpression(e) || e.type.getText() !== 'const') return false;
  const literal = (x: ts.Expression): boolean =>
    ts.isStringLiteral(x) ||
    ts.isNoSubstitutionTemplateLiteral(x) ||
    ts.isNumericLiteral(x) ||
    (ts.isArrayLiteralExpression(x) && x.elements.every(literal)) ||
    (ts.isObjectLiteralExpression(x) &&
      x.properties.every(
        (p) =>
          ts.isPropertyAssignment(p) &&
          (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
          literal(p.initializer),
      ));
  return literal(e.expression);
}

/** The exported literal constants of a contract module (what the console may import by value). */
function literalConstants(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  return source.statements.flatMap((s) =>
    ts.isVariableStatement(s) &&
    s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) &&
    s.declarationList.flags & ts.NodeFlags.Const
      ? s.declarationList.declarations.flatMap((d) =>
          ts.isIdentifier(d.name) && d.initializer && isLiteralConstant(d.initializer) ? [d.name.text] : [],
        )
      : [],
  );
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
  it('the console imports server packages only from their api-types modules: types, and literal constants', () => {
    const offending: string[] = [];
    let constantsImported = 0;
    for (const path of files(join(web, 'src'), /\.tsx?$/))
      for (const ref of moduleRefs(path)) {
        if (!ref.specifier.startsWith('@qihuang/')) continue;
        const pkg = /^@qihuang\/([a-z0-9-]+)\/api-types$/.exec(ref.specifier)?.[1];
        if (!pkg) {
          offending.push(`${relative(root, path)}: ${ref.specifier} (not an api-types module)`);
          continue;
        }
        const constants = literalConstants(join(root, 'packages', pkg, 'api-types', 'index.ts'));
        for (const name of ref.values)
          if (constants.includes(name)) constantsImported++;
          else offending.push(`${relative(root, path)}: ${name} from ${ref.specifier} (not type-only)`);
      }
    expect(offending).toEqual([]);
    expect(constantsImported, 'CONTACT_METHODS comes from the bp-monitoring contract').toBeGreaterThan(0);
  });

  it('the api-types modules hold types and literal constants only (no import of code)', () => {
    expect(contractModules.length).toBeGreaterThanOrEqual(2);
    const offending: string[] = [];
    for (const path of contractModules) {
      const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const constants = literalConstants(path);
      for (const s of source.statements) {
        const allowed =
          ts.isInterfaceDeclaration(s) ||
          ts.isTypeAliasDeclaration(s) ||
          (ts.isImportDeclaration(s) && !!s.importClause?.isTypeOnly) ||
          (ts.isExportDeclaration(s) && s.isTypeOnly) ||
          (ts.isVariableStatement(s) &&
            s.declarationList.declarations.every(
              (d) => ts.isIdentifier(d.name) && constants.includes(d.name.text),
            ));
        if (!allowed) offending.push(`${relative(root, path)}: ${s.getText(source).split('\n')[0]}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('a planted value import, import of code or computed constant is caught', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wire-contract-'));
    try {
      const plant = (name: string, text: string) => {
        const path = join(dir, name);
        writeFileSync(path, text);
        return path;
      };
      expect(
        moduleRefs(
          plant(
            'console.ts',
            [
              "import { CONTACT_METHODS, type AlertAction } from '@qihuang/bp-monitoring/api-types';",
              "import type { GuardResult } from '@qihuang/guard/api-types';",
              "export { bp } from '@qihuang/bp-monitoring';",
              "export type { X } from '@qihuang/x/api-types';",
              "import '@qihuang/gateway/api-types';",
            ].join('\n'),
          ),
        ).map((r) => r.values),
      ).toEqual([['CONTACT_METHODS'], [], ['bp'], [], ['*']]);
      expect(
        literalConstants(
          plant(
            'contract.ts',
            [
              "export const A = ['x', 'y'] as const;",
              'export const B = [A[0]] as const;',
              "export const C = ['x'];",
              "export const D = { a: 'b', n: 1 } as const;",
              'export const E = Date.now();',
            ].join('\n'),
          ),
        ),
      ).toEqual(['A', 'D']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Each case changes one server field incompatibly (in the contract module, or in the handler's result type,
  // zod schema or engine type the contract derives from) and names a console file that reads or sends it, with
  // what that file's error must mention.
  const drifts = [
    {
      name: 'care: PatientHome.timeZone renamed',
      contract: 'packages/care/api-types/index.ts',
      from: /(export interface PatientHome \{[\s\S]*?\n {2})timeZone: string;/,
      to: '$1zone: string;',
      console: 'src/features/care/patient-home-page.tsx',
      mentions: /timeZone/,
    },
    {
      name: 'bp-monitoring: StoredAlert.readings changed from ids to a count',
      contract: 'packages/bp-monitoring/api-types/index.ts',
      from: /(export interface StoredAlert \{[\s\S]*?\n {2})readings: string\[\];/,
      to: '$1readings: number;',
      console: 'src/features/blood-pressure/alerts-page.tsx',
      mentions: /readings|number/,
    },
    {
      name: 'bp-monitoring: the alert timeliness answer renames openPastTarget',
      contract: 'packages/bp-monitoring/api-types/index.ts',
      from: /(export interface TimelinessReport \{[\s\S]*?\n {2})openPastTarget: number;/,
      to: '$1overdue: number;',
      console: 'src/features/blood-pressure/alert-timeliness.ts',
      mentions: /openPastTarget/,
    },
    {
      name: "bp-monitoring: the assessment's officeMissing.since renamed (assess-patient.ts BpReport)",
      contract: 'packages/bp-monitoring/assess-patient.ts',
      from: /officeMissing\?: \{ since: string;/,
      to: 'officeMissing?: { from: string;',
      console: 'src/features/blood-pressure/blood-pressure-page.tsx',
      mentions: /since/,
    },
    {
      name: "engines: the HBPM summary's daysUsed renamed (the assessment's home.hbpm)",
      contract: 'packages/engines/blood-pressure/hbpm.ts',
      from: /(export interface HbpmSummary extends Explanation \{[\s\S]*?\n {2})daysUsed: number;/,
      to: '$1days: number;',
      console: 'src/features/blood-pressure/blood-pressure-page.tsx',
      mentions: /daysUsed/,
    },
    {
      name: 'bp-monitoring: the ABPM answer renames readings (abpm-analysis.ts AbpmResult)',
      contract: 'packages/bp-monitoring/abpm-analysis.ts',
      from: /(export interface AbpmResult \{[\s\S]*?\n {2})readings: number;/,
      to: '$1readingCount: number;',
      console: 'src/features/blood-pressure/abpm-card.tsx',
      mentions: /readings/,
    },
    {
      name: "gateway: a virtual model's targets renamed in the config schema",
      contract: 'packages/gateway/config/gateway-config-schema.ts',
      from: /(export const virtualModelSchema = z[\s\S]*?\n {4})targets: z\.array\(targetSchema\)/,
      to: '$1routes: z.array(targetSchema)',
      console: 'src/features/gateway/targets-editor.tsx',
      mentions: /targets/,
    },
    {
      name: "eval: the start-run body's suite renamed in StartRunSchema",
      contract: 'packages/eval/routes.ts',
      from: /(const StartRunSchema = z\.object\(\{\n {2})suite: /,
      to: '$1suiteName: ',
      console: 'src/features/evaluation/runs-page.tsx',
      mentions: /suite/,
    },
    {
      name: "guard: the check body's answer renamed in GuardRequestSchema",
      contract: 'packages/guard/routes.ts',
      from: /(export const GuardRequestSchema = z\.object\(\{\n {2})answer: /,
      to: '$1text: ',
      console: 'src/features/knowledge/guard-page.tsx',
      mentions: /answer|text/,
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
      const rootNames = [...new Set(drifts.map((d) => join(web, d.console)))];
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
    for (const d of drifts) expect(errorsIn(changed, d.console).join('\n'), d.name).toMatch(d.mentions);
  }, 300_000);
});
