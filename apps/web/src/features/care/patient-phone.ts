/**
 * The patient's phone number from the chart (the clinician's "contact the patient" button, issue 20 item 6) and
 * their name (named in the sign confirmation, issue 20).
 */
import { fhir } from '../../api/index.ts';
import { formatName } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';

export function usePatientCard(patientId: string): { phone?: string; name?: string } {
  const patient = useAsync((s) => fhir.patient(patientId, s), [patientId]);
  if (patient.status !== 'success') return {};
  const phone = patient.data.telecom?.find((c) => c.system === 'phone')?.value;
  const name = formatName(patient.data.name?.[0]);
  return { ...(phone ? { phone } : {}), ...(name ? { name } : {}) };
}

export function usePatientPhone(patientId: string): string | undefined {
  return usePatientCard(patientId).phone;
}
