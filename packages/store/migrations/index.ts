/**
 * Every migration of every package, by name. Names sort in the order they apply (see AGENTS.md for the
 * number range each package owns). One line per migration.
 */
import type { Migration } from 'kysely';
import * as fhirStore from './0001-fhir-store.ts';
import * as fhirAuthorHistoryCompartments from './0002-fhir-author-history-compartments.ts';
import * as identity from '../../identity/migrations/0100-identity.ts';
import * as audit from '../../audit/migrations/0110-audit.ts';
import * as gatewayUsage from '../../gateway/migrations/0200-gateway-usage.ts';
import * as bpReading from '../../bp-monitoring/migrations/0400-bp-reading.ts';
import * as bpAlertLoop from '../../bp-monitoring/migrations/0410-bp-alert-loop.ts';
import * as cdsCardState from '../../cds-hooks/migrations/0500-cds-card-state.ts';
import * as evalCentre from '../../eval/migrations/0300-eval.ts';
import * as knowledge from '../../knowledge/migrations/0600-knowledge.ts';
import * as care from '../../care/migrations/0700-care.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-fhir-store': fhirStore,
  '0002-fhir-author-history-compartments': fhirAuthorHistoryCompartments,
  '0100-identity': identity,
  '0110-audit': audit,
  '0200-gateway-usage': gatewayUsage,
  '0300-eval': evalCentre,
  '0400-bp-reading': bpReading,
  '0410-bp-alert-loop': bpAlertLoop,
  '0500-cds-card-state': cdsCardState,
  '0600-knowledge': knowledge,
  '0700-care': care,
};
