/**
 * Model-gateway benchmark: added latency and throughput of our gateway over calling a fast canned upstream
 * directly, side by side with the Portkey AI gateway in front of the same upstream, in one run.
 *   node bin/run-ts.mjs bench/gateway.ts [--duration 5] [--sequential 2000] [--rounds 3] [--no-portkey]
 *
 * Each server runs in its own process (upstream, our gateway with audit + usage accounting on, Portkey;
 * bench/_gateway-roles.ts); this process generates the load: a sequential keep-alive loop (1 client, hrtime
 * precision), autocannon for non-streaming throughput at 50 connections, and a 50-worker loop for streaming
 * time-to-first-byte. Throughput is measured in `--rounds` rounds that alternate the pair (ours, Portkey /
 * Portkey, ours, …), each with the 1-minute load average and, per process, the CPU per request and the share
 * of the run its main thread spent on a CPU and waiting in the run queue (/proc/<pid>/schedstat): a server
 * whose on-CPU + run-queue share is ~100 % is saturated, whatever its CPU share. Everything shares the
 * machine's cores, as it would on one hospital server (docs/decisions/0014-gateway-throughput.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { Agent, createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { bodyOf, cannon } from './_load.ts';
import { sched, schedDelta, type Sched } from './_sched.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROLES = 'bench/_gateway-roles.ts';

// ---------------------------------------------------------------------------------------------------------
// Load generation and reporting.
interface Target {
  errors?: number;
  name: string;
  url: string;
  headers: Record<string, string>;
  proc?: ChildProcess;
}

const percentile = (values: number[], p: number) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** One request; resolves with [time to first byte, total time] in ms. */
function once(agent: Agent, target: Target, body: string): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const req = request(`${target.url}/chat/completions`, {
      method: 'POST',
      agent,
      headers: {
        ...target.headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    req.on('response', (res: IncomingMessage) => {
      let first = 0;
      res.on('data', () => {
        if (!first) first = Number(process.hrtime.bigint() - start) / 1e6;
      });
      res.on('end', () => {
        if (res.statusCode !== 200) {
          target.errors = (target.errors ?? 0) + 1;
          resolve([NaN, NaN]);
        } else resolve([first, Number(process.hrtime.bigint() - start) / 1e6]);
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`${target.name}: no answer within 10 s`)));
    req.end(body);
  });
}

async function sequential(
  target: Target,
  n: number,
  stream: boolean,
): Promise<{ ttfb: number[]; total: number[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const body = bodyOf(stream);
  for (let i = 0; i < Math.min(300, n); i++) await once(agent, target, body); // warm-up
  const ttfb: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < n; i++) {
    const [first, all] = await once(agent, target, body);
    ttfb.push(first);
    total.push(all);
  }
  agent.destroy();
  return { ttfb, total };
}

async function concurrentStream(
  target: Target,
  clients: number,
  ms: number,
): Promise<{ ttfb: number[]; rps: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const body = bodyOf(true);
  const ttfb: number[] = [];
  const end = Date.now() + ms;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < end) ttfb.push((await once(agent, target, body))[0]);
    }),
  );
  agent.destroy();
  const ok = ttfb.filter((t) => !Number.isNaN(t)).length;
  return { ttfb, rps: ok / ((Date.now() - started) / 1000) };
}

function startChild(args: string[], readyPort = true): Promise<{ proc: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    if (readyPort) proc.once('message', (m: { port: number }) => resolve({ proc, port: m.port }));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function startPortkey(upstreamUrl: string): Promise<Target | undefined> {
  const port = await freePort();
  const proc = spawn(
    process.execPath,
    ['node_modules/@portkey-ai/gateway/build/start-server.js', `--port=${port}`, '--headless'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  process.once('exit', () => proc.kill());
  const target: Target = {
    name: 'Portkey 1.15',
    url: `http://127.0.0.1:${port}/v1`,
    headers: {
      authorization: 'Bearer sk-bench',
      'x-portkey-provider': 'openai',
      'x-portkey-custom-host': upstreamUrl,
    },
    proc,
  };
  const agent = new Agent({ keepAlive: false });
  for (let i = 0; i < 100; i++) {
    try {
      const [first] = await once(agent, target, bodyOf(false));
      if (!Number.isNaN(first)) {
        target.errors = 0;
        return target;
      }
      await new Promise((r) => setTimeout(r, 200));
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  proc.kill();
  console.warn('Portkey did not start; comparing without it');
  return undefined;
}

interface GatewayStats {
  cpuMicros: number;
  eluActiveMs: number;
  eluIdleMs: number;
  audited: number;
  usageRecords: number;
  auditPending: number;
  auditDropped: number;
}
async function gatewayStats(proc: ChildProcess): Promise<GatewayStats> {
  return new Promise((resolve) => {
    proc.once('message', (m: GatewayStats) => resolve(m));
    proc.send({ type: 'stats' });
  });
}

const f = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

interface LoadRun {
  name: string;
  round: number;
  load1: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  server: Sched;
  upstream: Sched;
  generator: Sched;
  /** Event-loop utilisation of our gateway during the run (NaN for the others). */
  elu: number;
}

/** One autocannon run against `target`, with the scheduler accounting of every process around it. */
async function loadRun(
  target: Target,
  upstreamPid: number,
  seconds: number,
  round: number,
): Promise<LoadRun> {
  const ours = target.name === 'Qihuang gateway' ? target.proc : undefined;
  const statsBefore = ours ? await gatewayStats(ours) : undefined;
  const load1 = loadavg()[0]!;
  const before = [sched(target.proc?.pid), sched(upstreamPid), sched(process.pid)];
  const load = await cannon(target, seconds);
  const after = [sched(target.proc?.pid), sched(upstreamPid), sched(process.pid)];
  const statsAfter = ours ? await gatewayStats(ours) : undefined;
  const active = statsAfter && statsBefore ? statsAfter.eluActiveMs - statsBefore.eluActiveMs : NaN;
  const idle = statsAfter && statsBefore ? statsAfter.eluIdleMs - statsBefore.eluIdleMs : NaN;
  return {
    name: target.name,
    round,
    load1,
    ...load,
    server: schedDelta(before[0]!, after[0]!),
    upstream: schedDelta(before[1]!, after[1]!),
    generator: schedDelta(before[2]!, after[2]!),
    elu: active / (active + idle),
  };
}

const median = (values: number[]) => percentile(values, 50);
const perReq = (ns: number, run: LoadRun) => ns / 1000 / run.requests;
const share = (ns: number, seconds: number) => `${f((ns / 1e9 / seconds) * 100, 0)} %`;

async function main(): Promise<void> {
  const args = new Map<string, string>();
  for (let i = 2; i < process.argv.length; i++) {
    const key = process.argv[i]!.replace(/^--/, '');
    const value = process.argv[i + 1];
    if (value !== undefined && !value.startsWith('--')) {
      args.set(key, value);
      i++;
    } else args.set(key, 'true');
  }
  const seconds = Number(args.get('duration') ?? 5);
  const n = Number(args.get('sequential') ?? 2000);
  const rounds = Number(args.get('rounds') ?? 3);
  const benchStarted = Date.now();
  const loadAtStart = loadavg();

  const upstream = await startChild(['bin/run-ts.mjs', ROLES, 'upstream']);
  const upstreamUrl = `http://127.0.0.1:${upstream.port}/v1`;
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const ours = await startChild([...profile, 'bin/run-ts.mjs', ROLES, 'gateway', upstreamUrl]);
  const targets: Target[] = [
    { name: 'direct (upstream)', url: upstreamUrl, headers: { authorization: 'Bearer sk-bench' } },
    {
      name: 'Qihuang gateway',
      url: `http://127.0.0.1:${ours.port}/v1`,
      headers: { authorization: 'Bearer sk-bench' },
      proc: ours.proc,
    },
  ];
  const portkey = args.has('no-portkey') ? undefined : await startPortkey(upstreamUrl);
  if (portkey) targets.push(portkey);
  // Reference for throughput only: the per-call floor of a Node proxy (bench/_gateway-roles.ts).
  const bareProc = await startChild(['bin/run-ts.mjs', ROLES, 'bare', upstreamUrl]);
  const bare: Target = {
    name: 'bare node:http proxy',
    url: `http://127.0.0.1:${bareProc.port}/v1`,
    headers: {},
    proc: bareProc.proc,
  };

  // Latency: one target after the other.
  const rows: Record<string, Record<string, string>> = {};
  const raw: Record<string, Record<string, number>> = {};
  for (const target of targets) {
    const r: Record<string, number> = {};
    console.log(`… latency: ${target.name}`);
    const seqPlain = await sequential(target, n, false);
    r.seqP50 = percentile(seqPlain.total, 50);
    r.seqP99 = percentile(seqPlain.total, 99);
    const seqStream = await sequential(target, Math.ceil(n / 2), true);
    r.seqTtftP50 = percentile(seqStream.ttfb, 50);
    r.seqTtftP99 = percentile(seqStream.ttfb, 99);
    const stream50 = await concurrentStream(target, 50, Math.min(4000, seconds * 1000));
    r.c50TtftP50 = percentile(stream50.ttfb, 50);
    r.c50TtftP99 = percentile(stream50.ttfb, 99);
    r.streamRps = stream50.rps;
    r.loopErrors = target.errors ?? 0;
    raw[target.name] = r;
  }

  // Throughput: rounds alternating the pair; direct first in each round (the ceiling of load generator +
  // upstream), the bare proxy last (the per-call floor of a Node proxy).
  const runs: LoadRun[] = [];
  for (let round = 1; round <= rounds; round++) {
    const pair = targets.slice(1);
    if (round % 2 === 0) pair.reverse();
    for (const target of [targets[0]!, ...pair, bare]) {
      console.log(`… throughput round ${round}: ${target.name}`);
      runs.push(await loadRun(target, upstream.proc.pid!, seconds, round));
    }
  }
  const stats = await gatewayStats(ours.proc);

  const direct = raw[targets[0]!.name]!;
  for (const [name, r] of Object.entries(raw)) {
    const mine = runs.filter((run) => run.name === name);
    rows[name] = {
      'seq p50 / p99 (ms)': `${f(r.seqP50!, 3)} / ${f(r.seqP99!, 3)}`,
      'added p50 (ms)': name === targets[0]!.name ? '—' : f(r.seqP50! - direct.seqP50!, 3),
      'seq TTFT p50 / p99 (ms)': `${f(r.seqTtftP50!, 3)} / ${f(r.seqTtftP99!, 3)}`,
      'added TTFT p50 (ms)': name === targets[0]!.name ? '—' : f(r.seqTtftP50! - direct.seqTtftP50!, 3),
      '50 clients TTFT p50 / p99 (ms)': `${f(r.c50TtftP50!, 1)} / ${f(r.c50TtftP99!, 1)}`,
      'req/s (stream, 50 workers)': f(r.streamRps!, 0),
      'req/s (non-stream, median of rounds)': f(median(mine.map((run) => run.rps)), 0),
      'non-2xx/errors': `${mine.reduce((s, run) => s + run.errors, 0)} (load) / ${r.loopErrors} (loops)`,
    };
  }
  const names = Object.keys(rows);
  const metrics = Object.keys(rows[names[0]!]!);
  console.log(
    `\nGateway benchmark — ${new Date().toISOString()}, node ${process.version}, ${seconds}s load runs, ` +
      `${n} sequential requests, ${rounds} alternating rounds; load average at start ` +
      `${loadAtStart.map((l) => f(l, 2)).join(' / ')}, at end ${loadavg()
        .map((l) => f(l, 2))
        .join(' / ')}\n`,
  );
  console.log(`| metric | ${names.join(' | ')} |`);
  console.log(`|---|${names.map(() => '---').join('|')}|`);
  for (const metric of metrics)
    console.log(`| ${metric} | ${names.map((name) => rows[name]![metric]).join(' | ')} |`);

  console.log(
    `\nThroughput at 50 connections (non-streaming), by round. CPU µs/req: all threads of the process; ` +
      `main thread: share of the run on a CPU + waiting in the run queue.\n`,
  );
  console.log(
    '| round | server | load avg 1 min | req/s | p50 / p99 (ms) | server CPU µs/req | server main thread on-CPU + run-queue | ELU | upstream CPU µs/req | load generator CPU µs/req |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const run of runs) {
    const server = run.name === targets[0]!.name ? '—' : f(perReq(run.server.cpuNs, run), 0);
    const main =
      run.name === targets[0]!.name
        ? '—'
        : `${share(run.server.mainCpuNs, seconds)} + ${share(run.server.mainWaitNs, seconds)}`;
    console.log(
      `| ${run.round} | ${run.name} | ${f(run.load1, 2)} | ${f(run.rps, 0)} | ${f(run.p50, 0)} / ${f(run.p99, 0)} | ` +
        `${server} | ${main} | ${Number.isNaN(run.elu) ? '—' : f(run.elu, 2)} | ` +
        `${f(perReq(run.upstream.cpuNs, run), 0)} | ${f(perReq(run.generator.cpuNs, run), 0)} |`,
    );
  }
  const oursRuns = runs.filter((run) => run.name === 'Qihuang gateway');
  const oursCpu = median(oursRuns.map((run) => perReq(run.server.cpuNs, run)));
  const oursMainCpu = median(oursRuns.map((run) => perReq(run.server.mainCpuNs, run)));
  console.log(
    `\nQihuang gateway CPU per request (audit + usage on), median of rounds: ${f(oursCpu, 0)} µs all threads, ` +
      `${f(oursMainCpu, 0)} µs on the event loop (≤ ${f(1e6 / oursMainCpu, 0)} req/s with a core to itself); ` +
      `audit events ${stats.audited} (pending ${stats.auditPending}, dropped ${stats.auditDropped}), usage records ${stats.usageRecords}`,
  );
  const bareRuns = runs.filter((run) => run.name === bare.name);
  const bareCpu = median(bareRuns.map((run) => perReq(run.server.cpuNs, run)));
  console.log(
    `Bare node:http proxy (the floor): ${f(bareCpu, 0)} µs/request, ${f(median(bareRuns.map((run) => run.rps)), 0)} req/s; ` +
      `our routing, auth, limits, accounting and audit add ${f(oursCpu - bareCpu, 0)} µs/request`,
  );
  console.log(
    `Added latency p50 (sequential, non-streaming): ${f(raw['Qihuang gateway']!.seqP50! - direct.seqP50!, 3)} ms (target ≤ 0.5 ms)`,
  );
  if (portkey) {
    const pkRuns = runs.filter((run) => run.name === portkey.name);
    const ratios = oursRuns.map((run, i) => run.rps / pkRuns[i]!.rps);
    const pkCpu = median(pkRuns.map((run) => perReq(run.server.cpuNs, run)));
    const pkMainCpu = median(pkRuns.map((run) => perReq(run.server.mainCpuNs, run)));
    const pkRps = median(pkRuns.map((run) => run.rps));
    const sideCpu = median(oursRuns.map((run) => perReq(run.upstream.cpuNs + run.generator.cpuNs, run)));
    console.log(
      `Throughput vs Portkey, same round: ${ratios.map((r) => `${f(r, 1)}×`).join(', ')} (median ${f(median(ratios), 1)}×, target ≥ 5×); ` +
        `Portkey added p50 ${f(raw[portkey.name]!.seqP50! - direct.seqP50!, 3)} ms`,
    );
    console.log(
      `CPU per request, Portkey ÷ ours: ${f(pkCpu / oursCpu, 1)}× all threads, ${f(pkMainCpu / oursMainCpu, 1)}× event loop ` +
        `(Portkey ${f(pkCpu, 0)} / ${f(pkMainCpu, 0)} µs)`,
    );
    console.log(
      `5× Portkey's ${f(pkRps, 0)} req/s = ${f(5 * pkRps, 0)} req/s needs (ours ${f(oursCpu, 0)} + upstream and load ` +
        `generator ${f(sideCpu, 0)} µs/req) × ${f(5 * pkRps, 0)} = ${f(((oursCpu + sideCpu) * 5 * pkRps) / 1e6, 2)} cores ` +
        `of this machine's 2 (load average ${f(loadavg()[0]!, 2)})`,
    );
  }
  console.log(`Total bench time ${f((Date.now() - benchStarted) / 1000, 0)} s`);

  for (const target of [...targets, bare]) target.proc?.kill('SIGINT');
  upstream.proc.kill();
  await new Promise((r) => setTimeout(r, 500));
  process.exit(0);
}

await main();
