/**
 * `qihuang eval run|report|compare|suites` — the evaluation centre on the command line. Models are reached
 * through the gateway, built from the same configuration as the server (stored admin edits, the gateway
 * config file, the `QIHUANG_MODEL_*` quick start; or a one-off --base-url): any gateway model or virtual
 * model, with usage and audit recorded. Runs are stored in the platform database and can be resumed
 * (`--resume RUN`) after a crash or Ctrl-C.
 */
import type { Command } from 'commander';
import { loadConfig, type Config } from '@qihuang/config';
import { QihuangError } from '@qihuang/contracts';
import { openDatabase, type Database } from '@qihuang/store';
import {
  BUILTIN_SUITES,
  buildReport,
  compareRuns,
  createDatabaseEvalStore,
  createGrader,
  exportRunCsv,
  FILE_FORMATS,
  isBuiltinSuite,
  loadBuiltinSuite,
  loadSuiteFile,
  MODEL_VARIABLES,
  runEval,
  type FileFormat,
  type Grader,
  type MetricCell,
  type ResolvedModel,
  type RunEvalResult,
  type RunRecord,
  type Suite,
} from '@qihuang/eval';
import {
  choiceFromStoredTarget,
  openEvalGateway,
  type EvalGateway,
  type EvalGatewayChoice,
} from '../eval-gateway.ts';
import { MIGRATIONS } from '@qihuang/migrations';

const bad = (message: string) => new QihuangError('invalid-input', message);

async function withDatabase<T>(config: Config, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({
    migrations: MIGRATIONS,
    url: config.databaseUrl,
    dataDir: config.dataDir,
  });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

function int(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw bad(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function suiteFrom(options: RunOptions): Suite {
  if (options.suite) {
    if (!isBuiltinSuite(options.suite))
      throw bad(`unknown suite "${options.suite}" (${Object.keys(BUILTIN_SUITES).join('|')})`);
    return loadBuiltinSuite(options.suite);
  }
  if (!options.file) throw bad('--file PATH (with --format) or --suite NAME is required');
  const format = options.format ?? 'jsonl';
  if (!(FILE_FORMATS as readonly string[]).includes(format))
    throw bad(`--format must be one of ${FILE_FORMATS.join('|')}, got "${format}"`);
  return loadSuiteFile(options.file, format as FileFormat);
}

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
const ciText = (c: MetricCell) => (c.ci ? ` [${pct(c.ci.lower)}, ${pct(c.ci.upper)}]` : '');

interface RunOptions {
  file?: string;
  format?: string;
  suite?: string;
  model?: string;
  baseUrl?: string;
  location?: string;
  graderModel?: string;
  graderBaseUrl?: string;
  concurrency?: string;
  limit?: string;
  resume?: string;
  temperature?: string;
  seed?: string;
  label?: string;
  cache?: boolean;
  json?: boolean;
}

interface ResolvedModels {
  resolved: ResolvedModel;
  grader?: { grader: Grader; baseUrl: string };
}

/** The target (and grader) through the gateway; `open` builds a gateway runtime and closes it later. */
async function resolveModels(
  options: RunOptions,
  previous: RunRecord | undefined,
  open: (choice: EvalGatewayChoice) => Promise<EvalGateway>,
): Promise<ResolvedModels> {
  const location = options.location;
  if (location !== undefined && location !== 'on-premises' && location !== 'cloud')
    throw bad(`--location must be on-premises or cloud, got "${location}"`);
  const stored = choiceFromStoredTarget(previous?.target);
  const gateway = await open({
    baseUrl: options.baseUrl ?? stored.baseUrl,
    model: options.model ?? stored.model,
    location: location ?? stored.location,
  });
  if (!gateway.configured)
    throw bad(
      `no model configured: set ${MODEL_VARIABLES}, or QIHUANG_GATEWAY_CONFIG, or pass --base-url URL --model NAME`,
    );
  const name = options.model ?? stored.model;
  const resolved = gateway.model(name);
  if (!resolved)
    throw bad(
      name
        ? `unknown model "${name}": name a model or virtual model of the gateway configuration`
        : 'no model named: pass --model NAME (a gateway model or virtual model)',
    );
  if (!options.graderModel) return { resolved };
  const graderGateway = options.graderBaseUrl
    ? await open({ baseUrl: options.graderBaseUrl, model: options.graderModel })
    : gateway;
  const g = graderGateway.model(options.graderModel);
  if (!g) throw bad(`unknown grader model "${options.graderModel}" (or pass --grader-base-url URL)`);
  return {
    resolved,
    grader: { grader: createGrader({ client: g.client, model: g.target.model }), baseUrl: g.target.baseUrl },
  };
}

async function runCommand(options: RunOptions): Promise<void> {
  const config = loadConfig();
  const suite = suiteFrom(options);
  const concurrency = int(options.concurrency, 'concurrency', 1, 256) ?? 8;
  const limit = int(options.limit, 'limit', 1, 10_000_000);
  const seed = int(options.seed, 'seed', 0, 2 ** 31 - 1);
  const temperature = options.temperature === undefined ? undefined : Number(options.temperature);
  if (temperature !== undefined && !(temperature >= 0 && temperature <= 2))
    throw bad('--temperature must be between 0 and 2');

  await withDatabase(config, async (database) => {
    const store = createDatabaseEvalStore(database.db);
    const previous = options.resume ? await store.getRun(options.resume) : undefined;
    if (options.resume && !previous) throw bad(`no run ${options.resume}`);
    const gateways: EvalGateway[] = [];
    const controller = new AbortController();
    const onSigint = () => controller.abort();
    try {
      const { resolved, grader } = await resolveModels(options, previous, async (choice) => {
        const gateway = await openEvalGateway(config, database, choice);
        gateways.push(gateway);
        return gateway;
      });
      const needsGrader = suite.items.some((i) => i.kind === 'rubric');
      if (needsGrader && !grader) throw bad('this suite has rubric items: pass --grader-model NAME');

      process.once('SIGINT', onSigint);
      const progress = !options.json && process.stderr.isTTY;
      const result = await runEval({
        store,
        suite,
        target: previous ? undefined : resolved.target,
        client: resolved.client,
        grader: grader?.grader,
        graderBaseUrl: grader?.baseUrl,
        concurrency,
        limit,
        resumeRunId: options.resume,
        label: options.label,
        useCache: options.cache !== false,
        generation: { temperature, seed },
        signal: controller.signal,
        onItem: progress ? (_r, done, total) => process.stderr.write(`\r${done} / ${total}`) : undefined,
      });
      if (progress) process.stderr.write('\n');
      printRun(result, suite, options.json === true);
      if (result.aborted) process.exitCode = 130;
    } finally {
      process.removeListener('SIGINT', onSigint);
      // Usage and audit records of the calls are written before the database closes.
      for (const gateway of gateways) await gateway.close();
    }
  });
}

function printRun(result: RunEvalResult, suite: Suite, json: boolean): void {
  const s = result.summary;
  if (json) {
    const out = {
      runId: result.run.id,
      status: result.run.status,
      suite: result.run.suite,
      target: result.run.target,
      n: s?.n ?? null,
      scored: s?.scored ?? null,
      errors: s?.errors ?? null,
      accuracy: s?.accuracy ?? null,
      ci: s?.ci ?? null,
      asked: result.asked,
      cached: s?.cached ?? null,
      byCategory: s?.byCategory ?? null,
      tokens: s?.tokens ?? null,
    };
    console.log(JSON.stringify(out, null, 2));
  } else if (result.aborted || !s) {
    console.log(
      `run ${result.run.id} stopped; resume with: npx qihuang eval run … --resume ${result.run.id}`,
    );
  } else {
    console.log(
      `run ${result.run.id}  ${suite.name} ${suite.version}  →  ${result.run.target.kind === 'model' ? result.run.target.model : 'pipeline'}`,
    );
    console.log(
      `n ${s.n}  scored ${s.scored}  errors ${s.errors}  accuracy ${pct(s.accuracy)}${ciText(s)}  (asked ${result.asked}, cached ${s.cached})`,
    );
    for (const [name, c] of Object.entries(s.byCategory))
      console.log(`  ${name.padEnd(28)} ${String(c.n).padStart(6)}  ${pct(c.mean)}${ciText(c)}`);
  }
}

export function registerEval(program: Command): void {
  const evalCommand = program
    .command('eval')
    .description('Evaluation centre: run suites against models or pipelines, report, compare');

  evalCommand
    .command('run')
    .description(
      'Run a suite against a gateway model or virtual model (same gateway configuration as the server)',
    )
    .option('--file <path>', 'data file to load as the suite')
    .option('--format <format>', `format of --file: ${FILE_FORMATS.join('|')}`, 'jsonl')
    .option('--suite <name>', `built-in suite: ${Object.keys(BUILTIN_SUITES).join('|')}`)
    .option(
      '--model <name>',
      'gateway model or virtual model, e.g. clinical-copilot (default QIHUANG_MODEL_NAME)',
    )
    .option('--base-url <url>', 'one-off OpenAI-compatible endpoint instead of the gateway configuration')
    .option(
      '--location <where>',
      'where --base-url runs: on-premises|cloud (cloud prompts are de-identified)',
    )
    .option('--grader-model <name>', 'grader model for rubric items (and optional safety criteria)')
    .option('--grader-base-url <url>', 'one-off endpoint for the grader (default: through the gateway)')
    .option('--concurrency <n>', 'requests in flight', '8')
    .option('--limit <n>', 'only the first N items')
    .option('--temperature <t>', 'sampling temperature (default 0)')
    .option('--seed <n>', 'sampling seed sent to the model (default 20261126)')
    .option('--resume <run>', 'continue a stopped run (same suite); finished items are not asked again')
    .option('--label <text>', 'free label stored with the run')
    .option('--no-cache', 'ask every item even when an identical result is stored')
    .option('--json', 'JSON output')
    .action(runCommand);

  evalCommand
    .command('report')
    .argument('<run>', 'run id')
    .description('Report of a run: metrics with 95 % bootstrap CIs per category and subgroup, worst items')
    .option('--json', 'JSON report')
    .option('--csv', 'one CSV row per item')
    .option('--worst <n>', 'worst items to show', '10')
    .action(async (runId: string, options: { json?: boolean; csv?: boolean; worst?: string }) => {
      const config = loadConfig();
      await withDatabase(config, async (database) => {
        const store = createDatabaseEvalStore(database.db);
        if (options.csv) {
          process.stdout.write(await exportRunCsv(store, runId));
          return;
        }
        const report = await buildReport(store, runId, {
          worst: int(options.worst, 'worst', 0, 10_000) ?? 10,
        });
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        const s = report.summary;
        console.log(
          `run ${report.run.id} (${report.run.status})  ${report.run.suite.name} ${report.run.suite.version}`,
        );
        console.log(
          `n ${s.n}  scored ${s.scored}  errors ${s.errors}  mean ${pct(s.mean)}${ciText(s)}  pass ${pct(s.passRate)}`,
        );
        for (const [name, c] of Object.entries(s.byCategory))
          console.log(`  ${name.padEnd(28)} ${String(c.n).padStart(6)}  ${pct(c.mean)}${ciText(c)}`);
        for (const [dim, cells] of Object.entries(s.bySubgroup)) {
          for (const [value, c] of Object.entries(cells))
            console.log(
              `  ${`${dim}=${value}`.padEnd(28)} ${String(c.n).padStart(6)}  ${pct(c.mean)}${ciText(c)}`,
            );
        }
        console.log('worst items:');
        for (const w of report.worst) {
          console.log(
            `  ${w.itemId}  ${w.status === 'error' ? `error: ${w.error}` : `score ${w.score?.toFixed(2)} expected ${w.expected ?? '—'} got ${w.extracted ?? '—'}`}`,
          );
        }
      });
    });

  evalCommand
    .command('compare')
    .argument('<runA>', 'baseline run id')
    .argument('<runB>', 'new run id')
    .description(
      'Compare two runs item by item (McNemar for accuracy, paired bootstrap otherwise); alerts on regressions',
    )
    .option('--threshold <x>', 'regression threshold as a fraction', '0.02')
    .option('--json', 'JSON output')
    .action(async (a: string, b: string, options: { threshold?: string; json?: boolean }) => {
      const threshold = Number(options.threshold ?? '0.02');
      if (!(threshold >= 0 && threshold <= 1)) throw bad('--threshold must be a fraction between 0 and 1');
      const config = loadConfig();
      await withDatabase(config, async (database) => {
        const comparison = await compareRuns(createDatabaseEvalStore(database.db), a, b, { threshold });
        if (options.json) console.log(JSON.stringify(comparison, null, 2));
        else {
          const o = comparison.overall;
          console.log(
            `${a} → ${b}${comparison.sameSuite ? '' : ' (different suites: paired on common item ids)'}`,
          );
          console.log(
            `overall n ${o.n}: ${pct(o.a)} → ${pct(o.b)}  Δ ${pct(o.difference)}  p ${o.pValue?.toPrecision(2) ?? '—'} (${o.test})`,
          );
          for (const [name, d] of Object.entries(comparison.byCategory)) {
            console.log(
              `  ${name.padEnd(28)} ${pct(d.a)} → ${pct(d.b)}  Δ ${pct(d.difference)}  p ${d.pValue?.toPrecision(2) ?? '—'}`,
            );
          }
          for (const alert of comparison.alerts) console.log(`ALERT ${alert}`);
        }
        if (comparison.alerts.length) process.exitCode = 1;
      });
    });

  evalCommand
    .command('suites')
    .description('List the built-in suites')
    .option('--json', 'JSON output')
    .action((options: { json?: boolean }) => {
      const suites = Object.keys(BUILTIN_SUITES).map((name) => {
        const s = loadBuiltinSuite(name as keyof typeof BUILTIN_SUITES);
        return {
          name: s.name,
          version: s.version,
          hash: s.hash,
          items: s.items.length,
          description: s.description,
        };
      });
      if (options.json) console.log(JSON.stringify(suites, null, 2));
      else
        for (const s of suites)
          console.log(`${s.name} ${s.version}  ${s.items} items  ${s.description ?? ''}`);
    });
}
