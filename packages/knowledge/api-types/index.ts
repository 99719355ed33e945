/**
 * The wire contract of /kb (collections, documents, ingestion, search), type-only: the knowledge base's methods
 * return these shapes (types.ts holds them, type-only) and the console imports them with `import type` from
 * `@qihuang/knowledge/api-types`. Nothing here has a runtime value.
 */
import type { Collection, DocumentInfo } from '../types.ts';

export type { Collection, DocumentInfo, IngestResult, Passage, SearchResult } from '../types.ts';

/** `GET /kb/collections`. */
export interface CollectionList {
  collections: Collection[];
}

/** `GET /kb/collections/{id}/documents`. */
export interface DocumentList {
  documents: DocumentInfo[];
}
