/**
 * Retrieval: keyword ranking in SQL (BM25: per-term IDF from kb_term, term frequency from ts_rank_cd, length
 * normalisation), optional dense retrieval (pgvector) fused by reciprocal rank, optional rerank, highlights,
 * and passages by id.
 */
import { sql } from 'kysely';
import { QihuangError, type Principal, type Role } from '@qihuang/contracts';
import { canSearch } from './access.ts';
import { searchableCollections } from './collections.ts';
import { highlightRanges, queryTerms } from './segment.ts';
import { toPassage, vectorLiteral, type AnyDb, type KbContext, type PassageRow } from './storage.ts';
import type { EmbedFn, Passage, SearchResult } from './types.ts';

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

/** Chunk count and average chunk length, cached for 30 s (dropped after every write in this process). */
export class CorpusStats {
  private stats: { n: number; avgdl: number; at: number } | undefined;

  async get(db: AnyDb): Promise<{ n: number; avgdl: number }> {
    if (this.stats && Date.now() - this.stats.at < 30_000) return this.stats;
    const r = await sql<{ n: number; avgdl: number }>`
      select count(*)::int as n, coalesce(avg(ntoks), 0)::float8 as avgdl from kb_chunk`.execute(db);
    const row = r.rows[0] ?? { n: 0, avgdl: 0 };
    this.stats = { n: row.n, avgdl: row.avgdl || 1, at: Date.now() };
    return this.stats;
  }

  reset(): void {
    this.stats = undefined;
  }
}

export async function search(ctx: KbContext, input: SearchInput): Promise<SearchResult> {
  const query = input.query?.trim() ?? '';
  if (!query) throw new QihuangError('invalid-input', 'query is required');
  if (query.length > 4000) throw new QihuangError('invalid-input', 'query is too long (max 4000 characters)');
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 10), 1), 100);
  const collections = await searchableCollections(ctx, input.collections, input.principal);
  const notes: string[] = [];
  const ids = [...collections.keys()];
  const terms = queryTerms(query);
  if (ids.length === 0)
    return { query, mode: 'keyword', passages: [], terms, notes: ['no searchable collections'] };
  const depth = Math.max(limit * 3, 30);
  const keyword = await keywordSearch(ctx, query, ids, depth);
  let dense: Passage[] | undefined;
  const embed = ctx.embedder();
  if (!embed) notes.push('keyword only: no embedding model configured');
  else if (!(await ctx.hasVectorColumn()))
    notes.push('keyword only: pgvector is not installed in this database');
  else {
    try {
      dense = await vectorSearch(ctx, embed, query, ids, depth);
    } catch (error) {
      notes.push('keyword only: embedding the query failed');
      ctx.deps.warn?.(`knowledge: query embedding failed (${(error as Error).message})`);
    }
  }
  let passages = dense ? fuse([keyword, dense]) : keyword;
  if (ctx.deps.rerank && passages.length > 1)
    passages = await ctx.deps.rerank(query, passages.slice(0, depth));
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

async function keywordSearch(
  ctx: KbContext,
  query: string,
  collectionIds: string[],
  limit: number,
): Promise<Passage[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const info = await sql<{ term: string; tq: string; df: number }>`
    select x.t as term, plainto_tsquery('simple', x.t)::text as tq, coalesce(k.df, 0)::int as df
    from unnest(${terms}::text[]) as x(t) left join kb_term k on k.term = x.t`.execute(ctx.db);
  const { n, avgdl } = await ctx.corpusStats();
  const known = info.rows
    .filter((r) => r.df > 0 && r.tq)
    .map((r) => ({ ...r, idf: Math.log(1 + (n - r.df + 0.5) / (r.df + 0.5)) }))
    .sort((a, b) => a.df - b.df)
    .slice(0, ctx.deps.ranking?.scoringTerms ?? MAX_SCORING_TERMS);
  const budgetLimit = ctx.deps.ranking?.candidateBudget ?? CANDIDATE_BUDGET;
  const preselect = ctx.deps.ranking?.preselect ?? PRESELECT;
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
  const rows = await ctx.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return run(trx);
  });
  return rows.rows.map(toPassage);
}

async function vectorSearch(
  ctx: KbContext,
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
    limit ${limit}`.execute(ctx.db);
  return rows.rows.map(toPassage);
}

/** Chunks by id (for the guard: the passages an answer cites). */
export async function getPassages(ctx: KbContext, ids: string[], principal: Principal): Promise<Passage[]> {
  if (ids.length === 0) return [];
  const rows = await sql<
    PassageRow & { collection_id: string; allowed_roles: string[]; allowed_keys: string[] }
  >`
    select c.id, c.title, c.text, c.section, c.page, c.document_id, d.filename as document, k.name as collection,
      0::float8 as score, k.allowed_roles, k.allowed_keys
    from kb_chunk c join kb_document d on d.id = c.document_id join kb_collection k on k.id = c.collection_id
    where c.id = any(${ids}::text[])`.execute(ctx.db);
  return rows.rows
    .filter((r) =>
      canSearch({ allowedRoles: r.allowed_roles as Role[], allowedKeys: r.allowed_keys }, principal),
    )
    .map(toPassage);
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
