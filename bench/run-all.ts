/**
 * `npm run bench`: runs every benchmark in its own process, one after another (they share 2 cores), and
 * prints their reports. `npm run bench -- fhir-store gateway` runs a subset.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run-all.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const selected = wanted.length ? wanted : all;
let failed = 0;
for (const name of selected) {
  const file = join(dir, `${name}.ts`);
  if (!existsSync(file)) {
    console.error(`unknown benchmark "${name}" (have: ${all.join(', ')})`);
    failed++;
    continue;
  }
  console.log(`\n=== ${name}`);
  const result = spawnSync('node', [join(dir, '../bin/run-ts.mjs'), file], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
