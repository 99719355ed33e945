/** CDS Hooks 2.0 services for prescription review (前置审方). */
export { createCdsHooksRoutes, type CdsHooksConfig, type CdsHooksDeps } from './routes.ts';
export { discovery, SERVICE_TABLE, PRESCRIPTION_PREFETCH, findService } from './services.ts';
export type { CdsService, CdsServiceContext } from './service.ts';
export { prescriptionReview, type ReviewScope } from './prescription-service.ts';
export { findingToCard, OVERRIDE_REASONS, SUMMARY_LIMIT, truncate } from './cards.ts';
export { parseHookRequest, parseFeedback, type HookRequest } from './request.ts';
export { gatherResources, fillTemplate } from './fhir-data.ts';
export { fhirSource, normaliseBase, type FhirReader, type OwnFhir } from './fhir-source.ts';
export {
  createMemoryCardState,
  createMemoryFeedbackSink,
  type CardStateStore,
  type CardRef,
  type FeedbackSink,
  type FeedbackRecord,
} from './state.ts';
export type * from './types.ts';
export { createDatabaseCardState } from './database-card-state.ts';
