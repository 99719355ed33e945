/**
 * Prints the import-graph violations of a checkout (default: this one), known exceptions included with --all:
 *   node bin/run-ts.mjs packages/test-kit/architecture/report.ts [ROOT] [--all]
 * Exit code 1 when there is any.
 */
import { fileURLToPath } from 'node:url';
import { checkImportGraph, formatViolations, scanRepository } from './import-graph.ts';
import { isKnownException } from './known-exceptions.ts';

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('../../../', import.meta.url));
const violations = checkImportGraph(
  scanRepository(root),
  args.includes('--all') ? {} : { allow: isKnownException },
);
console.log(formatViolations(violations) || 'no violations');
process.exitCode = violations.length ? 1 : 0;
