/**
 * One category said of several readings at once ("诊室128/78，日间动态138/86，诊室和动态都不算高", "day 138/86 and
 * night 118/68 — both normal"): each reading with its own setting word is read as its own statement with that
 * category ("日间动态138/86 不算高"), through the same frame reader as any reading. Readings come from the sentence, or
 * from the sentence before when this one names none ("白天…，夜间…。…所以白天和夜间都属于正常").
 */
import type { Discourse } from './discourse.ts';
import type { BpData } from './types.ts';

const PAIR = /(\d{2,3})\s*\/\s*(\d{2,3})(?!\d|\.\d)(?:\s*mmHg)?/g;
const SETTING =
  /(诊室|门诊|家庭自测|家庭|家里|自测|日间动态|白天动态|夜间动态|24\s*小时动态|24\s*小时|白天|日间|夜间|晚上|动态|\boffice\b|\bclinic\b|\bhome\b|\bdaytime\b|\bday-time\b|\bnight-?time\b|\bnight\b|\b24-?h(?:our)?\b|\bambulatory\b)/gi;
const ALL = /都|均|\bboth\b|\ball (?:of )?(?:them|these|those|three|two|the readings|the values)\b|\beach\b/i;
const CATEGORY = /正常|不算高|不高|偏高|高血压|达到|\bnormal\b|\bhigh\b|\bhypertensi|\belevated\b|\bfine\b/i;

export function eachReadingClaims(
  text: string,
  previous: string,
  d: Discourse,
  read: (t: string, d: Discourse) => { bp: BpData[] },
): BpData[] {
  const clauses = text.split(/(?<=[，,；;])/);
  const at = clauses.findIndex((c) => ALL.test(c) && CATEGORY.test(c.slice(ALL.exec(c)!.index)));
  if (at < 0) return [];
  const clause = clauses[at] as string;
  const all = ALL.exec(clause)!;
  let tail = clause.slice(all.index + all[0].length).replace(/[，,；;。.]\s*$/, '');
  // The category in the words the frame reader takes ("正常" → "属于正常", "不高" → "不算高").
  tail = tail
    .replace(/^\s*(?:是|算|为)?正常/, '属于正常')
    .replace(/^\s*(?:不高|不偏高|没有?升高|没有?超标|不超标)/, '不算高');
  if (!/\p{Script=Han}/u.test(tail))
    tail = ` is ${tail.replace(/^.*?\b(?:are|were|is|count as|counts as)\b/i, '').trim()}`;
  const before = `${clauses.slice(0, at).join('')}${clause.slice(0, all.index)}`;
  let readings = settingReadings(before);
  if (readings.length < 2) readings = settingReadings(previous);
  if (readings.length < 2) return [];
  return readings.flatMap((r) => read(`${r}${tail}`, { ...d }).bp);
}

/** "日间动态138/86", "night-time average 118/68": a reading with the setting word just before it in its clause. */
function settingReadings(text: string): string[] {
  const out: string[] = [];
  for (const clause of text.split(/[，,；;。]|\band\b/)) {
    const pairs = [...clause.matchAll(PAIR)];
    if (pairs.length !== 1) continue;
    const p = pairs[0]!;
    // "夜间低于120/70", "home below 135/85 or higher": a bound, not a reading.
    const near = clause.slice(Math.max(0, (p.index as number) - 8), p.index);
    const after = clause.slice((p.index as number) + p[0].length);
    if (
      /[<>≤≥＜＞]|低于|高于|小于|大于|不超过|超过|达到|below|under|above|over|less|more|at least/i.test(
        near,
      ) ||
      /^\s*(?:以下|以上|及以上|或以上|or (?:more|higher|above|less|lower))/i.test(after)
    )
      continue;
    const settings = [...clause.slice(0, p.index).matchAll(SETTING)];
    const s = settings[settings.length - 1];
    if (!s) continue;
    out.push(`${s[0]} ${p[1]}/${p[2]} mmHg`);
  }
  return out;
}
