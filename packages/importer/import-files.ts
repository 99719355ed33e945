/**
 * Loads FHIR Bundles (transaction, batch, collection), single resources and Bulk Data NDJSON into the store.
 * Each Bundle is one transaction: a bad one is reported with its file and reason and leaves nothing behind;
 * the rest goes on. Every create is sent as a PUT by a stable id (stable-ids.ts: the `urn:uuid:` of its fullUrl,
 * else its own id, else one derived from its content) and unchanged content writes no new version, so importing
 * the same files twice — into the database or through a server, after a crash or not — creates no duplicates.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { isQihuangError, type RequestContext } from '@qihuang/contracts';
import { processTransaction, type BundleEntry, type FhirRepository, type FhirResource } from '@qihuang/store';
import { notifyWritten, writtenInBundle, type WriteObserver } from '@qihuang/store/write-observer';
import { entryIndexOf, placeIn, withoutRetryIndex } from './rejection-place.ts';
import { StableIds, withStableIds } from './stable-ids.ts';

/**
 * A file (or NDJSON line) that was not imported: the file, the server URL that refused it (import through a
 * server), which resource of the file failed (entry index in its Bundle, type, id) when the reason names one.
 */
export interface ImportRejection {
  file: string;
  line?: number;
  /** The FHIR endpoint that answered with the error (`--server`). */
  url?: string;
  /** 0-based index of the failing entry in the file's Bundle (FHIRPath `Bundle.entry[N]`). */
  index?: number;
  resourceType?: string;
  resourceId?: string;
  reason: string;
}

export interface ImportSummary {
  files: number;
  resources: number;
  written: number;
  unchanged: number;
  byType: Record<string, number>;
  rejected: ImportRejection[];
  /** Files of which nothing was imported (every resource or line rejected); `files` counts every file given. */
  filesRejected: number;
  seconds: number;
}

export interface ImportTarget {
  /** Where the transactions go, when that is a remote server (named in rejections). */
  readonly url?: string;
  /** Runs one transaction Bundle; returns counts. */
  transaction(
    bundle: Record<string, unknown>,
    options: { checkReferences: boolean },
  ): Promise<{ written: number; byType: Record<string, number>; total: number }>;
}

/**
 * Imports straight into the database. `observers` run after each committed transaction (BP alert evaluation,
 * issue 17); one that cannot finish keeps its own retry state, the import goes on.
 */
export function repositoryTarget(
  repo: FhirRepository,
  ctx: RequestContext,
  observers: readonly WriteObserver[] = [],
): ImportTarget {
  return {
    async transaction(bundle, options) {
      const result = await processTransaction(repo, ctx, bundle, {
        idsFromFullUrl: true,
        checkReferences: options.checkReferences,
      });
      await notifyWritten(observers, ctx, writtenInBundle(result.bundle));
      const total = ((bundle.entry as unknown[] | undefined) ?? []).length;
      return { written: result.written, byType: countTypes(bundle), total };
    },
  };
}

function countTypes(bundle: Record<string, unknown>): Record<string, number> {
  const byType: Record<string, number> = {};
  for (const entry of (bundle.entry as BundleEntry[] | undefined) ?? []) {
    const type = entry.resource?.resourceType;
    if (type) byType[type] = (byType[type] ?? 0) + 1;
  }
  return byType;
}

const reason = (error: unknown) =>
  isQihuangError(error) || error instanceof Error ? error.message : String(error);

/** A collection, batch or single resource becomes a transaction of upserts; every create gets a stable id. */
export function toTransaction(input: Record<string, unknown>): Record<string, unknown> {
  if (input.resourceType === 'Bundle') {
    if (input.type === 'transaction') return withStableIds(input);
    const entries = Array.isArray(input.entry) ? (input.entry as BundleEntry[]) : [];
    return withStableIds({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: entries.map((e) => asUpsert(e?.resource, e?.fullUrl)),
    });
  }
  return withStableIds({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [asUpsert(input as FhirResource, undefined)],
  });
}

function asUpsert(resource: FhirResource | undefined, fullUrl: string | undefined): BundleEntry {
  if (!resource) return { fullUrl, request: { method: 'POST', url: 'Bundle' } };
  if (typeof resource.id === 'string')
    return { fullUrl, resource, request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` } };
  return { fullUrl, resource, request: { method: 'POST', url: String(resource.resourceType) } };
}

/** The target cannot be reached (server down, database unavailable): no file is at fault, the import stops. */
const stopsImport = (error: unknown) => isQihuangError(error) && error.code === 'unavailable';

export interface ImportOptions {
  onProgress?: (event: { file: string; filesDone: number; filesTotal: number; resources: number }) => void;
  ndjsonChunk?: number;
  /** Files imported at once (each file's transactions stay in order). PostgreSQL: 4; embedded: 1. */
  concurrency?: number;
}

/** Deadlocks and serialization failures between concurrent transactions are retried (PostgreSQL 40P01/40001). */
async function withRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code =
        (error as { code?: string; cause?: { code?: string } }).code ??
        (error as { cause?: { code?: string } }).cause?.code;
      if (attempt >= attempts || (code !== '40P01' && code !== '40001')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

export async function importFiles(
  target: ImportTarget,
  files: string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const summary: ImportSummary = {
    files: files.length,
    resources: 0,
    written: 0,
    unchanged: 0,
    byType: {},
    rejected: [],
    filesRejected: 0,
    seconds: 0,
  };
  const record = (result: { written: number; byType: Record<string, number>; total: number }) => {
    summary.resources += result.total;
    summary.written += result.written;
    summary.unchanged += result.total - result.written;
    for (const [type, n] of Object.entries(result.byType))
      summary.byType[type] = (summary.byType[type] ?? 0) + n;
  };
  const retrying: ImportTarget = {
    ...(target.url ? { url: target.url } : {}),
    transaction: (bundle, opts) => withRetry(() => target.transaction(bundle, opts)),
  };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const rejectedBefore = summary.rejected.length;
      let imported = 0;
      await importFile(retrying, file, options, summary, (result) => {
        imported += result.total;
        record(result);
      });
      if (summary.rejected.length > rejectedBefore && imported === 0) summary.filesRejected++;
      options.onProgress?.({
        file,
        filesDone: ++done,
        filesTotal: files.length,
        resources: summary.resources,
      });
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, files.length)) }, worker),
  );
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function importFile(
  target: ImportTarget,
  file: string,
  options: ImportOptions,
  summary: ImportSummary,
  record: (r: { written: number; byType: Record<string, number>; total: number }) => void,
): Promise<void> {
  void options.onProgress;
  const at = target.url ? { url: target.url } : {};
  {
    const ext = extname(file).toLowerCase();
    if (ext === '.ndjson' || ext === '.jsonl') {
      await importNdjson(target, file, options.ndjsonChunk ?? 500, summary, record);
    } else {
      let parsed: Record<string, unknown> | undefined;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        if (!parsed || typeof parsed !== 'object' || typeof parsed.resourceType !== 'string')
          throw new Error('not a FHIR resource or Bundle (no resourceType)');
        // A transaction Bundle is self-contained and its references are checked; collections and single
        // resources (like Bulk Data files) may reference what other files bring, so they are not.
        const isTransaction = parsed.resourceType === 'Bundle' && parsed.type === 'transaction';
        record(await target.transaction(toTransaction(parsed), { checkReferences: isTransaction }));
      } catch (error) {
        if (stopsImport(error)) throw error;
        // The transaction keeps the file's entries in order (a single resource is its entry 0).
        const entries =
          parsed?.resourceType === 'Bundle'
            ? Array.isArray(parsed.entry)
              ? (parsed.entry as unknown[])
              : []
            : [{ resource: parsed }];
        summary.rejected.push({
          file,
          ...at,
          ...placeIn(entries, entryIndexOf(error)),
          reason: reason(error),
        });
      }
    }
  }
}

async function importNdjson(
  target: ImportTarget,
  file: string,
  chunkSize: number,
  summary: ImportSummary,
  record: (r: { written: number; byType: Record<string, number>; total: number }) => void,
): Promise<void> {
  let chunk: { line: number; entry: BundleEntry }[] = [];
  const ids = new StableIds(); // one per file, so that a rerun derives the same ids
  const flush = async () => {
    if (chunk.length === 0) return;
    const current = chunk;
    chunk = [];
    const bundle = { resourceType: 'Bundle', type: 'transaction', entry: current.map((c) => c.entry) };
    try {
      record(await target.transaction(bundle, { checkReferences: false }));
    } catch (error) {
      if (stopsImport(error)) throw error;
      // Find the bad line(s): retry one by one so that good lines are not lost with a bad one.
      for (const item of current) {
        try {
          record(
            await target.transaction(
              { resourceType: 'Bundle', type: 'transaction', entry: [item.entry] },
              { checkReferences: false },
            ),
          );
        } catch (error) {
          if (stopsImport(error)) throw error;
          // The line names the resource; the retry bundle's entry index would not.
          const { resourceType, resourceId } = placeIn([item.entry], 0);
          summary.rejected.push({
            file,
            line: item.line,
            ...(target.url ? { url: target.url } : {}),
            ...(resourceType ? { resourceType } : {}),
            ...(resourceId ? { resourceId } : {}),
            reason: withoutRetryIndex(reason(error)),
          });
        }
      }
    }
  };
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber++;
    if (!text.trim()) continue;
    try {
      const resource = JSON.parse(text) as FhirResource;
      if (!resource || typeof resource.resourceType !== 'string')
        throw new Error('not a FHIR resource (no resourceType)');
      chunk.push({ line: lineNumber, entry: ids.entry(asUpsert(resource, undefined)) });
    } catch (error) {
      summary.rejected.push({ file, line: lineNumber, reason: `invalid JSON line: ${reason(error)}` });
    }
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
}
