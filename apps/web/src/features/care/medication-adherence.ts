/**
 * The patient's medicine line (issue 20 item 9): days with nothing recorded are "not recorded", said apart, never
 * counted as "not taken"; the percentage is of the days recorded, and with none recorded no percentage is shown
 * (a rate with no denominator). Pure.
 */
import type { MedicationAdherence } from '../../api/care.ts';

export function medicationAdherenceLine(
  a: Pick<MedicationAdherence, 'fraction' | 'days'> & Partial<MedicationAdherence>,
  t: (key: string, values?: Record<string, unknown>) => string,
  percent: (fraction: number) => string,
): string {
  const taken = a.takenDays ?? a.days.filter((d) => d.taken === true).length;
  const missed = a.missedDays ?? a.days.filter((d) => d.taken === false).length;
  const recorded = taken + missed;
  const unrecorded = a.unrecordedDays ?? a.days.length - recorded;
  if (recorded === 0) return t('care.home.medicationNoneRecorded');
  return t('care.home.medicationAdherence', {
    taken,
    recorded,
    unrecorded,
    percent: percent(taken / recorded),
  });
}
