/** An in-memory EvalStore (benchmarks and unit tests of the runner alone). */
import type { EvalStore, ItemResult, RunRecord } from './run-types.ts';

export function createMemoryEvalStore(): EvalStore & { saved: number } {
  const runs = new Map<string, RunRecord>();
  const results = new Map<string, Map<string, ItemResult>>();
  const byCache = new Map<string, ItemResult>();
  const store = {
    saved: 0,
    async createRun(run: RunRecord) {
      runs.set(run.id, { ...run });
      results.set(run.id, new Map());
    },
    async getRun(id: string) {
      return runs.get(id);
    },
    async listRuns({ limit = 50 } = {}) {
      return [...runs.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
    },
    async updateRun(id: string, patch: Partial<RunRecord>) {
      const run = runs.get(id);
      if (run) runs.set(id, { ...run, ...patch });
    },
    async finishedItemIds(runId: string) {
      return new Set(
        [...(results.get(runId)?.values() ?? [])].filter((r) => r.status === 'ok').map((r) => r.itemId),
      );
    },
    async findCached(cacheKey: string) {
      return byCache.get(cacheKey);
    },
    async saveResult(result: ItemResult) {
      store.saved++;
      results.get(result.runId)?.set(result.itemId, result);
      if (result.status === 'ok') byCache.set(result.cacheKey, result);
    },
    async results(runId: string) {
      return [...(results.get(runId)?.values() ?? [])].sort((a, b) => a.position - b.position);
    },
  };
  return store;
}
