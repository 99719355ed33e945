#!/usr/bin/env node
// Entry point for `npx qihuang …` and `npm start`: runs the compiled JavaScript in dist/runtime, built first
// when it is missing or older than its sources (bin/compiled-runtime.mjs). QIHUANG_RUNTIME=source runs the
// TypeScript sources through tsx instead; tests do that (vitest sets VITEST), so they test the code in front
// of them and never race a rebuild.
import { pathToFileURL } from 'node:url';

const runtime = process.env.QIHUANG_RUNTIME ?? (process.env.VITEST ? 'source' : 'compiled');
if (runtime === 'source') {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
  await import('../apps/cli/main.ts');
} else {
  const { claimBuild, ensureRuntime } = await import('./compiled-runtime.mjs');
  let entry;
  try {
    entry = await ensureRuntime({ runtimeDir: process.env.QIHUANG_RUNTIME_DIR || undefined });
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  claimBuild(entry);
  await import(pathToFileURL(entry).href);
}
