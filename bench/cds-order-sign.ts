/**
 * CDS Hooks order-sign over HTTP with prefetch: the real server in its own process (embedded database), 50
 * concurrent clients in this process for 10 s, each request timed; p50/p95/p99 and throughput.
 * Target: p95 <= 20 ms at 50 concurrent clients.
 *   node bin/run-ts.mjs bench/cds-order-sign.ts [--clients 50] [--seconds 10]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const clients = Number(args.get('clients') ?? 50);
const seconds = Number(args.get('seconds') ?? 10);
const root = join(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'qihuang-cds-bench-'));
const body = readFileSync(join(root, 'packages/cds-hooks/fixtures/order-sign-request.json'), 'utf8');

// BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server process.
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const server = spawn('node', [...nodeArgs, 'bin/qihuang.mjs', 'serve', '--port', '0', '--no-demo'], {
  cwd: root,
  env: {
    ...process.env,
    QIHUANG_DATA_DIR: dataDir,
    QIHUANG_ADMIN_PASSWORD: 'bench-admin-password',
    QIHUANG_LOG_LEVEL: 'info',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
  },
});
let output = '';
const url = await new Promise<string>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 120_000);
  const onData = (d: Buffer) => {
    output += d.toString();
    const match = /"url":"(http:[^"]+)","msg":"listening"/.exec(output);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]!);
    }
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
});
try {
  const login = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-admin-password' }),
  });
  const token = ((await login.json()) as { access_token: string }).access_token;
  const discovery = (await (await fetch(`${url}/cds-services`)).json()) as {
    services: { id: string; hook: string }[];
  };
  const service = discovery.services.find((s) => s.hook === 'order-sign')!.id;
  const headers = { 'content-type': 'application/json', Authorization: `Bearer ${token}` };
  const call = async () => {
    const t0 = performance.now();
    const response = await fetch(`${url}/cds-services/${service}`, { method: 'POST', headers, body });
    const cards = (await response.json()) as { cards?: unknown[] };
    if (response.status !== 200 || !cards.cards) throw new Error(`status ${response.status}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 200; i++) await call(); // warm-up
  const times: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) times.push(await call());
    }),
  );
  const sorted = times.sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
  console.log(
    `order-sign with prefetch, ${clients} concurrent clients, ${seconds} s: ${sorted.length} requests = ${Math.round(sorted.length / seconds)} req/s; p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms (target p95 <= 20 ms)`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.on('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
