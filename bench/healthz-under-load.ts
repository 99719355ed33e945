/**
 * `/healthz` while heavy searches run (issue 15 item 4): the real server in its own process with the demo data
 * (25 patients), on PostgreSQL and on the embedded database; `--clients` closed-loop clients send heavy FHIR
 * searches (three-key sorts, wide date ranges, _include / _revinclude, big pages) for `--seconds`, while a probe
 * asks `/healthz` every 20 ms. Reports /healthz p50/p99/max, the searches (count, p50, statuses: a 503 is a
 * search stopped by the statement timeout) and the load average. Target: /healthz p99 <= 100 ms on both.
 *
 *   node bin/run-ts.mjs bench/healthz-under-load.ts [--clients 10] [--seconds 20] [--kinds postgres,pglite]
 *     [--worker 1]  (0: the embedded database in the server's thread, as before the worker)
 *     [--timeout-ms 30000]  (QIHUANG_STATEMENT_TIMEOUT_MS of the server)
 *     [--cpu-prof DIR]  (write a V8 CPU profile of the server process to DIR: what the server's thread spends on)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresTestDatabase } from '@qihuang/test-kit';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const clients = Number(args.get('clients') ?? 10);
const seconds = Number(args.get('seconds') ?? 20);
const kinds = (args.get('kinds') ?? 'postgres,pglite').split(',');
const worker = args.get('worker') ?? '1';
const timeoutMs = args.get('timeout-ms') ?? '30000';
const cpuProf = args.get('cpu-prof');
const root = join(import.meta.dirname, '..');
const ADMIN_PASSWORD = 'bench-admin-password';

const HEAVY = [
  '/fhir/R4/Observation?date=ge2000-01-01&_sort=-date,code,status&_count=200',
  '/fhir/R4/Observation?date=ge1990-01-01&date=le2035-01-01&_sort=date,-code&_include=Observation:subject&_count=500',
  '/fhir/R4/Observation?_sort=-date,code&_include=Observation:patient&_include=Observation:encounter&_count=300',
  '/fhir/R4/Encounter?date=ge2000-01-01&_sort=-date,status&_revinclude=Observation:encounter&_count=100',
  '/fhir/R4/Observation?code=85354-9,8867-4&_sort=-date&_count=1000',
  '/fhir/R4/Patient?_sort=family,given,-birthdate&_revinclude=Condition:subject&_count=50',
];

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * CPU seconds (user + system) used so far by the processes whose pid passes `pick` (Linux /proc; 0 elsewhere):
 * who used the two shared cores during the run — the server, the database, this load generator.
 */
function cpuSeconds(pick: (pid: number, command: string) => boolean): number {
  let ticks = 0;
  try {
    for (const name of readdirSync('/proc')) {
      const pid = Number(name);
      if (!Number.isInteger(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (!pick(pid, command)) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of proc(5))
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return 0;
  }
  return ticks / 100; // USER_HZ
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
const ms = (n: number) => `${Math.round(n * 10) / 10} ms`;

async function run(kind: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qihuang-healthz-bench-'));
  const target =
    kind === 'postgres'
      ? await createPostgresTestDatabase(
          process.env.QIHUANG_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
        )
      : undefined;
  const port = await freePort();
  const logFile = join(dir, 'server.log');
  const logFd = openSync(logFile, 'a');
  const profile = cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : [];
  const server = spawn('node', [...profile, 'bin/qihuang.mjs', 'serve', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      QIHUANG_DATA_DIR: join(dir, 'db'),
      QIHUANG_ADMIN_PASSWORD: ADMIN_PASSWORD,
      QIHUANG_DEMO: '1',
      QIHUANG_PGLITE_WORKER: worker,
      QIHUANG_STATEMENT_TIMEOUT_MS: timeoutMs,
      DATABASE_URL: target?.url ?? '',
    },
  });
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  const agent = new Agent({ keepAlive: true, maxSockets: clients + 2 });
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest({ agent, host: '127.0.0.1', port, method, path, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  try {
    const started = performance.now();
    let exitCode: number | null | undefined;
    void exited.then((code) => (exitCode = code));
    for (;;) {
      if (exitCode !== undefined) throw new Error(`server exited:\n${readFileSync(logFile, 'utf8')}`);
      if (performance.now() - started > 600_000) throw new Error('server not ready after 600 s');
      const ready = await call('GET', '/readyz').catch(() => undefined);
      if (ready?.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const login = await call(
      'POST',
      '/auth/login',
      { 'content-type': 'application/json' },
      JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    );
    const token = (JSON.parse(login.text) as { access_token: string }).access_token;
    const auth = { authorization: `Bearer ${token}` };
    console.log(
      `${kind}${kind === 'pglite' ? (worker === '1' ? ' (worker)' : ' (in process)') : ''}: demo data ready in ${Math.round((performance.now() - started) / 1000)} s; ${clients} clients × heavy searches for ${seconds} s, statement timeout ${timeoutMs} ms; load average before ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );

    const serverPid = server.pid ?? -1;
    const cpu = () => ({
      server: cpuSeconds((pid) => pid === serverPid),
      database: cpuSeconds((_, command) => command === 'postgres'),
      bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    });
    const cpuBefore = cpu();
    let answerChars = 0;
    const end = performance.now() + seconds * 1000;
    const searchTimes: number[] = [];
    const statuses = new Map<number, number>();
    const loops = Array.from({ length: clients }, async (_, i) => {
      for (let n = i; performance.now() < end; n++) {
        const t = performance.now();
        const { status, text } = await call('GET', HEAVY[n % HEAVY.length]!, auth).catch(() => ({
          status: 0,
          text: '',
        }));
        searchTimes.push(performance.now() - t);
        answerChars += text.length;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    });
    const health: number[] = [];
    let unhealthy = 0;
    const probe = (async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const { status } = await call('GET', '/healthz').catch(() => ({ status: 0 }));
        health.push(performance.now() - t);
        if (status !== 200) unhealthy++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await Promise.all([...loops, probe]);
    const cpuAfter = cpu();
    health.sort((a, b) => a - b);
    searchTimes.sort((a, b) => a - b);
    console.log(
      `  /healthz: ${health.length} probes, p50 ${ms(quantile(health, 0.5))}, p99 ${ms(quantile(health, 0.99))}, max ${ms(health.at(-1) ?? NaN)}, not 200: ${unhealthy}`,
    );
    console.log(
      `  searches: ${searchTimes.length} done, p50 ${ms(quantile(searchTimes, 0.5))}, p99 ${ms(quantile(searchTimes, 0.99))}; statuses ${[
        ...statuses,
      ]
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}; load average after ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const used = (key: keyof typeof cpuBefore) => `${(cpuAfter[key] - cpuBefore[key]).toFixed(1)} s`;
    console.log(
      `  CPU during the run: server ${used('server')}, ${kind === 'postgres' ? `PostgreSQL processes ${used('database')} (every database on this machine), ` : ''}load generator ${used('bench')}; answers ${(answerChars / 1e6).toFixed(0)} M characters`,
    );
    console.log(`  target /healthz p99 <= 100 ms: ${quantile(health, 0.99) <= 100 ? 'met' : 'NOT met'}`);
  } finally {
    agent.destroy();
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const kind of kinds) await run(kind);
