/**
 * "The home value corresponding to an office 140/90 is 135/85", "a night-time mean of 110/65 corresponds to an
 * office 130/80": an office value and its out-of-office counterpart in one sentence.
 * - The office value is the guideline's office hypertension threshold: the other value is stated as that setting's
 *   threshold (REFERENCE §2.1 / §2.2 through the engine's `thresholdsFor`).
 * - Under ACC/AHA 2017 (whose Table 11 it is), an office value on a row of the table: the correspondence itself is
 *   checked (`equivalentOutOfOffice`). Between rows the engine interpolates — not certain, so no claim.
 */
import {
  isCorrespondenceRow,
  thresholdsFor,
  type Guideline,
  type Setting,
} from '@qihuang/engines/blood-pressure';
import type { AxisValue } from './extract-bp-axis.ts';
import type { BpData } from './types.ts';

const OFFICE = /诊室|office|clinic/gi;

export function correspondence(
  t: string,
  values: [AxisValue, AxisValue],
  guideline: Guideline,
  settingAt: (text: string, at: number) => Setting,
): BpData | undefined {
  const [a, b] = values;
  const sa = settingAt(t, a.at);
  // The second value's setting: office words before the first value belong to it.
  const sb =
    sa === 'office'
      ? settingAt(
          t.slice(0, b.at).replace(OFFICE, (m) => '_'.repeat(m.length)),
          b.at,
        )
      : settingAt(t, b.at);
  if ((sa === 'office') === (sb === 'office')) return undefined;
  const [office, other, setting] = sa === 'office' ? [a, b, sb] : [b, a, sa];
  if (!office.dbp || !other.dbp || office.sbp[1] !== undefined || other.sbp[1] !== undefined)
    return undefined;
  const threshold = thresholdsFor(guideline).office;
  if (office.sbp[0] === threshold.sbp && office.dbp[0] === threshold.dbp)
    return {
      guideline,
      category: 'hypertension',
      setting,
      form: 'threshold',
      sbp: other.sbp,
      dbp: other.dbp,
      lowerBoundOnly: true,
    };
  if (guideline !== 'acc-aha-2017' || !isCorrespondenceRow({ sbp: office.sbp[0], dbp: office.dbp[0] }))
    return undefined;
  return {
    guideline,
    category: 'correspond',
    setting,
    form: 'correspond',
    sbp: other.sbp,
    dbp: other.dbp,
    office: { sbp: office.sbp[0], dbp: office.dbp[0] },
    lowerBoundOnly: false,
  };
}
