/**
 * HTTP edge of the evaluation centre, mounted at /eval: runs (list, report, CSV, compare, start async),
 * built-in suites, validation dossiers with signatures, live samples and drift checks.
 * Errors are `{"error":{"code","message"}}` with the QihuangError's status.
 */
import { resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import { QihuangError } from '@qihuang/contracts';
import { body, errorResponse, type EvalEnv } from './http-helpers.ts';
import { registerGovernanceRoutes } from './governance-routes.ts';
import { createDatabaseEvalStore } from './runner/database-store.ts';
import { runEval } from './runner/run-eval.ts';
import { buildReport, compareRuns, exportRunCsv } from './reports/run-report.ts';
import {
  BUILTIN_SUITES,
  FILE_FORMATS,
  isBuiltinSuite,
  loadBuiltinSuite,
  loadSuiteFile,
} from './suites/suite-files.ts';
import { createGrader } from './scoring/grader.ts';
import { DEFAULT_SIGNING_ROLES, type Dossier, type SigningRoles } from './dossier/dossier.ts';
import type { AnyKysely } from './tables.ts';
import type { GuardScorer } from './scoring/score-item.ts';
import type { ChatClient, ModelTarget } from './targets/target-types.ts';
import type { Suite } from './suites/suite-types.ts';
import type { RunList, RunListItem, RunStarted, SuiteInfo, SuiteList } from './api-types/index.ts';

export interface ResolvedModel {
  target: ModelTarget;
  client: ChatClient;
}

export interface EvalRouteDeps {
  db: AnyKysely;
  /**
   * Model name → target + client: a gateway model or virtual model (the server passes `gatewayModel` over
   * its in-process gateway runtime). Undefined → 400 naming the model.
   */
  resolveModel: (name: string) => ResolvedModel | undefined;
  /** Approval slot → platform roles that may sign it (merged over DEFAULT_SIGNING_ROLES). */
  signingRoles?: SigningRoles;
  /** Called after a dossier is signed, rejected or revoked (the server forgets cached gateway approvals). */
  onDossierChange?: (dossier: Dossier) => void;
  /** Directories from which `{file, format}` suites may be read; none → built-in suites only. */
  dataRoots?: string[];
  /** fetch for pipeline (http) targets, and secret headers to send with them. */
  fetch?: typeof fetch;
  httpHeaders?: Record<string, string>;
  /** Pipeline targets may only call URLs starting with one of these (default: none allowed). */
  allowedHttpTargets?: string[];
  guard?: GuardScorer;
  clock?: () => Date;
  /** Background run failures (default: one line on stderr with the message only). */
  onRunError?: (runId: string, error: unknown) => void;
}

/** `POST /runs` body (its input type is the contract's StartRun, api-types/index.ts). */
export const StartRunSchema = z.object({
  suite: z.union([z.string(), z.object({ file: z.string(), format: z.enum(FILE_FORMATS) })]),
  target: z.union([
    z.object({ model: z.string().min(1) }),
    z.object({
      kind: z.literal('http'),
      url: z.string().url(),
      method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
      headers: z.record(z.string(), z.string()).optional(),
      bodyTemplate: z.unknown().optional(),
      extract: z.string().optional(),
    }),
  ]),
  grader: z.object({ model: z.string().min(1) }).optional(),
  concurrency: z.number().int().min(1).max(64).default(4),
  limit: z.number().int().min(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  seed: z.number().int().optional(),
  resume: z.string().optional(),
  label: z.string().max(200).optional(),
});

export function createEvalRoutes(deps: EvalRouteDeps): Hono<EvalEnv> {
  const store = createDatabaseEvalStore(deps.db);
  const clock = deps.clock ?? (() => new Date());
  const app = new Hono<EvalEnv>();
  app.onError(errorResponse);
  const running = new Map<string, AbortController>();

  const loadSuite = (spec: z.infer<typeof StartRunSchema>['suite']): Suite => {
    if (typeof spec === 'string') {
      if (!isBuiltinSuite(spec))
        throw new QihuangError(
          'invalid-input',
          `Unknown suite "${spec}" (${Object.keys(BUILTIN_SUITES).join(', ')})`,
        );
      return loadBuiltinSuite(spec);
    }
    const path = resolve(spec.file);
    const allowed = (deps.dataRoots ?? []).some((root) => path.startsWith(resolve(root) + sep));
    if (!allowed)
      throw new QihuangError(
        'forbidden',
        'Suite files may only be read from the configured data directories',
      );
    return loadSuiteFile(path, spec.format);
  };

  const model = (name: string): ResolvedModel => {
    const resolved = deps.resolveModel(name);
    if (!resolved) throw new QihuangError('invalid-input', `Unknown model "${name}"`);
    return resolved;
  };

  app.get('/suites', (c) =>
    c.json({
      suites: Object.keys(BUILTIN_SUITES).map((name) => {
        const s = loadBuiltinSuite(name as keyof typeof BUILTIN_SUITES);
        return {
          name: s.name,
          version: s.version,
          hash: s.hash,
          items: s.items.length,
          description: s.description,
        } satisfies SuiteInfo;
      }),
    } satisfies SuiteList),
  );

  app.get('/runs', async (c) => {
    const limit = Math.min(Number(c.req.query('limit') ?? 50) || 50, 500);
    const runs = await store.listRuns({ limit });
    return c.json({
      runs: runs.map((r): RunListItem => ({
        id: r.id,
        status: r.status,
        label: r.label,
        createdAt: r.createdAt.toISOString(),
        finishedAt: r.finishedAt?.toISOString() ?? null,
        suite: r.suite,
        target: r.target,
        itemCount: r.itemCount,
        accuracy: r.summary?.accuracy ?? null,
        errors: r.summary?.errors ?? null,
      })),
    } satisfies RunList);
  });

  app.post('/runs', async (c) => {
    const input = await body(c, StartRunSchema);
    const suite = loadSuite(input.suite);
    let client: ChatClient | undefined;
    let target;
    if ('model' in input.target) {
      const resolved = model(input.target.model);
      client = resolved.client;
      target = resolved.target;
    } else {
      const url = input.target.url;
      if (!(deps.allowedHttpTargets ?? []).some((prefix) => url.startsWith(prefix))) {
        throw new QihuangError('forbidden', 'This pipeline URL is not an allowed evaluation target');
      }
      target = { ...input.target, kind: 'http' as const };
    }
    const grader = input.grader ? model(input.grader.model) : undefined;
    const controller = new AbortController();
    const started = new Promise<string>((resolveStart, rejectStart) => {
      runEval({
        store,
        suite,
        target,
        client,
        fetch: deps.fetch,
        httpHeaders: deps.httpHeaders,
        grader: grader ? createGrader({ client: grader.client, model: grader.target.model }) : undefined,
        graderBaseUrl: grader?.target.baseUrl,
        guard: deps.guard,
        concurrency: input.concurrency,
        limit: input.limit,
        generation: { temperature: input.temperature, seed: input.seed },
        resumeRunId: input.resume,
        label: input.label,
        signal: controller.signal,
        clock,
        onStart: (run) => {
          running.set(run.id, controller);
          resolveStart(run.id);
        },
      })
        .then((result) => running.delete(result.run.id))
        .catch((error: unknown) => {
          rejectStart(error);
          for (const [id, ctl] of running) {
            if (ctl === controller) {
              running.delete(id);
              (
                deps.onRunError ??
                ((runId, e) =>
                  console.error(`eval run ${runId} failed: ${e instanceof Error ? e.message : String(e)}`))
              )(id, error);
            }
          }
        });
    });
    const runId = await started;
    return c.json(
      {
        runId,
        status: 'running',
        items: Math.min(suite.items.length, input.limit ?? Infinity),
      } satisfies RunStarted,
      202,
    );
  });

  app.post('/runs/:id/cancel', (c) => {
    const controller = running.get(c.req.param('id'));
    if (!controller) throw new QihuangError('not-found', 'No such running run');
    controller.abort();
    return c.json({ runId: c.req.param('id'), status: 'aborting' }, 202);
  });

  app.get('/runs/:id', async (c) =>
    c.json(await buildReport(store, c.req.param('id'), { worst: Number(c.req.query('worst') ?? 10) || 10 })),
  );

  app.get('/runs/:id/csv', async (c) => {
    const csv = await exportRunCsv(store, c.req.param('id'));
    c.header(
      'content-disposition',
      `attachment; filename="${c.req.param('id').replace(/[^\w.-]/g, '_')}.csv"`,
    );
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8' });
  });

  app.get('/compare', async (c) => {
    const a = c.req.query('a');
    const b = c.req.query('b');
    if (!a || !b) throw new QihuangError('invalid-input', 'Query parameters a and b (run ids) are required');
    const threshold = c.req.query('threshold');
    return c.json(await compareRuns(store, a, b, threshold ? { threshold: Number(threshold) } : {}));
  });

  registerGovernanceRoutes(app, {
    db: deps.db,
    store,
    clock,
    model,
    signingRoles: { ...DEFAULT_SIGNING_ROLES, ...deps.signingRoles },
    onDossierChange: deps.onDossierChange,
  });

  return app;
}
