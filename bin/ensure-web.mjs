#!/usr/bin/env node
// Builds the web console (apps/web → apps/web/dist) when it is missing or older than its sources. A production
// install (`npm ci --omit=dev` of a release built with `npm run build`) has no Vite: the shipped build is used.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'apps/web');
const dist = join(web, 'dist/index.html');
if (!existsSync(join(web, 'vite.config.ts'))) process.exit(0);

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name === 'e2e') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

if (existsSync(dist) && statSync(dist).mtimeMs >= newest(web)) process.exit(0);
if (!existsSync(join(root, 'node_modules/vite/package.json'))) {
  if (existsSync(dist)) process.exit(0); // release tree: prebuilt console, no build tools installed
  console.error(
    'error: the web console (apps/web/dist) is not built and Vite is not installed: run `npm ci` then `npm run build`',
  );
  process.exit(1);
}
console.error('Building the web console (apps/web) …');
const result = spawnSync(
  'npx',
  ['--no', 'vite', 'build', '--config', join(web, 'vite.config.ts'), '--logLevel', 'warn'],
  // Always the production build, whatever NODE_ENV the caller has (vitest sets `test`).
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
);
process.exit(result.status ?? 1);
