import { care } from '../../api/care.ts';
import { useAsync } from '../../lib/use-async.ts';

/**
 * The zone a patient's times are shown in, one rule for every page of the chart: the patient's own (FHIR
 * timezone extension), else the hospital's (QIHUANG_TIME_ZONE / the server's configured zone), an IANA name from
 * the server. Undefined while loading or when the server does not answer (times then use the browser's zone).
 */
export function usePatientTimeZone(patientId: string): {
  timeZone: string | undefined;
  status: 'loading' | 'success' | 'error';
} {
  // The patient's own route (a patient may read their own zone; /time-zones is the clinician inbox's).
  const zones = useAsync((s) => care.patientTimeZone(patientId, s), [patientId]);
  const timeZone =
    zones.status === 'success' ? (zones.data.patients[patientId] ?? zones.data.timeZone) : undefined;
  return { timeZone, status: zones.status };
}
