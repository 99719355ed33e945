/**
 * The Provenance written with an alert's recorded action or contact attempt: who did it (by name), when, and
 * which resources it touched (FHIR R4 Provenance, activity UPDATE, agent type author). One shape for both writers.
 */
import type { FhirResource } from '@qihuang/store';

export function authorProvenance(
  id: string,
  targets: readonly string[],
  recorded: string,
  who: string,
): FhirResource {
  return {
    resourceType: 'Provenance',
    id,
    target: targets.map((reference) => ({ reference })),
    recorded,
    activity: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: 'UPDATE' }],
    },
    agent: [
      {
        type: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' },
          ],
        },
        who: { display: who },
      },
    ],
  };
}
