/**
 * A reading compared with a threshold or range the answer itself states — arithmetic on the answer's own numbers,
 * whatever the guideline (issue 18, independent sets 10 and 11):
 * - "178/116 已超过 180/120", "176/119 crosses the >180/120 line": above means either pressure above ("and/or");
 * - "132/87，两项都没超过 135/85", "Neither component reaches 135/85": below means both pressures below;
 * - "184/102，收缩压在160–179之间", "the systolic is within 160–179": the pressure lies in the range.
 * The reading is the sentence's own plain value, or the one plain value of the text before when the sentence refers
 * back to it ("That already exceeds …", "Neither component …").
 */
export interface BpCompareData {
  sbp: number;
  dbp: number;
  /** The answer's threshold (either pressure) or one pressure's range. */
  against: { sbp: number; dbp: number } | { axis: 'sbp' | 'dbp'; low: number; high: number };
  /** above: exceeds ('strict') or reaches ('inclusive'); below: neither pressure exceeds/reaches; within: in range. */
  said: 'above' | 'below' | 'within';
  strict: boolean;
}

const PAIR = /(<|＜|≤|≥|>=|>|＞)?\s*(\d{2,3})\s*\/\s*(\d{2,3})(?!\d|\.\d)/g;
const BELOW =
  /(?:都|均|两项都|两者都)(?:没有?|未)(?:超过|达到|到)|(?:没有?|未)(?:超过|达到)|\bneither (?:\w+ )?(?:reaches|exceeds|meets|crosses|is (?:at|above))\b|\b(?:does|do)(?: not|n't) (?:reach|exceed|meet|cross)\b|\bboth (?:are |values are |pressures are )?below\b/i;
const ABOVE_STRICT = /已?超过|超出|\bexceeds?\b|\bcross(?:es)?\b|\babove\b/i;
const ABOVE_REACH = /已?达到|\breach(?:es)?\b|\bmeets?\b/i;
const BACK = /\b(?:that|this|it|which|neither|both)\b|该读数|这个读数|这次|两项|两者|都|均/i;
/** A pressure's own range: "收缩压在160–179之间", "the systolic is within 160–179". */
const AXIS_RANGE =
  /(收缩压|舒张压|\bsystolic\b|\bdiastolic\b|\bSBP\b|\bDBP\b)\s*(?:is\s+)?(?:在|处于|位于|落在|\bwithin\b|\bin\b|\bbetween\b)\s*(\d{2,3})\s*(?:[–—\-~～]|至|到|and|to)\s*(\d{2,3})(?:\s*mmHg)?\s*(?:之间|范围|区间)?/i;
/** Words that put the comparison in doubt or elsewhere. */
const OTHER = /如果|若|假如|\bif\b|\bwould\b|目标|\btarget\b|\bgoal\b|控制在|以下|\bbelow 1\d\d\b/i;

function plainPairs(text: string): { sbp: number; dbp: number; at: number; end: number; lead?: string }[] {
  const out = [];
  for (const m of text.normalize('NFKC').matchAll(PAIR)) {
    const sbp = Number(m[2]);
    const dbp = Number(m[3]);
    if (sbp <= dbp || sbp < 60 || dbp < 30) continue;
    out.push({ sbp, dbp, at: m.index as number, end: (m.index as number) + m[0].length, lead: m[1] });
  }
  return out;
}

export function bpCompareIn(sentence: string, before: string): BpCompareData | undefined {
  const t = sentence.normalize('NFKC');
  if (OTHER.test(t)) return undefined;
  const pairs = plainPairs(t);
  const own = pairs.filter((p) => !p.lead);
  const prev = plainPairs(
    before
      .split(/[。.!?！？](?=\s|$)|[。！？]/)
      .filter((x) => x.trim())
      .pop() ?? '',
  );
  const reading =
    own.length >= 1 && (pairs.length === 2 || (pairs.length === 1 && AXIS_RANGE.test(t)))
      ? own[0]
      : pairs.length === 1 && prev.length === 1 && !prev[0]!.lead && BACK.test(t)
        ? { ...prev[0]!, at: -1, end: 0 }
        : undefined;
  if (!reading) return undefined;
  const axis = AXIS_RANGE.exec(t);
  if (axis && (axis.index as number) > reading.end) {
    const low = Number(axis[2]);
    const high = Number(axis[3]);
    if (!(low < high)) return undefined;
    return {
      sbp: reading.sbp,
      dbp: reading.dbp,
      against: { axis: /舒张|diastolic|DBP/i.test(axis[1] as string) ? 'dbp' : 'sbp', low, high },
      said: 'within',
      strict: false,
    };
  }
  const th = pairs.find((p) => p !== reading && p.at > reading.end - 1);
  if (!th || pairs.length > 2) return undefined;
  const between = t.slice(Math.max(0, reading.end), th.at);
  if (/但|\bbut\b|而|while|收缩压|舒张压|systolic|diastolic/i.test(between.replace(/neither component/i, '')))
    return undefined;
  const said = BELOW.test(between)
    ? 'below'
    : ABOVE_STRICT.test(between) || ABOVE_REACH.test(between)
      ? 'above'
      : undefined;
  if (!said) return undefined;
  const strict =
    th.lead === '>' ||
    th.lead === '＞' ||
    (th.lead !== '≥' && th.lead !== '>=' && ABOVE_STRICT.test(between) && !ABOVE_REACH.test(between));
  return { sbp: reading.sbp, dbp: reading.dbp, against: { sbp: th.sbp, dbp: th.dbp }, said, strict };
}

/** Whether the stated comparison holds. */
export function compareHolds(c: BpCompareData): boolean {
  const a = c.against;
  if ('axis' in a) {
    const v = a.axis === 'sbp' ? c.sbp : c.dbp;
    return v >= a.low && v <= a.high;
  }
  const over = (v: number, th: number) => (c.strict ? v > th : v >= th);
  const above = over(c.sbp, a.sbp) || over(c.dbp, a.dbp);
  return c.said === 'above' ? above : !above;
}
