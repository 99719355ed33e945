/**
 * Every migration of every package, by name. Names sort in the order they apply (see AGENTS.md for the
 * number range each package owns). One line per migration.
 */
import type { Migration } from 'kysely';
import * as fhirStore from './0001-fhir-store.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-fhir-store': fhirStore,
};
