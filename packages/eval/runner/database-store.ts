/**
 * EvalStore on the platform database (PGlite or PostgreSQL). Results are group-committed: saves that arrive
 * while a write is in flight go out together in the next multi-row insert, and each save resolves only when
 * its row is written — so a crash loses no completed item, and 32 concurrent workers cost few round trips.
 */
import { evalDb, type AnyKysely, type EvalItemResultTable, type EvalRunTable } from '../tables.ts';
import type { Selectable } from 'kysely';
import type { EvalStore, ItemResult, RunRecord } from './run-types.ts';

const toRun = (row: Selectable<EvalRunTable>): RunRecord => ({
  id: row.id,
  createdAt: new Date(row.created_at),
  finishedAt: row.finished_at ? new Date(row.finished_at) : null,
  status: row.status,
  label: row.label,
  suite: { name: row.suite_name, version: row.suite_version, hash: row.suite_hash },
  itemCount: row.item_count,
  target: row.target as RunRecord['target'],
  generation: row.generation as RunRecord['generation'],
  grader: (row.grader as RunRecord['grader']) ?? null,
  summary: (row.summary as RunRecord['summary']) ?? null,
  error: row.error,
});

const toResult = (row: Selectable<EvalItemResultTable>): ItemResult => ({
  runId: row.run_id,
  itemId: row.item_id,
  position: row.position,
  cacheKey: row.cache_key,
  status: row.status,
  score: row.score,
  passed: row.passed,
  kind: row.kind,
  categories: row.categories,
  subgroups: row.subgroups,
  answer: row.answer,
  extracted: row.extracted,
  expected: row.expected,
  detail: row.detail,
  promptTokens: row.prompt_tokens,
  completionTokens: row.completion_tokens,
  cost: row.cost,
  latencyMs: row.latency_ms,
  cached: row.cached,
  error: row.error,
  completedAt: new Date(row.completed_at),
});

const toRow = (r: ItemResult) => ({
  run_id: r.runId,
  item_id: r.itemId,
  position: r.position,
  cache_key: r.cacheKey,
  status: r.status,
  score: r.score,
  passed: r.passed,
  kind: r.kind,
  categories: r.categories,
  subgroups: JSON.stringify(r.subgroups),
  answer: r.answer,
  extracted: r.extracted,
  expected: r.expected,
  detail: r.detail === undefined || r.detail === null ? null : JSON.stringify(r.detail),
  prompt_tokens: r.promptTokens,
  completion_tokens: r.completionTokens,
  cost: r.cost,
  latency_ms: Math.round(r.latencyMs),
  cached: r.cached,
  error: r.error,
  completed_at: r.completedAt,
});

export function createDatabaseEvalStore(anyDb: AnyKysely): EvalStore {
  const db = evalDb(anyDb);
  let pending: { row: ReturnType<typeof toRow>; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let writing = false;

  const flush = async (): Promise<void> => {
    writing = true;
    while (pending.length) {
      const batch = pending;
      pending = [];
      try {
        await db
          .insertInto('eval_item_result')
          .values(batch.map((b) => b.row))
          .onConflict((oc) =>
            oc.columns(['run_id', 'item_id']).doUpdateSet((eb) => ({
              cache_key: eb.ref('excluded.cache_key'),
              status: eb.ref('excluded.status'),
              score: eb.ref('excluded.score'),
              passed: eb.ref('excluded.passed'),
              answer: eb.ref('excluded.answer'),
              extracted: eb.ref('excluded.extracted'),
              expected: eb.ref('excluded.expected'),
              detail: eb.ref('excluded.detail'),
              prompt_tokens: eb.ref('excluded.prompt_tokens'),
              completion_tokens: eb.ref('excluded.completion_tokens'),
              cost: eb.ref('excluded.cost'),
              latency_ms: eb.ref('excluded.latency_ms'),
              cached: eb.ref('excluded.cached'),
              error: eb.ref('excluded.error'),
              completed_at: eb.ref('excluded.completed_at'),
            })),
          )
          .execute();
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    writing = false;
  };

  return {
    async createRun(run) {
      await db
        .insertInto('eval_run')
        .values({
          id: run.id,
          created_at: run.createdAt,
          finished_at: run.finishedAt,
          status: run.status,
          label: run.label,
          suite_name: run.suite.name,
          suite_version: run.suite.version,
          suite_hash: run.suite.hash,
          item_count: run.itemCount,
          target: JSON.stringify(run.target),
          generation: JSON.stringify(run.generation),
          grader: run.grader ? JSON.stringify(run.grader) : null,
          summary: run.summary ? JSON.stringify(run.summary) : null,
          error: run.error,
        })
        .execute();
    },
    async getRun(id) {
      const row = await db.selectFrom('eval_run').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRun(row) : undefined;
    },
    async listRuns({ limit = 50 } = {}) {
      const rows = await db
        .selectFrom('eval_run')
        .selectAll()
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRun);
    },
    async updateRun(id, patch) {
      await db
        .updateTable('eval_run')
        .set({
          ...(patch.status ? { status: patch.status } : {}),
          ...(patch.finishedAt !== undefined ? { finished_at: patch.finishedAt } : {}),
          ...(patch.summary !== undefined ? { summary: JSON.stringify(patch.summary) } : {}),
          ...(patch.error !== undefined ? { error: patch.error } : {}),
        })
        .where('id', '=', id)
        .execute();
    },
    async finishedItemIds(runId) {
      const rows = await db
        .selectFrom('eval_item_result')
        .select('item_id')
        .where('run_id', '=', runId)
        .where('status', '=', 'ok')
        .execute();
      return new Set(rows.map((r) => r.item_id));
    },
    async findCached(cacheKey) {
      const row = await db
        .selectFrom('eval_item_result')
        .selectAll()
        .where('cache_key', '=', cacheKey)
        .where('status', '=', 'ok')
        .limit(1)
        .executeTakeFirst();
      return row ? toResult(row) : undefined;
    },
    async findCachedMany(cacheKeys) {
      const found = new Map<string, ItemResult>();
      for (let i = 0; i < cacheKeys.length; i += 1000) {
        const rows = await db
          .selectFrom('eval_item_result')
          .selectAll()
          .where('cache_key', 'in', cacheKeys.slice(i, i + 1000))
          .where('status', '=', 'ok')
          .execute();
        for (const row of rows) if (!found.has(row.cache_key)) found.set(row.cache_key, toResult(row));
      }
      return found;
    },
    saveResult(result) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ row: toRow(result), resolve, reject });
        if (!writing) void flush();
      });
    },
    async results(runId) {
      const rows = await db
        .selectFrom('eval_item_result')
        .selectAll()
        .where('run_id', '=', runId)
        .orderBy('position')
        .execute();
      return rows.map(toResult);
    },
  };
}
