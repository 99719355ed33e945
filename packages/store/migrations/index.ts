/**
 * The store's own migrations (number range 0001–0099). Every package that owns tables exports its list from
 * `packages/<pkg>/migrations/index.ts`; `@qihuang/migrations` composes them (docs/decisions/0013).
 */
import type { Migration } from 'kysely';
import * as fhirStore from './0001-fhir-store.ts';
import * as fhirAuthorHistoryCompartments from './0002-fhir-author-history-compartments.ts';
import * as tagPatientRecorded from './0003-tag-patient-recorded.ts';
import * as reindexPatientSearch from './0004-reindex-patient-search.ts';

export const migrations: Record<string, Migration> = {
  '0001-fhir-store': fhirStore,
  '0002-fhir-author-history-compartments': fhirAuthorHistoryCompartments,
  '0003-tag-patient-recorded': tagPatientRecorded,
  '0004-reindex-patient-search': reindexPatientSearch,
};
