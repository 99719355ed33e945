/**
 * Storage of the knowledge base: stable ids, row → view mapping, document-frequency bookkeeping (kb_term) and
 * what the parts of the knowledge base share (its options, database and caches).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Role } from '@qihuang/contracts';
import type { ChunkOptions } from './chunk.ts';
import type { Collection, EmbedFn, Passage, RerankFn } from './types.ts';

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

/** What collections, ingestion and retrieval share (built by the KnowledgeBase). */
export interface KbContext {
  db: AnyDb;
  deps: KnowledgeBaseDeps;
  /** The embedder when one is configured and enabled now. */
  embedder(): EmbedFn | undefined;
  /** Whether chunks have a pgvector `embedding` column. */
  hasVectorColumn(): Promise<boolean>;
  /** Chunk count and average length (cached briefly). */
  corpusStats(): Promise<{ n: number; avgdl: number }>;
  /** Drop the cached corpus statistics (after a write). */
  corpusChanged(): void;
}

export const sha = (text: string | Uint8Array, n?: number) => {
  const hex = createHash('sha256').update(text).digest('hex');
  return n ? hex.slice(0, n) : hex;
};

export function collectionIdFor(name: string): string {
  return `kc${sha(name, 8)}`;
}

export function documentIdFor(collectionId: string, filename: string): string {
  return `d${sha(`${collectionId}\u0000${filename}`, 8)}`;
}

export const ROLES: Role[] = ['admin', 'clinician', 'nurse', 'pharmacist', 'auditor', 'patient', 'service'];

export interface CollectionRow {
  id: string;
  name: string;
  description: string;
  allowed_roles: string[];
  allowed_keys: string[];
  created_at: Date | string;
}

export const toCollection = (r: CollectionRow): Collection => ({
  id: r.id,
  name: r.name,
  description: r.description,
  allowedRoles: r.allowed_roles as Role[],
  allowedKeys: r.allowed_keys,
  createdAt: new Date(r.created_at).toISOString(),
});

export function termCounts(tokenLists: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const toks of tokenLists) for (const t of new Set(toks)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

export async function adjustDf(db: AnyDb, counts: Map<string, number>, sign: 1 | -1): Promise<void> {
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

export const vectorLiteral = (v: number[]) => `[${v.map((x) => (Number.isFinite(x) ? x : 0)).join(',')}]`;

export interface PassageRow {
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

export function toPassage(r: PassageRow): Passage {
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
