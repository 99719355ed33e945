/**
 * The knowledge base over the database: collections with access lists, idempotent document ingestion
 * (content hash), keyword retrieval ranked in SQL (BM25: per-term IDF from kb_term, term frequency from
 * ts_rank_cd, length normalisation), optional dense retrieval (pgvector, injected embedder) fused by reciprocal rank, and an
 * optional rerank hook.
 *
 * The parts, by job: ./storage.ts (ids, rows, term statistics), ./collections.ts, ./ingestion.ts,
 * ./retrieval.ts; this class holds the options and caches and delegates to them.
 */
import { sql } from 'kysely';
import type { Principal } from '@qihuang/contracts';
import {
  createCollection,
  deleteCollection,
  findCollection,
  listCollections,
  listDocuments,
  type CreateCollectionInput,
} from './collections.ts';
import { deleteDocument, ingest, type IngestInput } from './ingestion.ts';
import { CorpusStats, getPassages, search, type SearchInput } from './retrieval.ts';
import type { AnyDb, KbContext, KnowledgeBaseDeps } from './storage.ts';
import type { Collection, DocumentInfo, EmbedFn, IngestResult, Passage, SearchResult } from './types.ts';

export { DEFAULT_ALLOWED_ROLES, type CreateCollectionInput } from './collections.ts';
export { type IngestInput, type ProgressEvent } from './ingestion.ts';
export { fuse, type SearchInput } from './retrieval.ts';
export { collectionIdFor, documentIdFor, type AnyDb, type KnowledgeBaseDeps } from './storage.ts';

export class KnowledgeBase {
  private readonly db: AnyDb;
  private readonly deps: KnowledgeBaseDeps;
  private vectorColumn: Promise<boolean> | undefined;
  private readonly corpus = new CorpusStats();
  private readonly ctx: KbContext;

  constructor(deps: KnowledgeBaseDeps) {
    this.db = deps.db;
    this.deps = deps;
    this.ctx = {
      db: deps.db,
      deps,
      embedder: () => this.embedder(),
      hasVectorColumn: () => this.hasVectorColumn(),
      corpusStats: () => this.corpus.get(this.db),
      corpusChanged: () => this.corpus.reset(),
    };
  }

  /** The embedder when one is configured and enabled now. */
  private embedder(): EmbedFn | undefined {
    const embed = this.deps.embed;
    return embed && (this.deps.vectorsEnabled?.() ?? true) ? embed : undefined;
  }

  /** Whether chunks have a pgvector `embedding` column (the extension was available at migration time). */
  hasVectorColumn(): Promise<boolean> {
    this.vectorColumn ??= sql<{ n: number }>`
      select count(*)::int as n from information_schema.columns
      where table_name = 'kb_chunk' and column_name = 'embedding'`
      .execute(this.db)
      .then((r) => (r.rows[0]?.n ?? 0) > 0);
    return this.vectorColumn;
  }

  // ── collections ────────────────────────────────────────────────────────────────────────────────────────
  createCollection(input: CreateCollectionInput, principal: Principal): Promise<Collection> {
    return createCollection(this.ctx, input, principal);
  }

  /** Creates the collection when missing (system use: packs, CLI). */
  async ensureCollection(input: CreateCollectionInput, principal: Principal): Promise<Collection> {
    return (await this.findCollection(input.name)) ?? this.createCollection(input, principal);
  }

  findCollection(idOrName: string): Promise<Collection | undefined> {
    return findCollection(this.ctx, idOrName);
  }

  /** Collections the caller may search, with document and chunk counts. */
  listCollections(principal: Principal): Promise<Collection[]> {
    return listCollections(this.ctx, principal);
  }

  listDocuments(collection: string, principal: Principal): Promise<DocumentInfo[]> {
    return listDocuments(this.ctx, collection, principal);
  }

  /** Deletes a collection with its documents and chunks (term statistics adjusted). */
  deleteCollection(collection: string, principal: Principal): Promise<void> {
    return deleteCollection(this.ctx, collection, principal);
  }

  // ── ingestion ──────────────────────────────────────────────────────────────────────────────────────────
  ingest(input: IngestInput, principal: Principal): Promise<IngestResult> {
    return ingest(this.ctx, input, principal);
  }

  deleteDocument(collection: string, documentId: string, principal: Principal): Promise<void> {
    return deleteDocument(this.ctx, collection, documentId, principal);
  }

  // ── retrieval ──────────────────────────────────────────────────────────────────────────────────────────
  search(input: SearchInput): Promise<SearchResult> {
    return search(this.ctx, input);
  }

  /** Chunks by id (for the guard: the passages an answer cites). */
  getPassages(ids: string[], principal: Principal): Promise<Passage[]> {
    return getPassages(this.ctx, ids, principal);
  }
}

export function createKnowledgeBase(deps: KnowledgeBaseDeps): KnowledgeBase {
  return new KnowledgeBase(deps);
}
