/** Whether a patient has died (Patient.deceasedBoolean / deceasedDateTime): issue 17 item 4. */
import { QihuangError } from '@qihuang/contracts';
import type { FhirResource } from '@qihuang/store';

export interface Deceased {
  deceased: true;
  /** Date of death when recorded (YYYY-MM-DD or dateTime). */
  date?: string;
}

export function deceasedOf(patient: FhirResource | undefined): Deceased | undefined {
  const p = patient as { deceasedBoolean?: boolean; deceasedDateTime?: string } | undefined;
  if (p?.deceasedDateTime) return { deceased: true, date: p.deceasedDateTime };
  if (p?.deceasedBoolean === true) return { deceased: true };
  return undefined;
}

/** Age at death in whole years (birthday not yet reached counts one less). */
export function ageAtDeath(birthDate: string | undefined, death: Deceased): number | undefined {
  if (!birthDate || !death.date) return undefined;
  const b = new Date(birthDate);
  const d = new Date(death.date);
  if (Number.isNaN(b.getTime()) || Number.isNaN(d.getTime())) return undefined;
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  if (
    d.getUTCMonth() < b.getUTCMonth() ||
    (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate())
  )
    age--;
  return age;
}

/** Plans and proposals are for the living: a clear 409 for a deceased patient. */
export function assertAlive(patientId: string, patient: FhirResource | undefined): void {
  const d = deceasedOf(patient);
  if (d)
    throw new QihuangError(
      'conflict',
      `Patient/${patientId} is recorded as deceased${d.date ? ` (${d.date.slice(0, 10)})` : ''}; no care plan or treatment proposal is made`,
    );
}
