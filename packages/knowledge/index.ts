/** Knowledge base: ingestion (md, txt, html, pdf, docx), Chinese/English segmentation, cited retrieval. */
export * from './types.ts';
export {
  KnowledgeBase,
  createKnowledgeBase,
  fuse,
  collectionIdFor,
  documentIdFor,
  DEFAULT_ALLOWED_ROLES,
  type AnyDb,
  type KnowledgeBaseDeps,
  type CreateCollectionInput,
  type IngestInput,
  type SearchInput,
} from './knowledge-base.ts';
export {
  canSearch,
  canManage,
  requireManage,
  KNOWLEDGE_WRITE_SCOPE,
  BUILT_IN_COLLECTIONS,
} from './access.ts';
export {
  parseDocument,
  formatOf,
  DOCUMENT_FORMATS,
  parseMarkdown,
  parsePlainText,
  htmlToMarkdown,
  type Block,
  type DocumentFormat,
  type DocumentReader,
  type ParsedDocument,
} from './parse.ts';
export { chunkBlocks, type Chunk, type ChunkOptions } from './chunk.ts';
export {
  tokenize,
  queryTerms,
  segmentWords,
  addDictionaryWords,
  medicalDictionary,
  stemEnglish,
  highlightRanges,
} from './segment.ts';
export { createKnowledgeRoutes, type KnowledgeRouteDeps } from './routes.ts';
export {
  loadKnowledgePacks,
  GUIDELINE_COLLECTION,
  DRUG_COLLECTION,
  type LoadPacksOptions,
} from './packs/index.ts';
export { drugMonographsMarkdown, drugMonograph } from './packs/drug-monographs.ts';
export { importKnowledgeGraph, type ImportKgOptions, type ImportKgSummary } from './import-kg.ts';
/** The wire contract of this package's routes (type-only; the console imports it from `@qihuang/knowledge/api-types`). */
export type * from './api-types/index.ts';
