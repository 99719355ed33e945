/**
 * Blood-pressure values stated per axis ("systolic 120–139 with diastolic below 80", "收缩压 140–159 mmHg和/或舒张压
 * 90–99 mmHg", "grade 3 at a systolic pressure of 200 mmHg or higher") when the sentence has no "sbp/dbp" pair.
 * A single axis is read only as a stated category's range or lower threshold — never as a reading (a reading on one
 * axis cannot be classified with certainty).
 */
export const RANGE = String.raw`\s*(?:[–—\-~～]|to|至|到)\s*`;

export interface AxisValue {
  at: number;
  end: number;
  sbp: [number, number | undefined];
  dbp?: [number, number | undefined];
  dbpUpperOnly: boolean;
  lead?: string;
}

const NAME = {
  sbp: String.raw`收缩压|SBP|systolic(?: BP| blood pressure| pressure)?`,
  dbp: String.raw`舒张压|DBP|diastolic(?: BP| blood pressure| pressure)?`,
};
const LINK = String.raw`\s*(?:is|of|at|为|在|:|：)?\s*(?:a |an )?`;
/** A lower bound in words: "不低于180", "至少", "at least", "超过110", "above" (a bound at the number). */
const LEAD = String.raw`(≥|>=|＞|>|不低于|不小于|大于等于|大于|高于|超过|达到|至少|at least|above|over|more than)?`;
const AFTER_NAME = (name: string) =>
  new RegExp(String.raw`(?:${name})${LINK}${LEAD}\s*(\d{2,3})(?:\s*mmHg)?(?:${RANGE}(\d{2,3}))?`, 'i');
const BEFORE_NAME = (name: string) =>
  new RegExp(String.raw`${LEAD}\s*(\d{2,3})(?:${RANGE}(\d{2,3}))?\s*mmHg\s*(?:${name})`, 'i');
/** "… mmHg or higher", "及以上": the single value is a lower threshold. */
const OR_HIGHER = /^\s*(?:mmHg)?\s*(?:or (?:more|higher|above)|and above|及以上|以上|或以上|或更高)/i;

export function axisValues(
  t: string,
  category: string | undefined,
  isTargetSentence: boolean,
): AxisValue | undefined {
  if (isTargetSentence) return undefined;
  const s1 = AFTER_NAME(NAME.sbp).exec(t) ?? BEFORE_NAME(NAME.sbp).exec(t);
  const d1 = AFTER_NAME(NAME.dbp).exec(t) ?? BEFORE_NAME(NAME.dbp).exec(t);
  if (s1 && d1)
    return {
      at: Math.min(s1.index, d1.index),
      end: Math.max(s1.index + s1[0].length, d1.index + d1[0].length),
      sbp: [Number(s1[2]), s1[3] ? Number(s1[3]) : undefined],
      dbp: [Number(d1[2]), d1[3] ? Number(d1[3]) : undefined],
      dbpUpperOnly: false,
      ...(s1[1] || d1[1] ? { lead: '≥' } : {}),
    };
  if (!s1 || d1 || !category || category === 'hypertension') return undefined;
  // "收缩压130–139 mmHg即可诊断为1级高血压", "elevated is systolic 120–139 with diastolic below 80": a systolic
  // range alone, stated as a category's range.
  if (s1[3])
    return {
      at: s1.index,
      end: s1.index + s1[0].length,
      sbp: [Number(s1[2]), Number(s1[3])],
      dbpUpperOnly: false,
    };
  // "grade 3 at a systolic pressure of 200 mmHg or higher": a systolic lower threshold of a grade/stage.
  if (/^(?:grade|stage)-\d$/.test(category) && (s1[1] || OR_HIGHER.test(t.slice(s1.index + s1[0].length))))
    return {
      at: s1.index,
      end: s1.index + s1[0].length,
      sbp: [Number(s1[2]), undefined],
      dbpUpperOnly: false,
      lead: '≥',
    };
  return undefined;
}
