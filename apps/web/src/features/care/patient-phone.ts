/** The patient's phone number from the chart (the clinician's "contact the patient" button, issue 20 item 6). */
import { fhir } from '../../api/index.ts';
import { useAsync } from '../../lib/use-async.ts';

export function usePatientPhone(patientId: string): string | undefined {
  const patient = useAsync((s) => fhir.patient(patientId, s), [patientId]);
  return patient.status === 'success'
    ? patient.data.telecom?.find((c) => c.system === 'phone')?.value
    : undefined;
}
