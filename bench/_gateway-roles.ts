/**
 * The processes of the gateway benchmark (bench/gateway.ts starts each with `node bin/run-ts.mjs
 * bench/_gateway-roles.ts <role>`): the canned upstream, our gateway with audit and usage accounting on, and
 * a bare node:http proxy (the floor any Node gateway pays per call).
 * The leading underscore keeps `npm run bench` from running this file as a benchmark of its own.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

// ---------------------------------------------------------------------------------------------------------
// Role: canned upstream (what a vLLM server would answer, instantly).
export function runUpstream(): void {
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
export async function runGateway(upstreamUrl: string): Promise<void> {
  const { serve } = await import('@hono/node-server');
  const { Hono } = await import('hono');
  const gateway = await import('@qihuang/gateway');
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
      // Event-loop utilisation since start: the bench takes differences around each load run.
      const elu = performance.eventLoopUtilization();
      process.send!({
        cpuMicros: cpu.user + cpu.system,
        eluActiveMs: elu.active,
        eluIdleMs: elu.idle,
        audited,
        usageRecords: usageStore.records.length,
        auditPending: runtime.auditLog.pending,
        auditDropped: runtime.auditLog.dropped,
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Role: the floor — the least a Node proxy does per call (node:http in, JSON parse and re-serialise,
// node:http keep-alive out, read the answer, parse it, send it back), no auth, routing, accounting or audit.
export function runBareProxy(upstreamUrl: string): void {
  const chat = new URL(`${upstreamUrl}/chat/completions`);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const body = JSON.stringify({
        ...JSON.parse(Buffer.concat(parts).toString('utf8')),
        model: 'bench-model',
      });
      const out = request(chat, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      out.on('response', (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          JSON.parse(text);
          res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json' }).end(text);
        });
      });
      out.on('error', () => res.writeHead(502).end());
      out.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
}

const role = process.argv[2];
if (role === 'upstream') runUpstream();
else if (role === 'gateway') await runGateway(process.argv[3]!);
else if (role === 'bare') runBareProxy(process.argv[3]!);
