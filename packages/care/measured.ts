/**
 * Measured and patient-reported values kept apart (issue 17 item 4): BP the patient recalled in the intake
 * (tagged patient-reported, time = when they told us) is never a reading of the home or office series, so
 * "latest BP", HBPM means, alerts and targets use only device/clinic measurements. The recalled values are
 * returned separately, labelled.
 */
import type { RequestContext } from '@qihuang/contracts';
import { CONTEXT_OBSERVATION_CODES, loadPatientContext, type PatientContext } from '@qihuang/bp-monitoring';
import type { FhirResource } from '@qihuang/store';
import type { CareDeps } from './deps.ts';
import type { ReportedBp } from './api-types/index.ts';

export type { ReportedBp };

/** Same tag as intake.ts TAG_PATIENT_REPORTED (urn:qihuang:provenance|patient-reported). */
const REPORTED = { system: 'urn:qihuang:provenance', code: 'patient-reported' };

export function isPatientReported(resource: FhirResource): boolean {
  const tags = (resource.meta as { tag?: { system?: string; code?: string }[] } | undefined)?.tag ?? [];
  return tags.some((t) => t.system === REPORTED.system && t.code === REPORTED.code);
}

const SBP = '8480-6'; // REFERENCE §8.1 systolic
const DBP = '8462-4'; // REFERENCE §8.1 diastolic

/** Patient-reported BP panels, newest first. */
export function reportedBp(resources: readonly FhirResource[]): ReportedBp[] {
  const out: ReportedBp[] = [];
  for (const r of resources) {
    if (r.resourceType !== 'Observation' || !isPatientReported(r)) continue;
    const o = r as {
      id?: string;
      effectiveDateTime?: string;
      component?: { code?: { coding?: { code?: string }[] }; valueQuantity?: { value?: number } }[];
    };
    const value = (code: string) =>
      o.component?.find((c) => c.code?.coding?.some((x) => x.code === code))?.valueQuantity?.value;
    const sbp = value(SBP);
    const dbp = value(DBP);
    if (sbp === undefined || dbp === undefined) continue;
    out.push({ id: o.id ?? '', reportedAt: o.effectiveDateTime ?? '', sbp, dbp });
  }
  return out.sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
}

/** Chart resources minus the patient-reported Observations (what the BP engines may count). */
export function measuredOnly(resources: readonly FhirResource[]): FhirResource[] {
  return resources.filter((r) => r.resourceType !== 'Observation' || !isPatientReported(r));
}

const CONTEXT_TYPES = ['Patient', 'Condition', 'Observation', 'MedicationRequest'] as const;

/**
 * The BP context from measured readings only (one chart read, one audit entry), the Patient record and the
 * patient-reported values apart.
 */
export async function measuredContext(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  options: { now: string; from: string },
): Promise<{ context: PatientContext; patient: FhirResource; reported: ReportedBp[] }> {
  const resources = await deps.repository.patientResources(ctx, patientId, CONTEXT_TYPES, {
    observationCodes: CONTEXT_OBSERVATION_CODES,
  });
  const context = await loadPatientContext(deps.repository, ctx, patientId, {
    ...options,
    preloaded: measuredOnly(resources),
  });
  const patient = resources.find((r) => r.resourceType === 'Patient' && r.id === patientId)!;
  return { context, patient, reported: reportedBp(resources) };
}
