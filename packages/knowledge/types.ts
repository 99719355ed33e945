import type { Role } from '@qihuang/contracts';

/** Embeds texts into dense vectors (the gateway supplies one when an embedding model is configured). */
export type EmbedFn = (texts: string[]) => Promise<number[][]>;

/** One retrieved passage with the citation data an answer needs; `id` is what the answer cites as [id]. */
export interface Passage {
  id: string;
  title: string;
  text: string;
  /** File name of the source document. */
  document: string;
  documentId: string;
  /** Heading path, outermost first, joined with " > ". */
  section: string;
  page?: number;
  /** Collection name. */
  collection: string;
  score: number;
  /**
   * Search results only: where the query terms occur in `text`, as [start, end) UTF-16 offsets (the server's
   * segmentation, so Chinese words match the way the index matched them).
   */
  highlights?: Array<[number, number]>;
}

/** Optional re-ranking hook (e.g. a cross-encoder behind the gateway). Returns the passages in the new order. */
export type RerankFn = (query: string, passages: Passage[]) => Promise<Passage[]>;

export interface Collection {
  id: string;
  name: string;
  description: string;
  allowedRoles: Role[];
  allowedKeys: string[];
  createdAt: string;
  documents?: number;
  chunks?: number;
}

export interface DocumentInfo {
  id: string;
  collectionId: string;
  filename: string;
  title: string;
  format: string;
  contentHash: string;
  pages: number | null;
  chunks: number;
  source: string | null;
  ingestedAt: string;
}

export interface IngestResult {
  documentId: string;
  collection: string;
  filename: string;
  title: string;
  status: 'created' | 'replaced' | 'unchanged';
  chunks: number;
  pages?: number;
  embedded: boolean;
}

export interface SearchResult {
  query: string;
  mode: 'keyword' | 'hybrid';
  passages: Passage[];
  /** The query terms searched for (segmented and normalised like the index). */
  terms: string[];
  /** Why a retrieval leg was skipped (e.g. no embedding model, no pgvector). */
  notes: string[];
}
