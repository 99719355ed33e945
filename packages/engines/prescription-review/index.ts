/** Prescription review engine (pure): findings with sources for draft medication orders. */
export * from './types.ts';
export { reviewPrescriptions, CHECKS } from './review.ts';
export { VITAL_WINDOW_DAYS } from './checks/vitals.ts';
export { buildReviewInput, resourcesOf, LOINC, type FhirReviewOptions } from './fhir-context.ts';
export { resolveMedication, renalStatus } from './resolve.ts';
