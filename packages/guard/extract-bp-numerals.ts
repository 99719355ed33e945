/**
 * Blood-pressure values written in words, rewritten into the one form the frame reader parses (a pair "A/B", a
 * bound "≥A/B"): "140 over 90", a target stated per axis ("收缩压降到140以下、舒张压降到90以下", "systolic under
 * 140 and diastolic under 90"), and lower bounds in words ("不低于135/85", "no lower than 120/70", "from 135/85
 * upwards"). Only the wording changes; numbers are never invented.
 */

/** A bound to be kept below: the systolic half and the diastolic half must both say it. */
const ZH_BELOW_BEFORE = /降到|降至|控制在|控制到|控制于|降低到|降低至|低于|小于|<|＜/;
const ZH_NOT_BELOW = /≥|>=|>|＞|以上|不低于|超过|高于|大于|[–~～-]\s*$/;

export function bpNumerals(t: string): string {
  return (
    t
      // "140 over 90" (a number pair read aloud).
      .replace(/(?<![\d.])(\d{2,3})\s+over\s+(\d{2,3})(?!\d|\.\d)/gi, '$1/$2')
      // "不低于135/85", "no lower than 120/70": a lower bound.
      .replace(
        /(?:不低于|不小于|不少于|\bno (?:lower|less) than|\bnot (?:lower|less) than)\s*(\d{2,3}\s*\/\s*\d{2,3})/gi,
        '≥$1',
      )
      // "from 135/85 mmHg upwards", "135/85 and upwards".
      .replace(
        /\bfrom\s+(\d{2,3}\s*\/\s*\d{2,3})(\s*mmHg)?\s+(?:upwards?|and up(?:wards?)?|onwards?)\b/gi,
        '≥$1$2',
      )
      // "收缩压控制在150以下、舒张压90以下": one target pair.
      .replace(
        /(收缩压|高压)([^0-9。;；，,、]{0,12}?)(\d{2,3})(?!\d|\.\d|\s*[–~～-]\s*\d)\s*(mmHg)?\s*(以下|之下)?\s*[、，,]?\s*(?:和|及|且|并且|同时)?\s*(?:把)?(舒张压|低压)([^0-9。;；，,、]{0,12}?)(\d{2,3})(?!\d|\.\d|\s*[–~～-]\s*\d)\s*(?:mmHg)?\s*(以下|之下)?/g,
        (
          m,
          _s,
          w1: string,
          a: string,
          _u,
          b1: string | undefined,
          _d,
          w2: string,
          b: string,
          b2?: string,
        ) => {
          const below1 = !!b1 || ZH_BELOW_BEFORE.test(w1);
          const below2 = !!b2 || ZH_BELOW_BEFORE.test(w2);
          if (!below1 || !below2 || ZH_NOT_BELOW.test(w1) || ZH_NOT_BELOW.test(w2)) return m;
          return `血压${w1}${a}/${b} mmHg${b1 || b2 ? '以下' : ''}`;
        },
      )
      // "systolic under 140 and diastolic under 90", "SBP <150 mmHg and DBP <90 mmHg".
      .replace(
        /\b(?:systolic|SBP)(?:\s+(?:BP|pressure|blood pressure))?\s*(?:of\s+)?(under|below|less than|<)\s*(\d{2,3})(?!\d|\.\d)(?:\s*mmHg)?,?\s*(?:and|with|,)\s*(?:a\s+|the\s+)?(?:diastolic|DBP)(?:\s+(?:BP|pressure|blood pressure))?\s*(?:of\s+)?(?:under|below|less than|<)\s*(\d{2,3})(?!\d|\.\d)/gi,
        (_m, rel: string, a: string, b: string) => `blood pressure ${rel} ${a}/${b}`,
      )
  );
}
