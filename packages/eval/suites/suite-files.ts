/** Suites from files (CLI --file/--format) and the built-in versioned suites committed in this folder. */
import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QihuangError } from '@qihuang/contracts';
import { hashOf } from '../canonical-json.ts';
import { SUITE_LOADERS, type LoaderFormat, type SuiteLoader } from './loaders/index.ts';
import type { EvalItem, Suite } from './suite-types.ts';

/** The loader table's formats, then `suite` (a committed suite file, parseSuiteJson). */
export type FileFormat = LoaderFormat | 'suite';
export const FILE_FORMATS = [...Object.keys(SUITE_LOADERS), 'suite'] as unknown as readonly [
  FileFormat,
  ...FileFormat[],
];

const here = dirname(fileURLToPath(import.meta.url));

/** Sets the hash; checks ids are unique. */
export function finaliseSuite(name: string, version: string, items: EvalItem[], description?: string): Suite {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id))
      throw new QihuangError('invalid-input', `Suite ${name}: duplicate item id "${item.id}"`);
    seen.add(item.id);
  }
  return { name, version, description, hash: hashOf(items), items };
}

function sibling(path: string, name: string): string | undefined {
  const candidate = join(dirname(path), name);
  return existsSync(candidate) ? readFileSync(candidate, 'utf8') : undefined;
}

/** Loads a data file in one of the known formats. The version is the content hash's first 12 characters. */
export function loadSuiteFile(path: string, format: FileFormat): Suite {
  if (!existsSync(path)) throw new QihuangError('invalid-input', `No such file: ${path}`);
  const text = readFileSync(path, 'utf8');
  const name = basename(path);
  if (format === 'suite') return parseSuiteJson(text);
  const loader = (SUITE_LOADERS as Record<string, SuiteLoader | undefined>)[format];
  if (!loader) throw new QihuangError('invalid-input', `Unknown suite format "${String(format)}"`);
  const items = loader.load(text, { name, sibling: (other) => sibling(path, other) });
  const suite = finaliseSuite(`${format}:${name}`, '', items);
  return { ...suite, version: `file-${suite.hash.slice(0, 12)}` };
}

/** A committed suite file: `{ name, version, description, items: [...] }`. */
export function parseSuiteJson(text: string): Suite {
  const parsed = JSON.parse(text) as {
    name?: string;
    version?: string;
    description?: string;
    items?: EvalItem[];
  };
  if (!parsed.name || !parsed.version || !Array.isArray(parsed.items)) {
    throw new QihuangError('invalid-input', 'A suite file needs name, version and items');
  }
  return finaliseSuite(parsed.name, parsed.version, parsed.items, parsed.description);
}

/** Built-in suites committed beside this file: `<name>/<version>.json`. */
export const BUILTIN_SUITES = {
  'safety-redteam': 'safety-redteam/v1.json',
  'hallucination-probes': 'hallucination/v1.json',
  'rubric-conversations': 'rubric/v1.json',
} as const;
export type BuiltinSuite = keyof typeof BUILTIN_SUITES;

export function isBuiltinSuite(name: string): name is BuiltinSuite {
  return Object.hasOwn(BUILTIN_SUITES, name);
}

export function loadBuiltinSuite(name: BuiltinSuite): Suite {
  return parseSuiteJson(readFileSync(join(here, BUILTIN_SUITES[name]), 'utf8'));
}
