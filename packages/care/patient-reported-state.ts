/**
 * Where a patient-reported item stands (issue 20): whether the patient reported it and whether a clinician has
 * confirmed or rejected it. Pure.
 */
import { isPatientRecorded } from '@qihuang/fhir';
import type { ReportedState } from './api-types/index.ts';

export type Loose = Record<string, unknown> & {
  meta?: { tag?: { system?: string; code?: string }[] };
  verificationStatus?: { coding?: { system?: string; code?: string }[] };
  status?: string;
  informationSource?: { reference?: string };
  note?: { text: string }[];
};

/** Whether the patient reported it (the intake's tag, or the store's recorded-by tag of a patient's own write). */
export function isPatientReported(resource: unknown): boolean {
  const tags = (resource as Loose | undefined)?.meta?.tag ?? [];
  return (
    tags.some((t) => t.system === 'urn:qihuang:provenance' && t.code === 'patient-reported') ||
    isPatientRecorded(resource)
  );
}

/** Where a patient-reported item stands: waiting for a clinician, confirmed or rejected. */
export function reportedState(resource: unknown): ReportedState | undefined {
  const r = resource as Loose | undefined;
  if (!r || !isPatientReported(r)) return undefined;
  const type = r.resourceType;
  const ver = r.verificationStatus?.coding?.[0]?.code;
  switch (type) {
    case 'Condition':
    case 'AllergyIntolerance':
      if (ver === 'confirmed') return 'confirmed';
      if (ver === 'refuted' || ver === 'entered-in-error') return 'rejected';
      return 'unconfirmed';
    case 'MedicationStatement':
      if (r.status === 'entered-in-error') return 'rejected';
      return r.informationSource?.reference?.startsWith('Practitioner/') ? 'confirmed' : 'unconfirmed';
    case 'Observation':
      if (r.status === 'entered-in-error') return 'rejected';
      return r.status === 'final' || r.status === 'amended' ? 'confirmed' : 'unconfirmed';
    case 'FamilyMemberHistory':
      if (r.status === 'entered-in-error') return 'rejected';
      return r.status === 'completed' ? 'confirmed' : 'unconfirmed';
    default:
      return undefined;
  }
}
