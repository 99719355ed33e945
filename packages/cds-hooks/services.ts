import { LOINC } from '@qihuang/engines/prescription-review';
import { prescriptionReview } from './prescription-service.ts';
import type { CdsService } from './service.ts';
import type { ServiceDefinition } from './types.ts';

/** Prefetch templates shared by the prescription-review services (REFERENCE §9.1; LOINC per §8.1 and the engine). */
const LAB_CODES = [
  LOINC.creatinineMass,
  LOINC.creatinineMoles,
  ...LOINC.egfr,
  ...LOINC.potassium,
  ...LOINC.bpPanel,
  LOINC.bodyWeight,
  LOINC.heartRate, // β-blocker at HR <50–60 (REFERENCE §5.2)
  LOINC.pregnancyStatus,
]
  .map((c) => `http://loinc.org|${c}`)
  .join(',');

export const PRESCRIPTION_PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  conditions: 'Condition?patient={{context.patientId}}',
  allergies: 'AllergyIntolerance?patient={{context.patientId}}',
  observations: `Observation?patient={{context.patientId}}&code=${LAB_CODES}&_sort=-date&_count=100`,
  medicationRequests: 'MedicationRequest?patient={{context.patientId}}&status=active',
  medicationStatements: 'MedicationStatement?patient={{context.patientId}}&status=active',
} as const;

export const USAGE_REQUIREMENTS =
  'Needs the prefetch keys listed, or fhirServer with fhirAuthorization allowing read of Patient, Condition, AllergyIntolerance, Observation, MedicationRequest and MedicationStatement.';

/**
 * The service table: discovery is built from it and the router calls each row's handler, so a new service is
 * a new row (service.ts).
 */
export const SERVICE_TABLE: readonly CdsService[] = [
  {
    id: 'qihuang-rx-review-order-select',
    hook: 'order-select',
    title: 'Prescription review (前置审方) — order select',
    description:
      'Reviews the selected draft medication orders against the patient’s medications, allergies, conditions, renal function and potassium: interactions, duplication, dose, renal/hepatic adjustment, allergy, contraindication, pregnancy and guideline fit.',
    prefetch: PRESCRIPTION_PREFETCH,
    usageRequirements: USAGE_REQUIREMENTS,
    handle: prescriptionReview('drafts'),
  },
  {
    id: 'qihuang-rx-review-order-sign',
    hook: 'order-sign',
    title: 'Prescription review (前置审方) — order sign',
    description:
      'Reviews all draft medication orders at signing: interactions, duplication, dose, renal/hepatic adjustment, allergy, contraindication, pregnancy and guideline fit, each finding with its source.',
    prefetch: PRESCRIPTION_PREFETCH,
    usageRequirements: USAGE_REQUIREMENTS,
    handle: prescriptionReview('drafts'),
  },
  {
    id: 'qihuang-rx-review-patient-view',
    hook: 'patient-view',
    title: 'Medication regimen review (用药重整)',
    description:
      'Reviews the patient’s active medications when the chart is opened and reports problems that need action.',
    prefetch: PRESCRIPTION_PREFETCH,
    usageRequirements: USAGE_REQUIREMENTS,
    handle: prescriptionReview('all'),
  },
];

export function discovery(services: readonly CdsService[] = SERVICE_TABLE): {
  services: ServiceDefinition[];
} {
  return {
    services: services.map((s) => ({
      hook: s.hook,
      title: s.title,
      description: s.description,
      id: s.id,
      prefetch: { ...s.prefetch },
      ...(s.usageRequirements ? { usageRequirements: s.usageRequirements } : {}),
    })),
  };
}

export function findService(
  id: string,
  services: readonly CdsService[] = SERVICE_TABLE,
): CdsService | undefined {
  return services.find((s) => s.id === id);
}
