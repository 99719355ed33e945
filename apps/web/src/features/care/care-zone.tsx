/**
 * One clock on the clinician's care tab (issue 20): every time on it — drafted, signed, plan start, alerts, intake —
 * in the zone the server counts the patient's readings in (the patient's own, else the hospital's), with the
 * zone's abbreviation when the browser's clock differs (formatInZone, as the rest of the console).
 */
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInZone } from '../../lib/zone-time.ts';

export const CareZoneContext = createContext<string | undefined>(undefined);

/** The formatter for the care tab's zone: (value, withTime = true) → "YYYY-MM-DD HH:mm GMT+8". */
export function useCareTime(): (value: string | undefined, withTime?: boolean) => string {
  const zone = useContext(CareZoneContext);
  const { i18n } = useTranslation();
  return (value, withTime = true) => careTime(value, zone, withTime, i18n.language);
}

/** Pure form of `useCareTime` (tests): the value in `zone`, never the bare UTC clock. */
export function careTime(
  value: string | undefined,
  zone: string | undefined,
  withTime = true,
  lang = 'en',
): string {
  return formatInZone(value, zone, lang, { withTime });
}
