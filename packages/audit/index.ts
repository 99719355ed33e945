/** Tamper-evident audit trail: hash-chained entries, verification, FHIR AuditEvent view, NDJSON export. */
export {
  createAuditLog,
  rowToEntry,
  type AuditEntry,
  type AuditLog,
  type AuditLogOptions,
} from './audit-log.ts';
export { canonicalJson, canonicalEntry, entryHash, GENESIS_HASH, type ChainedContent } from './canonical.ts';
export {
  parseCheckpoint,
  parseCheckpointFile,
  readChainHead,
  unauditedData,
  type AuditCheckpoint,
} from './checkpoints.ts';
export {
  createCheckpointWriter,
  type CheckpointTimer,
  type CheckpointWriter,
  type CheckpointWriterOptions,
} from './checkpoint-writer.ts';
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signWebhook,
  verifyWebhookSignature,
  type WebhookVerifyInput,
  type WebhookVerifyResult,
} from './webhook-signature.ts';
export { verifyAuditChain, type AuditProblem, type AuditVerifyResult, type VerifyOptions } from './verify.ts';
export {
  ACTION_CODES,
  exportAuditNdjson,
  parseAuditDateParams,
  searchAuditEvents,
  toAuditEvent,
  type AuditEventResource,
  type AuditSearchFilters,
  type AuditSearchOptions,
} from './fhir-view.ts';
export {
  auditDb,
  type AnyKysely,
  type AuditTables,
  type AuditEntryTable,
  type AuditChainHeadTable,
} from './tables.ts';
