/** Accepted reading → FHIR R4 vital-signs BP Observation (REFERENCE §8.1–§8.3). Stable identifier makes re-upload idempotent. */
import type { Observation } from '@medplum/fhirtypes';
import type { BpReading } from './types.ts';
import { DBP_CODE, HR_CODE, LOINC, SBP_CODE } from './ingest-fhir.ts';

export const READING_IDENTIFIER_SYSTEM = 'urn:qihuang:bp-reading'; // value = device id | UTC time
const UCUM = 'http://unitsofmeasure.org';
const VITAL_SIGNS = [
  {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code: 'vital-signs',
        display: 'Vital Signs',
      },
    ],
  },
]; // §8.3 VSCat

const mmHg = (value: number) => ({ value, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' }); // §8.2 UCUM mm[Hg]

function deviceRef(deviceId: string): { reference: string } | { identifier: { value: string } } {
  if (/^Device\/[A-Za-z0-9\-.]{1,64}$/.test(deviceId)) return { reference: deviceId };
  return { identifier: { value: deviceId } };
}

export interface ToFhirOptions {
  /** Patient reference when the reading has none, e.g. "Patient/123". */
  patient?: string;
}

export function readingIdentifierValue(r: BpReading): string {
  return `${r.deviceId ?? 'unknown-device'}|${new Date(Date.parse(r.time)).toISOString()}`;
}

export function toFhirBpObservation(r: BpReading, options: ToFhirOptions = {}): Observation {
  const patient = r.patientId ?? options.patient;
  const obs: Observation = {
    resourceType: 'Observation',
    id: r.id,
    meta: { profile: ['http://hl7.org/fhir/StructureDefinition/bp'] }, // §8.3
    identifier: [{ system: READING_IDENTIFIER_SYSTEM, value: readingIdentifierValue(r) }],
    status: 'final',
    category: VITAL_SIGNS,
    code: {
      coding: [
        { system: LOINC, code: '85354-9', display: 'Blood pressure panel with all children optional' },
      ],
    }, // §8.1
    effectiveDateTime: r.time,
    component: [
      {
        code: { coding: [{ system: LOINC, code: SBP_CODE, display: 'Systolic blood pressure' }] },
        valueQuantity: mmHg(r.sbp),
      }, // §8.3
      {
        code: { coding: [{ system: LOINC, code: DBP_CODE, display: 'Diastolic blood pressure' }] },
        valueQuantity: mmHg(r.dbp),
      }, // §8.3
    ],
  };
  if (patient) obs.subject = { reference: patient.includes('/') ? patient : `Patient/${patient}` };
  if (r.deviceId) obs.device = deviceRef(r.deviceId);
  return obs;
}

/** Heart-rate vital-sign Observation (LOINC 8867-4, UCUM /min; §8.1, §8.2) for a reading that carries one. */
export function toFhirHeartRateObservation(
  r: BpReading,
  options: ToFhirOptions = {},
): Observation | undefined {
  if (r.heartRate === undefined) return undefined;
  const bp = toFhirBpObservation(r, options);
  return {
    resourceType: 'Observation',
    id: `hr-${r.id.slice(3)}`,
    meta: { profile: ['http://hl7.org/fhir/StructureDefinition/heartrate'] },
    identifier: [{ system: 'urn:qihuang:hr-reading', value: readingIdentifierValue(r) }],
    status: 'final',
    category: VITAL_SIGNS,
    code: { coding: [{ system: LOINC, code: HR_CODE, display: 'Heart rate' }] },
    ...(bp.subject ? { subject: bp.subject } : {}),
    ...(bp.device ? { device: bp.device } : {}),
    effectiveDateTime: r.time,
    valueQuantity: { value: r.heartRate, unit: 'beats/minute', system: UCUM, code: '/min' },
  };
}
