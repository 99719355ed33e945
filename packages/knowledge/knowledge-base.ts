/**
 * The knowledge base over the database: collections with access lists, idempotent document ingestion
 * (content hash), keyword retrieval ranked in SQL (BM25: per-term IDF from kb_term, term frequency from
 * ts_rank_cd, length normalisation), optional dense retrieval (pgvector, injected embedder) fused by reciprocal rank, and an
 * optional rerank hook.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { QihuangError, type Principal, type Role } from '@qihuang/contracts';
import { canSearch, requireManage } from './access.ts';
import { chunkBlocks, type ChunkOptions } from './chunk.ts';
import { parseDocument } from './parse.ts';
import { highlightRanges, queryTerms, tokenize } from './segment.ts';
import type {
  Collection,
  DocumentInfo,
  EmbedFn,
  IngestResult,
  Passage,
  RerankFn,
  SearchResult,
} from './types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the knowledge tables are not part of StoreTables
export type AnyDb = Kysely<any>;

export interface KnowledgeBaseDeps {
  db: AnyDb;
  embed?: EmbedFn;
  /**
   * Whether `embed` may be used now (e.g. an embedding model is configured in the gateway; the configuration can
   * change while the server runs). Default: whenever `embed` is given.
   */
  vectorsEnabled?: () => boolean;
  rerank?: RerankFn;
  /** Called with one line when something degrades (no pgvector, embedder failure). Never gets content. */
  warn?: (message: string) => void;
  chunking?: ChunkOptions;
  /** Keyword ranking knobs (defaults tuned on toyhom-medqa; see bench/knowledge.ts). */
  ranking?: { scoringTerms?: number; candidateBudget?: number; preselect?: number };
}

export interface CreateCollectionInput {
  name: string;
  description?: string;
  allowedRoles?: Role[];
  allowedKeys?: string[];
}

export interface IngestInput {
  collection: string;
  filename: string;
  content: Uint8Array | string;
  /** Provenance shown with the document (e.g. "REFERENCE.md §5.1a"). */
  source?: string;
}

export interface SearchInput {
  query: string;
  /** Collection ids or names; default every collection the caller may search. */
  collections?: string[];
  limit?: number;
  principal: Principal;
  /**
   * Add `highlights` (character ranges of the matching terms) to each passage, for display: it re-segments each
   * passage (~1 ms per 500 characters), so in-process callers that only need the text leave it off.
   */
  highlight?: boolean;
}

export interface ProgressEvent {
  filename: string;
  status: IngestResult['status'];
  chunks: number;
}

/** Roles that may search a new collection unless told otherwise (admin always may). */
export const DEFAULT_ALLOWED_ROLES: Role[] = ['clinician', 'nurse', 'pharmacist', 'service'];

const RRF_K = 60;
// BM25 parameters (Robertson/Spärck Jones defaults). Term frequency comes from ts_rank_cd of a one-term query,
// which is 0.1 × occurrences with the default weights.
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Query terms used to score (rarest first). */
const MAX_SCORING_TERMS = 12;
/**
 * Candidate rows are those containing one of the rarest query terms whose document frequencies add up to this
 * (at least one term): bounds the rows scored per query, so latency does not grow with the corpus.
 */
const CANDIDATE_BUDGET = 800;
/** Hard cap on rows scored (when even the rarest query term is common, e.g. a two-word query). */
const MAX_CANDIDATES = 1_500;
/** Candidates kept by a one-call rank before the per-term BM25 (tuned on toyhom-medqa, bench/knowledge.ts). */
const PRESELECT = 150;

const sha = (text: string | Uint8Array, n?: number) => {
  const hex = createHash('sha256').update(text).digest('hex');
  return n ? hex.slice(0, n) : hex;
};

export function collectionIdFor(name: string): string {
  return `kc${sha(name, 8)}`;
}

export function documentIdFor(collectionId: string, filename: string): string {
  return `d${sha(`${collectionId}\u0000${filename}`, 8)}`;
}

const ROLES: Role[] = ['admin', 'clinician', 'nurse', 'pharmacist', 'auditor', 'patient', 'service'];

interface CollectionRow {
  id: string;
  name: string;
  description: string;
  allowed_roles: string[];
  allowed_keys: string[];
  created_at: Date | string;
}

const toCollection = (r: CollectionRow): Collection => ({
  id: r.id,
  name: r.name,
  description: r.description,
  allowedRoles: r.allowed_roles as Role[],
  allowedKeys: r.allowed_keys,
  createdAt: new Date(r.created_at).toISOString(),
});

function termCounts(tokenLists: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const toks of tokenLists) for (const t of new Set(toks)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

async function adjustDf(db: AnyDb, counts: Map<string, number>, sign: 1 | -1): Promise<void> {
  const entries = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < entries.length; i += 5000) {
    const batch = entries.slice(i, i + 5000);
    const terms = batch.map(([t]) => t);
    const dfs = batch.map(([, n]) => n * sign);
    await sql`
      insert into kb_term (term, df)
      select t, n from unnest(${terms}::text[], ${dfs}::int[]) as x(t, n)
      on conflict (term) do update set df = kb_term.df + excluded.df`.execute(db);
  }
  if (sign < 0) await sql`delete from kb_term where df <= 0`.execute(db);
}

const vectorLiteral = (v: number[]) => `[${v.map((x) => (Number.isFinite(x) ? x : 0)).join(',')}]`;

export class KnowledgeBase {
  private readonly db: AnyDb;
  private readonly deps: KnowledgeBaseDeps;
  private vectorColumn: Promise<boolean> | undefined;
  private stats: { n: number; avgdl: number; at: number } | undefined;

  constructor(deps: KnowledgeBaseDeps) {
    this.db = deps.db;
    this.deps = deps;
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
  async createCollection(input: CreateCollectionInput, principal: Principal): Promise<Collection> {
    requireManage(principal);
    const name = input.name?.trim();
    if (!name || name.length > 100 || /[\u0000-\u001f]/.test(name)) {
      throw new QihuangError('invalid-input', 'Collection name must be 1–100 printable characters');
    }
    requireManage(principal, name);
    const roles = input.allowedRoles ?? DEFAULT_ALLOWED_ROLES;
    const bad = roles.filter((r) => !ROLES.includes(r));
    if (bad.length) throw new QihuangError('invalid-input', `Unknown role(s): ${bad.join(', ')}`);
    const id = collectionIdFor(name);
    const existing = await this.findCollection(name);
    if (existing) throw new QihuangError('conflict', `Collection "${name}" already exists`);
    await this.db
      .insertInto('kb_collection')
      .values({
        id,
        name,
        description: input.description ?? '',
        allowed_roles: sql`${roles}::text[]`,
        allowed_keys: sql`${input.allowedKeys ?? []}::text[]`,
      })
      .execute();
    return (await this.findCollection(id)) as Collection;
  }

  /** Creates the collection when missing (system use: packs, CLI). */
  async ensureCollection(input: CreateCollectionInput, principal: Principal): Promise<Collection> {
    return (await this.findCollection(input.name)) ?? this.createCollection(input, principal);
  }

  async findCollection(idOrName: string): Promise<Collection | undefined> {
    const row = (await this.db
      .selectFrom('kb_collection')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
      .executeTakeFirst()) as CollectionRow | undefined;
    return row ? toCollection(row) : undefined;
  }

  private async requireCollection(idOrName: string): Promise<Collection> {
    const found = await this.findCollection(idOrName);
    if (!found) throw new QihuangError('not-found', `No knowledge collection "${idOrName}"`);
    return found;
  }

  /** Collections the caller may search, with document and chunk counts. */
  async listCollections(principal: Principal): Promise<Collection[]> {
    const rows = (
      await sql<CollectionRow & { documents: number; chunks: number }>`
      select k.*, (select count(*)::int from kb_document d where d.collection_id = k.id) as documents,
             (select coalesce(sum(d.chunk_count), 0)::int from kb_document d where d.collection_id = k.id) as chunks
      from kb_collection k order by k.name`.execute(this.db)
    ).rows;
    return rows
      .map((r) => ({ ...toCollection(r), documents: r.documents, chunks: r.chunks }))
      .filter((c) => canSearch(c, principal));
  }

  async listDocuments(collection: string, principal: Principal): Promise<DocumentInfo[]> {
    const col = await this.requireCollection(collection);
    if (!canSearch(col, principal))
      throw new QihuangError('forbidden', `No access to collection "${col.name}"`);
    const rows = await this.db
      .selectFrom('kb_document')
      .selectAll()
      .where('collection_id', '=', col.id)
      .orderBy('filename')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      collectionId: r.collection_id,
      filename: r.filename,
      title: r.title,
      format: r.format,
      contentHash: r.content_hash,
      pages: r.pages,
      chunks: r.chunk_count,
      source: r.source,
      ingestedAt: new Date(r.ingested_at).toISOString(),
    }));
  }

  // ── ingestion ──────────────────────────────────────────────────────────────────────────────────────────
  async ingest(input: IngestInput, principal: Principal): Promise<IngestResult> {
    requireManage(principal);
    const col = await this.requireCollection(input.collection);
    requireManage(principal, col.name);
    const filename = input.filename?.trim();
    if (!filename || filename.length > 300)
      throw new QihuangError('invalid-input', 'filename is required (≤300 characters)');
    const hash = sha(input.content);
    const documentId = documentIdFor(col.id, filename);
    const existing = await this.db
      .selectFrom('kb_document')
      .select(['content_hash', 'title', 'chunk_count', 'pages'])
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (existing && existing.content_hash === hash) {
      return {
        documentId,
        collection: col.name,
        filename,
        title: existing.title,
        status: 'unchanged',
        chunks: existing.chunk_count,
        ...(existing.pages ? { pages: existing.pages } : {}),
        embedded: false,
      };
    }
    const parsed = await parseDocument(filename, input.content);
    const chunks = chunkBlocks(parsed.blocks, parsed.title, this.deps.chunking);
    if (chunks.length === 0) throw new QihuangError('invalid-input', `No text found in ${filename}`);
    const rows = chunks.map((c) => {
      // The title and section path are searchable too (a heading names what the chunk is about).
      const toks = tokenize(`${c.section}\n${c.text}`);
      return { chunk: c, toks };
    });
    let vectors: number[][] | undefined;
    const embed = this.embedder();
    if (embed && (await this.hasVectorColumn())) {
      try {
        vectors = [];
        for (let i = 0; i < chunks.length; i += 64) {
          vectors.push(...(await embed(chunks.slice(i, i + 64).map((c) => `${c.title}\n${c.text}`))));
        }
      } catch (error) {
        vectors = undefined;
        this.deps.warn?.(`knowledge: embedding failed, stored without vectors (${(error as Error).message})`);
      }
    }
    await this.db.transaction().execute(async (trx) => {
      if (existing) {
        const old = await trx
          .selectFrom('kb_chunk')
          .select('toks')
          .where('document_id', '=', documentId)
          .execute();
        await adjustDf(trx, termCounts(old.map((o) => (o.toks as string).split(' ').filter(Boolean))), -1);
        await trx.deleteFrom('kb_document').where('id', '=', documentId).execute();
      }
      await trx
        .insertInto('kb_document')
        .values({
          id: documentId,
          collection_id: col.id,
          filename,
          title: parsed.title,
          format: parsed.format,
          content_hash: hash,
          pages: parsed.pages ?? null,
          chunk_count: chunks.length,
          source: input.source ?? null,
        })
        .execute();
      for (let i = 0; i < rows.length; i += 200) {
        await trx
          .insertInto('kb_chunk')
          .values(
            rows.slice(i, i + 200).map(({ chunk, toks }, j) => ({
              id: `${documentId}.${chunk.ordinal}`,
              document_id: documentId,
              collection_id: col.id,
              ordinal: chunk.ordinal,
              section: chunk.section,
              title: chunk.title,
              page: chunk.page ?? null,
              text: chunk.text,
              toks: toks.join(' '),
              ntoks: toks.length,
              ...(vectors?.[i + j]
                ? { embedding: sql`${vectorLiteral(vectors[i + j] as number[])}::vector` }
                : {}),
            })),
          )
          .execute();
      }
      await adjustDf(trx, termCounts(rows.map((r) => r.toks)), 1);
    });
    this.stats = undefined;
    return {
      documentId,
      collection: col.name,
      filename,
      title: parsed.title,
      status: existing ? 'replaced' : 'created',
      chunks: chunks.length,
      ...(parsed.pages ? { pages: parsed.pages } : {}),
      embedded: !!vectors,
    };
  }

  async deleteDocument(collection: string, documentId: string, principal: Principal): Promise<void> {
    requireManage(principal);
    const col = await this.requireCollection(collection);
    requireManage(principal, col.name);
    const doc = await this.db
      .selectFrom('kb_document')
      .select('id')
      .where('id', '=', documentId)
      .where('collection_id', '=', col.id)
      .executeTakeFirst();
    if (!doc) throw new QihuangError('not-found', `No document ${documentId} in collection "${col.name}"`);
    await this.db.transaction().execute(async (trx) => {
      const old = await trx
        .selectFrom('kb_chunk')
        .select('toks')
        .where('document_id', '=', documentId)
        .execute();
      await adjustDf(trx, termCounts(old.map((o) => (o.toks as string).split(' ').filter(Boolean))), -1);
      await trx.deleteFrom('kb_document').where('id', '=', documentId).execute();
    });
    this.stats = undefined;
  }

  /** Deletes a collection with its documents and chunks (term statistics adjusted). */
  async deleteCollection(collection: string, principal: Principal): Promise<void> {
    requireManage(principal);
    const col = await this.requireCollection(collection);
    requireManage(principal, col.name);
    await this.db.transaction().execute(async (trx) => {
      const old = await trx
        .selectFrom('kb_chunk')
        .select('toks')
        .where('collection_id', '=', col.id)
        .execute();
      await adjustDf(trx, termCounts(old.map((o) => (o.toks as string).split(' ').filter(Boolean))), -1);
      await trx.deleteFrom('kb_collection').where('id', '=', col.id).execute();
    });
    this.stats = undefined;
  }

  // ── retrieval ──────────────────────────────────────────────────────────────────────────────────────────
  private async corpusStats(): Promise<{ n: number; avgdl: number }> {
    if (this.stats && Date.now() - this.stats.at < 30_000) return this.stats;
    const r = await sql<{ n: number; avgdl: number }>`
      select count(*)::int as n, coalesce(avg(ntoks), 0)::float8 as avgdl from kb_chunk`.execute(this.db);
    const row = r.rows[0] ?? { n: 0, avgdl: 0 };
    this.stats = { n: row.n, avgdl: row.avgdl || 1, at: Date.now() };
    return this.stats;
  }

  /** Collection ids the caller may search among those asked for (all visible when none asked). */
  private async searchableCollections(
    requested: string[] | undefined,
    principal: Principal,
  ): Promise<Map<string, Collection>> {
    const visible = new Map<string, Collection>();
    if (requested?.length) {
      for (const name of requested) {
        const col = await this.requireCollection(name);
        if (!canSearch(col, principal))
          throw new QihuangError('forbidden', `No access to collection "${col.name}"`);
        visible.set(col.id, col);
      }
    } else {
      const rows = (await this.db.selectFrom('kb_collection').selectAll().execute()) as CollectionRow[];
      for (const col of rows.map(toCollection)) if (canSearch(col, principal)) visible.set(col.id, col);
    }
    return visible;
  }

  async search(input: SearchInput): Promise<SearchResult> {
    const query = input.query?.trim() ?? '';
    if (!query) throw new QihuangError('invalid-input', 'query is required');
    if (query.length > 4000)
      throw new QihuangError('invalid-input', 'query is too long (max 4000 characters)');
    const limit = Math.min(Math.max(Math.trunc(input.limit ?? 10), 1), 100);
    const collections = await this.searchableCollections(input.collections, input.principal);
    const notes: string[] = [];
    const ids = [...collections.keys()];
    const terms = queryTerms(query);
    if (ids.length === 0)
      return { query, mode: 'keyword', passages: [], terms, notes: ['no searchable collections'] };
    const depth = Math.max(limit * 3, 30);
    const keyword = await this.keywordSearch(query, ids, depth);
    let dense: Passage[] | undefined;
    const embed = this.embedder();
    if (!embed) notes.push('keyword only: no embedding model configured');
    else if (!(await this.hasVectorColumn()))
      notes.push('keyword only: pgvector is not installed in this database');
    else {
      try {
        dense = await this.vectorSearch(embed, query, ids, depth);
      } catch (error) {
        notes.push('keyword only: embedding the query failed');
        this.deps.warn?.(`knowledge: query embedding failed (${(error as Error).message})`);
      }
    }
    let passages = dense ? fuse([keyword, dense]) : keyword;
    if (this.deps.rerank && passages.length > 1)
      passages = await this.deps.rerank(query, passages.slice(0, depth));
    return {
      query,
      mode: dense ? 'hybrid' : 'keyword',
      passages: input.highlight
        ? passages.slice(0, limit).map((p) => ({ ...p, highlights: highlightRanges(p.text, terms) }))
        : passages.slice(0, limit),
      terms,
      notes,
    };
  }

  private async keywordSearch(query: string, collectionIds: string[], limit: number): Promise<Passage[]> {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const info = await sql<{ term: string; tq: string; df: number }>`
      select x.t as term, plainto_tsquery('simple', x.t)::text as tq, coalesce(k.df, 0)::int as df
      from unnest(${terms}::text[]) as x(t) left join kb_term k on k.term = x.t`.execute(this.db);
    const { n, avgdl } = await this.corpusStats();
    const known = info.rows
      .filter((r) => r.df > 0 && r.tq)
      .map((r) => ({ ...r, idf: Math.log(1 + (n - r.df + 0.5) / (r.df + 0.5)) }))
      .sort((a, b) => a.df - b.df)
      .slice(0, this.deps.ranking?.scoringTerms ?? MAX_SCORING_TERMS);
    const budgetLimit = this.deps.ranking?.candidateBudget ?? CANDIDATE_BUDGET;
    const preselect = this.deps.ranking?.preselect ?? PRESELECT;
    if (known.length === 0) return [];
    const candidates: string[] = [];
    let budget = 0;
    for (const t of known) {
      if (candidates.length > 0 && budget + t.df > budgetLimit) break;
      candidates.push(`(${t.tq})`);
      budget += t.df;
    }
    const match = candidates.join(' | ');
    const run = async (db: AnyDb) =>
      sql<PassageRow>`
      with cand as materialized (
        select c.id, c.tsv, c.ntoks from kb_chunk c
        where c.collection_id = any(${collectionIds}::text[]) and c.tsv @@ ${match}::tsquery
        limit ${MAX_CANDIDATES}
      ), pre as materialized (
        -- One cheap rank per candidate (the OR of the scoring terms) keeps the per-term BM25 below to the best few.
        select cand.id, cand.tsv, cand.ntoks from cand
        order by ts_rank(cand.tsv, ${known.map((t) => `(${t.tq})`).join(' | ')}::tsquery) desc
        limit ${preselect}
      ), scored as (
        select cand.id,
          (select sum(q.idf * f.tf * ${BM25_K1 + 1}::float8 / (f.tf + ${BM25_K1}::float8 * (${1 - BM25_B}::float8 + ${BM25_B}::float8 * cand.ntoks / ${avgdl}::float8)))
             from unnest(${known.map((t) => t.tq)}::tsquery[], ${known.map((t) => t.idf)}::float8[]) as q(tq, idf),
                  lateral (select ts_rank_cd(cand.tsv, q.tq) * 10 as tf) as f) as score
        from pre as cand
        order by score desc, cand.id
        limit ${limit}
      )
      select c.id, c.title, c.text, c.section, c.page, c.document_id, d.filename as document, k.name as collection, s.score
      from scored s
      join kb_chunk c on c.id = s.id
      join kb_document d on d.id = c.document_id
      join kb_collection k on k.id = c.collection_id
      order by s.score desc, c.id`.execute(db);
    // The budget and cap keep the matched rows few, so the GIN index is always the right plan; the planner
    // underestimates tsquery matching (and the LIMIT invites a sequential scan), so turn that off here.
    const rows = await this.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      return run(trx);
    });
    return rows.rows.map(toPassage);
  }

  private async vectorSearch(
    embed: EmbedFn,
    query: string,
    collectionIds: string[],
    limit: number,
  ): Promise<Passage[]> {
    const [vector] = await embed([query]);
    if (!vector) return [];
    const rows = await sql<PassageRow>`
      select c.id, c.title, c.text, c.section, c.page, c.document_id, d.filename as document, k.name as collection,
        1 - (c.embedding <=> ${vectorLiteral(vector)}::vector) as score
      from kb_chunk c
      join kb_document d on d.id = c.document_id
      join kb_collection k on k.id = c.collection_id
      where c.collection_id = any(${collectionIds}::text[]) and c.embedding is not null
      order by c.embedding <=> ${vectorLiteral(vector)}::vector
      limit ${limit}`.execute(this.db);
    return rows.rows.map(toPassage);
  }

  /** Chunks by id (for the guard: the passages an answer cites). */
  async getPassages(ids: string[], principal: Principal): Promise<Passage[]> {
    if (ids.length === 0) return [];
    const rows = await sql<
      PassageRow & { collection_id: string; allowed_roles: string[]; allowed_keys: string[] }
    >`
      select c.id, c.title, c.text, c.section, c.page, c.document_id, d.filename as document, k.name as collection,
        0::float8 as score, k.allowed_roles, k.allowed_keys
      from kb_chunk c join kb_document d on d.id = c.document_id join kb_collection k on k.id = c.collection_id
      where c.id = any(${ids}::text[])`.execute(this.db);
    return rows.rows
      .filter((r) =>
        canSearch({ allowedRoles: r.allowed_roles as Role[], allowedKeys: r.allowed_keys }, principal),
      )
      .map(toPassage);
  }
}

interface PassageRow {
  id: string;
  title: string;
  text: string;
  section: string;
  page: number | null;
  document_id: string;
  document: string;
  collection: string;
  score: number;
}

function toPassage(r: PassageRow): Passage {
  return {
    id: r.id,
    title: r.title,
    text: r.text,
    document: r.document,
    documentId: r.document_id,
    section: r.section,
    ...(r.page ? { page: r.page } : {}),
    collection: r.collection,
    score: Number(r.score),
  };
}

/** Reciprocal-rank fusion: score = Σ 1/(60 + rank) over the lists a passage appears in. */
export function fuse(lists: Passage[][]): Passage[] {
  const byId = new Map<string, { passage: Passage; score: number }>();
  for (const list of lists) {
    list.forEach((p, i) => {
      const entry = byId.get(p.id) ?? { passage: p, score: 0 };
      entry.score += 1 / (RRF_K + i + 1);
      byId.set(p.id, entry);
    });
  }
  return [...byId.values()]
    .sort((a, b) => b.score - a.score || (a.passage.id < b.passage.id ? -1 : 1))
    .map((e) => ({ ...e.passage, score: Number(e.score.toFixed(6)) }));
}

export function createKnowledgeBase(deps: KnowledgeBaseDeps): KnowledgeBase {
  return new KnowledgeBase(deps);
}
