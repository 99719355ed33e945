/**
 * CDS Hooks order-sign over HTTP with prefetch: the real server in its own process (embedded database, or
 * PostgreSQL with BENCH_DATABASE_URL), `--clients` closed-loop clients in this process for `--seconds`, each
 * request timed and its response checked (200 with `cards`); p50/p95/p99 and throughput.
 * Target (issue 19, restated for 2 cores): server CPU <= 0.35 ms per request, p95 <= 20 ms at 10 clients.
 * With --floor 1 the same is then measured for discovery (GET, no body, no caller, no review): the server's
 * per-request floor (HTTP, middleware, logging, sockets), so that the order-sign figure can be split.
 *
 * The load generator is kept lean so that it measures the server, not itself (it shares the cores): node:http
 * with one keep-alive socket per client, the body read once. The second line reports where the CPU went in the
 * measured window, per request: the server process (user and kernel time), on PostgreSQL the backends serving
 * it, and this client; and how busy the machine was ("other" is everything else running on it).
 *
 * With --warmup-requests N the server first answers N more requests (after the --warmup seconds), so that the
 * window measures the steady state rather than the JIT compiling the request path (on a loaded machine the path
 * takes several thousand calls to be optimised, and that one-time cost would otherwise be spread over the window).
 *
 *   node bin/run-ts.mjs bench/cds-order-sign.ts [--clients 10] [--seconds 10] [--warmup 2] [--floor 1]
 *     [--warmup-requests 0]
 *   BENCH_DATABASE_URL=postgres://… node bin/run-ts.mjs bench/cds-order-sign.ts   # server on PostgreSQL
 * BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server process.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const clients = Number(args.get('clients') ?? 10);
const seconds = Number(args.get('seconds') ?? 10);
const warmup = Number(args.get('warmup') ?? 2);
/** Requests answered before the window (after the warm-up seconds): 0 = none (the default). */
const warmupRequests = Number(args.get('warmup-requests') ?? 0);
/** --floor 1: also measures discovery (GET /cds-services) the same way: what any request costs this server. */
const floor = args.get('floor') === '1';
const root = join(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'qihuang-cds-bench-'));
const body = readFileSync(join(root, 'packages/cds-hooks/fixtures/order-sign-request.json'));

/** A free port: the server is told which one, so that its log can go to a file rather than through this process. */
const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const address = probe.address();
    probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
  });
});
// On PostgreSQL the server's connections carry this application_name, so that their backends' CPU can be found.
const APPLICATION_NAME = 'qihuang-cds-bench';
const databaseUrl = process.env.BENCH_DATABASE_URL
  ? `${process.env.BENCH_DATABASE_URL}${process.env.BENCH_DATABASE_URL.includes('?') ? '&' : '?'}application_name=${APPLICATION_NAME}`
  : '';
const pgClient = process.env.BENCH_DATABASE_URL
  ? new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL })
  : undefined;
const logFile = join(dataDir, 'server.log');
const logFd = openSync(logFile, 'a');
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const server = spawn('node', [...nodeArgs, 'bin/qihuang.mjs', 'serve', '--port', String(port), '--no-demo'], {
  cwd: root,
  stdio: ['ignore', logFd, logFd],
  env: {
    ...process.env,
    QIHUANG_DATA_DIR: join(dataDir, 'db'),
    QIHUANG_ADMIN_PASSWORD: 'bench-admin-password',
    QIHUANG_LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
  },
});
const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));

const agent = new Agent({ keepAlive: true, maxSockets: clients });
function call(
  method: string,
  path: string,
  headers: Record<string, string | number>,
  payload?: Buffer,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ agent, host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Ready = the server logged "listening" and /readyz answers 200. */
async function waitForServer(): Promise<void> {
  const deadline = performance.now() + 120_000;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined)
      throw new Error(`server exited (${exitCode}):\n${readFileSync(logFile, 'utf8')}`);
    if (performance.now() > deadline)
      throw new Error(`server did not start:\n${readFileSync(logFile, 'utf8')}`);
    if (readFileSync(logFile, 'utf8').includes('"msg":"listening"')) {
      const ready = await call('GET', '/readyz', {}).catch(() => undefined);
      if (ready?.status === 200) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// CPU accounting from /proc (Linux): the server process (and any it started), and the whole machine.
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100);
interface ProcCpu {
  ppid: number;
  /** CPU ms in user mode and in the kernel. */
  user: number;
  system: number;
}
function procStat(pid: number): ProcCpu | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "pid (comm) ": state ppid … utime (field 14) stime (15), counted from the state field as 0.
    return {
      ppid: Number(fields[1]),
      user: Number(fields[11]) * TICK_MS,
      system: Number(fields[12]) * TICK_MS,
    };
  } catch {
    return undefined;
  }
}
/** CPU ms of the server process and any processes it started. */
function serverCpu(): { user: number; system: number } {
  const stats = new Map<number, ProcCpu>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  const tree = new Set([server.pid!]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (tree.has(pid) || !tree.has(stat.ppid)) continue;
      tree.add(pid);
      grew = true;
    }
  }
  const total = { user: 0, system: 0 };
  for (const pid of tree) {
    total.user += stats.get(pid)?.user ?? 0;
    total.system += stats.get(pid)?.system ?? 0;
  }
  return total;
}
/**
 * PostgreSQL: CPU ms of the backends serving this server's connections (found by application_name in
 * pg_stat_activity), per backend pid.
 */
async function databaseCpu(): Promise<Map<number, number>> {
  const cpu = new Map<number, number>();
  if (!pgClient) return cpu;
  const { rows } = await pgClient.query<{ pid: number }>(
    'select pid from pg_stat_activity where application_name = $1',
    [APPLICATION_NAME],
  );
  for (const { pid } of rows) {
    const stat = procStat(pid);
    if (stat) cpu.set(pid, stat.user + stat.system);
  }
  return cpu;
}
const sumDelta = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);
/** Busy and total CPU ms of the whole machine (all cores). */
function machineCpuMs(): { busy: number; total: number } {
  const values = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0); // user … steal (guest is inside user)
  const idle = values[3]! + values[4]!; // idle + iowait
  return { busy: (total - idle) * TICK_MS, total: total * TICK_MS };
}
const clientCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

try {
  await waitForServer();
  await pgClient?.connect();
  const login = await call(
    'POST',
    '/auth/login',
    { 'content-type': 'application/json' },
    Buffer.from(JSON.stringify({ username: 'admin', password: 'bench-admin-password' })),
  );
  const token = (JSON.parse(login.text) as { access_token: string }).access_token;
  const discovery = JSON.parse((await call('GET', '/cds-services', {})).text) as {
    services: { id: string; hook: string }[];
  };
  const path = `/cds-services/${discovery.services.find((s) => s.hook === 'order-sign')!.id}`;
  const headers = {
    'content-type': 'application/json',
    'content-length': body.length,
    authorization: `Bearer ${token}`,
  };
  const orderSign = async () => {
    const t0 = performance.now();
    const response = await call('POST', path, headers, body);
    const elapsed = performance.now() - t0;
    if (response.status !== 200) throw new Error(`status ${response.status}: ${response.text.slice(0, 200)}`);
    if (!Array.isArray((JSON.parse(response.text) as { cards?: unknown }).cards))
      throw new Error(`no cards: ${response.text.slice(0, 200)}`);
    return elapsed;
  };
  /** The floor: discovery (GET, no body, no caller, no review) through the same server, logging and sockets. */
  const discoveryCall = async () => {
    const t0 = performance.now();
    const response = await call('GET', '/cds-services', {});
    const elapsed = performance.now() - t0;
    if (response.status !== 200) throw new Error(`discovery status ${response.status}`);
    return elapsed;
  };
  const run = async (one: () => Promise<number>, ms: number, times?: number[], requests = Infinity) => {
    const end = performance.now() + ms;
    let started = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < end && started++ < requests) {
          const elapsed = await one();
          times?.push(elapsed);
        }
      }),
    );
  };

  /** One measured window: latency percentiles, and the CPU per request of server, database and client. */
  const measure = async (one: () => Promise<number>) => {
    await run(one, warmup * 1000); // warm-up: JIT, connections, caches
    if (warmupRequests > 0) await run(one, Infinity, undefined, warmupRequests);
    const times: number[] = [];
    const before = {
      server: serverCpu(),
      database: await databaseCpu(),
      client: clientCpuMs(),
      machine: machineCpuMs(),
      load: loadavg()[0]!,
      t: performance.now(),
    };
    await run(one, seconds * 1000, times);
    const wall = performance.now() - before.t;
    const after = { server: serverCpu(), client: clientCpuMs(), machine: machineCpuMs() };
    const database = sumDelta(before.database, await databaseCpu());
    const serverUser = after.server.user - before.server.user;
    const serverSystem = after.server.system - before.server.system;
    const server = serverUser + serverSystem;
    const client = after.client - before.client;
    const busy = after.machine.busy - before.machine.busy;
    const total = after.machine.total - before.machine.total;
    const sorted = times.sort((a, b) => a - b);
    const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
    const n = sorted.length;
    const share = (ms: number) => `${Math.round((100 * ms) / total)}%`;
    const perRequest = (ms: number) => `${(ms / n).toFixed(2)} ms`;
    return {
      latency: `${n} requests = ${Math.round(n / (wall / 1000))} req/s; p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms; load average ${before.load.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
      cpu:
        `CPU per request: server ${perRequest(server)} (user ${perRequest(serverUser)}, kernel ${perRequest(serverSystem)})` +
        `${pgClient ? `, PostgreSQL backends ${perRequest(database)}` : ''}, client ${perRequest(client)}; ` +
        `machine ${Math.round(total / wall)} cores ${share(busy)} busy (server ${share(server)}, ` +
        `${pgClient ? `PostgreSQL ${share(database)}, ` : ''}client ${share(client)}, other ${share(Math.max(0, busy - server - client - database))})`,
    };
  };

  const signed = await measure(orderSign);
  console.log(
    `order-sign with prefetch, ${clients} concurrent clients, ${seconds} s${warmupRequests ? ` after ${warmupRequests} warm-up requests` : ''}: ${signed.latency} (target p95 <= 20 ms)`,
  );
  console.log(`  ${signed.cpu}`);
  if (floor) {
    const base = await measure(discoveryCall);
    console.log(`floor: GET /cds-services (discovery), same clients and window: ${base.latency}`);
    console.log(`  ${base.cpu}`);
  }
} finally {
  await pgClient?.end().catch(() => undefined);
  agent.destroy();
  server.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}
