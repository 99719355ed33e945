/**
 * The zones the console shows times in (issue 17 item 1): the hospital's (QIHUANG_TIME_ZONE) and, for each
 * patient asked about, the Patient's own zone when it names one (FHIR timezone extension), else the hospital's.
 * The clinician alert inbox lists alerts of many patients; it asks once for their zones and formats each alert
 * in its patient's zone rather than the browser's (decision 0007, "Time zone").
 */
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import type { FhirResource } from '@qihuang/store';
import { assertClinicalSide, assertPatientAccess, type CareDeps } from './deps.ts';
import { careSettings } from './settings.ts';
import type { TimeZones } from './api-types/index.ts';

export type { TimeZones };

/** At most this many patient ids per request (an inbox page lists at most 200 alerts). */
export const MAX_TIME_ZONE_PATIENTS = 200;

export async function timeZonesFor(
  deps: CareDeps,
  ctx: RequestContext,
  patientIds: readonly string[],
): Promise<TimeZones> {
  assertClinicalSide(ctx);
  const ids = [...new Set(patientIds.map((id) => id.trim()).filter(Boolean))];
  if (ids.length > MAX_TIME_ZONE_PATIENTS)
    throw new QihuangError('invalid-input', `At most ${MAX_TIME_ZONE_PATIENTS} patients per request`);
  const hospital = careSettings(deps).timeZone;
  const patients: Record<string, string> = {};
  if (ids.length > 0) {
    const found = await deps.repository.search(ctx, 'Patient', [
      ['_id', ids.join(',')],
      ['_count', String(MAX_TIME_ZONE_PATIENTS)],
      ['_total', 'none'],
    ]);
    for (const m of found.matches) patients[m.id] = careSettings(deps, m.content as FhirResource).timeZone;
  }
  return { timeZone: hospital, patients };
}

/**
 * One patient's zone, which the patient may read too (issue 20 finding 9): their chart pages (blood-pressure
 * tab, record overview) show times in it, the same rule as their home page. Another patient's is not known.
 */
export async function patientTimeZone(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
): Promise<TimeZones> {
  assertPatientAccess(ctx, patientId);
  const patient = await deps.repository.read(ctx, 'Patient', patientId);
  return {
    timeZone: careSettings(deps).timeZone,
    patients: { [patientId]: careSettings(deps, patient).timeZone },
  };
}
