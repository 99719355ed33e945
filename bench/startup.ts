/**
 * Start-up of the CLI and the server, the TypeScript sources through tsx (before issue 19) against the compiled
 * runtime (issue 19 item 4), alternated run by run so both see the same machine load. Targets: `npx qihuang
 * --help` ≤ 0.5 s; `serve` to a 200 on /healthz ≤ 2 s on an existing data directory.
 *
 *   npm run bench -- startup                       (node bin/run-ts.mjs bench/startup.ts [--runs 7] [--no-serve])
 *
 * Variants: `tsx` = QIHUANG_RUNTIME=source node bin/qihuang.mjs; `compiled` = node bin/qihuang.mjs (launcher:
 * staleness check, then the bundle); `bundle` = node dist/runtime/<build>/qihuang.mjs (no check). A compiled
 * run that had to rebuild (sources edited meanwhile) is left out and counted. The data directory is prepared
 * once with the demo data, as `npm start` leaves it. Reports medians, CPU (user+sys: of the whole `--help`
 * process from /usr/bin/time when present; of the server process until /healthz answered, from /proc) and the
 * load average (1 min) during each variant's runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentBuild, ensureRuntime, RUNTIME_DIR, sourceStamp } from '../bin/compiled-runtime.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 7) || 7;
const withServe = !args.includes('--no-serve');
const root = join(import.meta.dirname, '..');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const REBUILT = 'Building the server and CLI';

interface Sample {
  ms: number;
  cpuMs?: number;
  load: number;
}
type Variant = 'tsx' | 'compiled' | 'bundle';
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

function command(variant: Variant, rest: string[]): { argv: string[]; env: NodeJS.ProcessEnv } {
  const env = { ...process.env };
  delete env.VITEST;
  if (variant === 'tsx')
    return { argv: ['bin/qihuang.mjs', ...rest], env: { ...env, QIHUANG_RUNTIME: 'source' } };
  if (variant === 'compiled')
    return { argv: ['bin/qihuang.mjs', ...rest], env: { ...env, QIHUANG_RUNTIME: 'compiled' } };
  return { argv: [currentBuild(join(root, RUNTIME_DIR))!.entry, ...rest], env };
}

/** `--help`: wall and CPU time of the whole process. Undefined when the launcher rebuilt. */
function help(variant: Variant): Sample | undefined {
  const { argv, env } = command(variant, ['--help']);
  const cpuFile = join(tmpdir(), `qihuang-startup-cpu-${process.pid}`);
  const load = loadavg()[0]!;
  const started = performance.now();
  const result = TIME
    ? spawnSync(TIME, ['-f', '%U %S', '-o', cpuFile, process.execPath, ...argv], {
        cwd: root,
        env,
        encoding: 'utf8',
      })
    : spawnSync(process.execPath, argv, { cwd: root, env, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${variant} --help exited ${result.status}: ${result.stderr}`);
  if (result.stderr.includes(REBUILT)) return undefined;
  let cpuMs: number | undefined;
  if (TIME) {
    const [user, sys] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    cpuMs = ((user ?? 0) + (sys ?? 0)) * 1000;
    rmSync(cpuFile, { force: true });
  }
  return { ms, cpuMs, load };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** CPU time (user + system, all threads: the PGlite worker too) of a live process, on Linux. */
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return undefined;
  }
}

/** `serve` until /healthz answers 200, then SIGTERM and wait for the exit (the data directory is locked). */
async function serve(variant: Variant, dataDir: string, timeoutMs = 300_000): Promise<Sample | undefined> {
  const port = await freePort();
  const { argv, env } = command(variant, ['serve', '--port', String(port), '--data-dir', dataDir]);
  const load = loadavg()[0]!;
  const started = performance.now();
  const child = spawn(process.execPath, argv, {
    cwd: root,
    env: {
      ...env,
      DATABASE_URL: '',
      QIHUANG_LOG_LEVEL: 'warn',
      QIHUANG_ADMIN_PASSWORD: 'bench-admin-password',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let ms = NaN;
  let cpuMs: number | undefined;
  while (performance.now() - started < timeoutMs && child.exitCode === null) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) {
      ms = performance.now() - started;
      cpuMs = processCpuMs(child.pid!);
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGTERM');
  await exited;
  if (Number.isNaN(ms)) throw new Error(`${variant} serve did not answer /healthz: ${stderr.slice(-2000)}`);
  return stderr.includes(REBUILT) ? undefined : { ms, cpuMs, load };
}

function report(title: string, samples: Record<Variant, Sample[]>, skipped: number): void {
  console.log(`\n${title}`);
  for (const [variant, list] of Object.entries(samples)) {
    if (!list.length) continue;
    const cpu = list.every((s) => s.cpuMs !== undefined)
      ? `, CPU ${median(list.map((s) => s.cpuMs!)).toFixed(0)} ms`
      : '';
    console.log(
      `  ${variant.padEnd(8)} median ${median(list.map((s) => s.ms))
        .toFixed(0)
        .padStart(5)} ms${cpu}` +
        `  (n=${list.length}, load average ${median(list.map((s) => s.load)).toFixed(2)})`,
    );
  }
  if (skipped) console.log(`  ${skipped} compiled run(s) left out: they rebuilt after a source edit`);
}

// The compiled runtime, up to date before the first run; the cost of the staleness check on its own.
const buildStarted = performance.now();
const before = currentBuild(join(root, RUNTIME_DIR));
await ensureRuntime();
const built = currentBuild(join(root, RUNTIME_DIR));
const buildMs = before?.dir === built?.dir ? undefined : performance.now() - buildStarted;
const checks: number[] = [];
const checksCpu: number[] = [];
for (let i = 0; i < 30; i++) {
  const t = performance.now();
  const cpu = process.cpuUsage();
  sourceStamp(root);
  const used = process.cpuUsage(cpu);
  checks.push(performance.now() - t);
  checksCpu.push((used.user + used.system) / 1000);
}
console.log(
  `start-up: tsx (sources) vs compiled (bundle), ${runs} alternating runs each; ${availableParallelism()} cores, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
);
console.log(
  `  staleness check (stat of ${sourceStamp(root).count} source files and their folders): median ${median(checks).toFixed(1)} ms, CPU ${median(checksCpu).toFixed(1)} ms` +
    (buildMs ? `; build ${(buildMs / 1000).toFixed(1)} s` : ''),
);

const helpSamples: Record<Variant, Sample[]> = { tsx: [], compiled: [], bundle: [] };
let skipped = 0;
for (let i = 0; i < runs; i++) {
  for (const variant of ['tsx', 'compiled', 'bundle'] as const) {
    const sample = help(variant);
    if (sample) helpSamples[variant].push(sample);
    else skipped++;
  }
}
report('npx qihuang --help (target ≤ 500 ms)', helpSamples, skipped);

if (withServe) {
  const dataDir = mkdtempSync(join(tmpdir(), 'qihuang-startup-'));
  try {
    // An existing data directory: migrated, demo data loaded (as the first `npm start` leaves it).
    const prepared = performance.now();
    const port = await freePort();
    const { argv, env } = command('compiled', ['serve', '--port', String(port), '--data-dir', dataDir]);
    const first = spawn(process.execPath, argv, {
      cwd: root,
      env: {
        ...env,
        DATABASE_URL: '',
        QIHUANG_LOG_LEVEL: 'warn',
        QIHUANG_ADMIN_PASSWORD: 'bench-admin-password',
      },
      stdio: 'ignore',
    });
    const firstExit = new Promise<void>((resolve) => first.on('exit', () => resolve()));
    while (
      (await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status,
        () => 0,
      )) !== 200
    )
      await new Promise((r) => setTimeout(r, 250));
    first.kill('SIGTERM');
    await firstExit;
    console.log(
      `\n  data directory prepared (migrations + demo data) in ${((performance.now() - prepared) / 1000).toFixed(1)} s`,
    );
    const serveSamples: Record<Variant, Sample[]> = { tsx: [], compiled: [], bundle: [] };
    let serveSkipped = 0;
    for (let i = 0; i < runs; i++) {
      for (const variant of ['tsx', 'compiled'] as const) {
        const sample = await serve(variant, dataDir);
        if (sample) serveSamples[variant].push(sample);
        else serveSkipped++;
      }
    }
    report(
      'serve → /healthz 200 on an existing data directory (target ≤ 2000 ms)',
      serveSamples,
      serveSkipped,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
