/**
 * Model-gateway benchmark: added latency and throughput of our gateway over calling a fast canned upstream
 * directly, side by side with the Portkey AI gateway in front of the same upstream, in one run.
 *   node bin/run-ts.mjs bench/gateway.ts [--duration 5] [--sequential 2000] [--no-portkey]
 *
 * Each server runs in its own process (upstream, our gateway with audit + usage accounting on, Portkey);
 * this process generates the load: a sequential keep-alive loop (1 client, hrtime precision), autocannon for
 * non-streaming throughput at 50 connections, and a 50-worker loop for streaming time-to-first-byte.
 * Everything shares the machine's cores, as it would on one hospital server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// autocannon ships no types; the part used here.
interface CannonResult {
  latency: { p50: number; p99: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  method: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  body: string;
}) => Promise<CannonResult>;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const role = process.argv[2];

// ---------------------------------------------------------------------------------------------------------
// Role: canned upstream (what a vLLM server would answer, instantly).
function runUpstream(): void {
  const completion = JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: 1764115200,
    model: 'bench-model',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: '血压控制在目标范围内，建议继续目前的治疗方案并定期复查。' },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 42, completion_tokens: 28, total_tokens: 70 },
  });
  const event = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1764115200, model: 'bench-model', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const pieces = ['血压控制在', '目标范围内，', '建议继续目前的', '治疗方案并定期复查。'];
  const usage = `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1764115200, model: 'bench-model', choices: [], usage: { prompt_tokens: 42, completion_tokens: 28, total_tokens: 70 } })}\n\n`;
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      if (req.method === 'GET') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"object":"list","data":[{"id":"bench-model","object":"model"}]}');
        return;
      }
      const body = Buffer.concat(parts).toString('utf8');
      if (!body.includes('"stream":true')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(completion);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(event({ role: 'assistant', content: '' }));
      for (const piece of pieces) res.write(event({ content: piece }));
      res.write(event({}, 'stop'));
      if (body.includes('"include_usage":true')) res.write(usage);
      res.end('data: [DONE]\n\n');
    });
  });
  server.keepAliveTimeout = 60_000;
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
}

// ---------------------------------------------------------------------------------------------------------
// Role: our gateway, audit and usage accounting on (in-memory sinks behind the same batch writers).
async function runGateway(upstreamUrl: string): Promise<void> {
  const { serve } = await import('@hono/node-server');
  const { Hono } = await import('hono');
  const gateway = await import('../packages/gateway/index.ts');
  const usageStore = new gateway.MemoryUsageStore(500_000);
  let audited = 0;
  const runtime = gateway.createGatewayRuntime({
    config: gateway.parseGatewayConfig({
      providers: [
        { id: 'bench', kind: 'vllm', baseUrl: upstreamUrl, model: 'bench-model', location: 'on-premises' },
      ],
      virtualModels: [{ name: 'clinical-copilot', targets: [{ provider: 'bench' }] }],
    }),
    auth: gateway.createStaticGatewayAuth([
      {
        key: 'sk-bench',
        principal: {
          id: 'bench-key',
          kind: 'key',
          allowedModels: ['clinical-copilot'],
          rateLimit: { rpm: 1e9, tpm: 1e12 },
        },
      },
    ]),
    audit: {
      record: async () => {
        audited += 1;
      },
    },
    usageStore,
  });
  const app = new Hono().route('/v1', gateway.createGatewayRoutes({ runtime }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    process.send!({ port: info.port }),
  );
  (server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = 60_000;
  process.on('SIGINT', () => process.exit(0)); // lets --cpu-prof write its profile
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'stats') return;
    void runtime.flush().then(() => {
      const cpu = process.cpuUsage();
      process.send!({ cpuMicros: cpu.user + cpu.system, audited, usageRecords: usageStore.records.length });
    });
  });
}

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

const bodyOf = (stream: boolean) =>
  JSON.stringify({
    model: 'clinical-copilot',
    messages: [
      { role: 'system', content: '你是心血管专科临床助手。' },
      {
        role: 'user',
        content: '患者男，58岁，血压 128/78 mmHg，服用氨氯地平 5 mg qd，目前方案是否需要调整？',
      },
    ],
    ...(stream ? { stream: true } : {}),
  });

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

async function cannon(
  target: Target,
  seconds: number,
): Promise<{ p50: number; p99: number; rps: number; errors: number; requests: number }> {
  const result = await autocannon({
    url: `${target.url}/chat/completions`,
    method: 'POST',
    connections: 50,
    duration: seconds,
    headers: { ...target.headers, 'content-type': 'application/json' },
    body: bodyOf(false),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.non2xx + result.errors + result.timeouts,
    requests: result.requests.total,
  };
}

/** CPU time (user + system) of a child process in ms, from /proc (10 ms ticks). */
function procCpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
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

async function gatewayStats(
  proc: ChildProcess,
): Promise<{ cpuMicros: number; audited: number; usageRecords: number }> {
  return new Promise((resolve) => {
    proc.once('message', (m: { cpuMicros: number; audited: number; usageRecords: number }) => resolve(m));
    proc.send({ type: 'stats' });
  });
}

const f = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

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
  const benchStarted = Date.now();

  const upstream = await startChild(['bin/run-ts.mjs', 'bench/gateway.ts', 'upstream']);
  const upstreamUrl = `http://127.0.0.1:${upstream.port}/v1`;
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const ours = await startChild([...profile, 'bin/run-ts.mjs', 'bench/gateway.ts', 'gateway', upstreamUrl]);
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

  const rows: Record<string, Record<string, string>> = {};
  const raw: Record<string, Record<string, number>> = {};
  for (const target of targets) {
    const r: Record<string, number> = {};
    console.log(`… ${target.name}`);
    const seqPlain = await sequential(target, n, false);
    r.seqP50 = percentile(seqPlain.total, 50);
    r.seqP99 = percentile(seqPlain.total, 99);
    const seqStream = await sequential(target, Math.ceil(n / 2), true);
    r.seqTtftP50 = percentile(seqStream.ttfb, 50);
    r.seqTtftP99 = percentile(seqStream.ttfb, 99);

    const cpuBefore = target === targets[1] ? (await gatewayStats(ours.proc)).cpuMicros : 0;
    const procBefore = procCpuMs(target.proc?.pid);
    const load = await cannon(target, seconds);
    const procAfter = procCpuMs(target.proc?.pid);
    if (target === targets[1]) {
      const stats = await gatewayStats(ours.proc);
      r.cpuPerRequestUs = (stats.cpuMicros - cpuBefore) / load.requests;
      r.audited = stats.audited;
      r.usageRecords = stats.usageRecords;
    }
    r.procCpuPerRequestUs = ((procAfter - procBefore) * 1000) / load.requests;
    r.c50P50 = load.p50;
    r.c50P99 = load.p99;
    r.rps = load.rps;
    r.errors = load.errors;
    const stream50 = await concurrentStream(target, 50, Math.min(4000, seconds * 1000));
    r.c50TtftP50 = percentile(stream50.ttfb, 50);
    r.c50TtftP99 = percentile(stream50.ttfb, 99);
    r.streamRps = stream50.rps;
    r.loopErrors = target.errors ?? 0;
    raw[target.name] = r;
  }

  const direct = raw[targets[0]!.name]!;
  for (const [name, r] of Object.entries(raw)) {
    const added = name === targets[0]!.name ? '—' : f(r.seqP50! - direct.seqP50!, 3);
    rows[name] = {
      'seq p50 / p99 (ms)': `${f(r.seqP50!, 3)} / ${f(r.seqP99!, 3)}`,
      'added p50 (ms)': added,
      'seq TTFT p50 / p99 (ms)': `${f(r.seqTtftP50!, 3)} / ${f(r.seqTtftP99!, 3)}`,
      'added TTFT p50 (ms)': name === targets[0]!.name ? '—' : f(r.seqTtftP50! - direct.seqTtftP50!, 3),
      '50 clients p50 / p99 (ms)': `${f(r.c50P50!, 0)} / ${f(r.c50P99!, 0)}`,
      '50 clients TTFT p50 / p99 (ms)': `${f(r.c50TtftP50!, 1)} / ${f(r.c50TtftP99!, 1)}`,
      'max req/s (non-stream)': f(r.rps!, 0),
      'req/s (stream)': f(r.streamRps!, 0),
      'non-2xx/errors': `${r.errors} (load) / ${r.loopErrors} (loops)`,
      'CPU µs/req (process)': f(r.procCpuPerRequestUs!, 0),
    };
  }
  const names = Object.keys(rows);
  const metrics = Object.keys(rows[names[0]!]!);
  console.log(
    `\nGateway benchmark — ${new Date().toISOString()}, node ${process.version}, ${seconds}s load runs, ${n} sequential requests\n`,
  );
  console.log(`| metric | ${names.join(' | ')} |`);
  console.log(`|---|${names.map(() => '---').join('|')}|`);
  for (const metric of metrics)
    console.log(`| ${metric} | ${names.map((name) => rows[name]![metric]).join(' | ')} |`);
  const oursRaw = raw['Qihuang gateway']!;
  console.log(
    `\nQihuang gateway CPU per request (process.cpuUsage, audit + usage on): ${f(oursRaw.cpuPerRequestUs!, 0)} µs; ` +
      `audit events ${oursRaw.audited}, usage records ${oursRaw.usageRecords}`,
  );
  console.log(
    `Added latency p50 (sequential, non-streaming): ${f(oursRaw.seqP50! - direct.seqP50!, 3)} ms (target ≤ 0.5 ms)`,
  );
  if (portkey) {
    const pk = raw[portkey.name]!;
    console.log(
      `Throughput vs Portkey: ${f(oursRaw.rps! / pk.rps!, 1)}× (target ≥ 5×); Portkey added p50 ${f(pk.seqP50! - direct.seqP50!, 3)} ms`,
    );
  }
  console.log(`Total bench time ${f((Date.now() - benchStarted) / 1000, 0)} s`);

  for (const target of targets) target.proc?.kill('SIGINT');
  upstream.proc.kill();
  await new Promise((r) => setTimeout(r, 500));
  process.exit(0);
}

if (role === 'upstream') runUpstream();
else if (role === 'gateway') await runGateway(process.argv[3]!);
else await main();
