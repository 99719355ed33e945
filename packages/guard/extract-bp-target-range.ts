/**
 * A systolic target stated as a band ("recommends a systolic of 140–149", "收缩压目标是 120–129 mmHg"): the band is
 * read as a target whose upper end is compared with the guideline's verified targets (checks/bp-target/range.ts).
 * Only when the sentence has a target or recommendation word before the band, a systolic word, and no current
 * reading ("目前", "currently", "your … averages"): the band is what the guideline asks for, not what the patient has.
 */
import { ageIn, type Discourse } from './discourse.ts';
import { guidelineAt } from './extract-bp-guidelines.ts';
import { HEDGED, population, TREATED, UNCARRIED } from './extract-bp-words.ts';
import type { TargetData } from './types.ts';

const BAND =
  /(?<![\d./])(\d{3})\s*(?:[–—~～-]|to|至|到)\s*(\d{3})(?!\d|\.\d|\s*\/|\s*(?:岁|years?|mL|mg|%))/gi;
const CUE =
  /\btargets?\b|\bgoals?\b|\baim(?:s|ing)? (?:at|for)\b|\brecommend(?:s|ed|ing)?\b|\badvis(?:es|ed)\b|目标|建议|推荐|降到|降至|降低到|降低至/i;
const SUFFICES =
  /即可|就可以了?|就行|为宜|就够了?|不必再|无需再|\b(?:is|are|would be) (?:enough|sufficient|adequate|fine)\b/i;
const KEPT = new RegExp(`${CUE.source}|控制在|维持在|保持在|\\bkeep(?:ing)?\\b|\\bmaintain(?:ing)?\\b`, 'i');
const SYSTOLIC = /systolic|\bSBP\b|收缩压|高压/i;
const NOT_A_TARGET =
  /目前|现在|当前|currently|\bnow\b|\baverag\w*|平均|测得|读数|\breading|\bwas\b|\bmeasured\b|range of|范围为|正常高值|high-normal|elevated|grade|stage|级|期/i;
/** "as for younger adults", "和年轻人一样", "与年轻人相同". */
const AS_FOR_YOUNGER =
  /\b(?:as|like|same as) (?:for |in |with )?(?:the )?younger (?:adults|patients|people)\b|(?:和|与|同)(?:年轻人|中青年|年轻患者)(?:一样|相同|一致)/i;
/** "a patient of 85", "a woman of 78": an age the shared reader leaves. */
const AGE_OF = /\b(?:patient|man|woman|person|someone|adult|individual)s? (?:of|aged) (\d{2})\b/i;

export function systolicBandTarget(text: string, d: Discourse): TargetData | undefined {
  const t = text.normalize('NFKC');
  // "收缩压控制在140–150 mmHg之间即可" / "keeping it within 140–150 is enough": a band said to suffice is a target.
  const cueRe = SUFFICES.test(t) ? KEPT : CUE;
  if (!SYSTOLIC.test(t) || !cueRe.test(t) || HEDGED.test(t) || UNCARRIED.test(t) || TREATED.test(t))
    return undefined;
  for (const m of t.matchAll(BAND)) {
    const lo = Number(m[1]);
    const hi = Number(m[2]);
    if (lo < 100 || hi > 170 || hi - lo < 5 || hi - lo > 20) continue;
    const before = t.slice(Math.max(0, (m.index as number) - 48), m.index);
    const cue = cueRe.exec(before);
    if (!cue || NOT_A_TARGET.test(before.slice(cue.index)) || !SYSTOLIC.test(before)) continue;
    const guideline = guidelineAt(t, m.index as number) ?? d.guideline;
    if (!guideline) return undefined;
    const p = population(t, d);
    const age = p.age ?? (AGE_OF.exec(t) ? Number(AGE_OF.exec(t)![1]) : (ageIn(t) ?? d.age));
    // "120–129 for those aged 80 and over, as for younger adults": the younger adults' target (<130) is claimed for
    // the older band, not a lower refinement of its own (REFERENCE §7.2: 18–64 <130/80 [V2], ≥80 <150 [V1]).
    if (AS_FOR_YOUNGER.test(t))
      return { guideline, sbp: hi + 1, population: { ...p, ...(age !== undefined ? { age } : {}) } };
    return {
      guideline,
      sbp: hi,
      sbpBand: [lo, hi],
      population: { ...p, ...(age !== undefined ? { age } : {}) },
    };
  }
  return undefined;
}
