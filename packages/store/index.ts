export * from './database.ts';
export type * from './tables.ts';
export { migrateToLatest, composeMigrations, type MigrationList } from './migrations/migrator.ts';
export {
  FhirRepository,
  type RepositoryOptions,
  type WriteOutcome,
  type HistoryEntry,
  type FhirResource,
} from './fhir-repository/fhir-repository.ts';
export { sameContent, parseETag } from './fhir-repository/resource-meta.ts';
export {
  processTransaction,
  processBatch,
  assertBundle,
  type Bundle,
  type BundleEntry,
  type TransactionSummary,
  type ProcessOptions,
} from './fhir-repository/bundle-processor.ts';
export {
  bulkUpsert,
  type BulkUpsertOptions,
  type BulkUpsertResult,
  type BulkStatus,
} from './fhir-repository/bulk-insert.ts';
export { reindexResources } from './fhir-repository/reindex.ts';
export { compartmentOf, type RepositoryHooks, type AccessMode } from './fhir-repository/access.ts';
export type { StoredRow, StoredJsonRow, SearchResult } from './search/search-executor.ts';
export { runWithAbortSignal, currentAbortSignal } from './request-scope.ts';
export { analyzeGrownTables, SEARCH_TABLES, type AnalyzeOptions } from './table-statistics.ts';
