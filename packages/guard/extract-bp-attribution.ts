/**
 * Categories credited to a guideline without any value ('The categories "optimal", "normal" and "high-normal" come
 * from the ACC/AHA 2017 guideline', "“正常高值”这一分类出自ACC/AHA 2017"): each category named is a claim about that
 * guideline's own office categories (REFERENCE §1.1–§1.4, read from the engine by the bp-threshold check). A
 * denied attribution ("does not come from", "并非来自") or a sentence with values is left to the frame reader.
 */
import { categoriesIn } from './extract-bp-categories.ts';
import { guidelinesIn } from './extract-bp-guidelines.ts';
import type { BpData } from './types.ts';

/** The category is credited to the guideline ("comes from", "is an ACC/AHA term", "出自", "是…的分类"), or listed as
 * one of the guideline's categories ("ESH 2023 has only four categories: …", "中国2018分为以下几类"). */
const CREDITED =
  /\b(?:has|have|uses?|includes?|lists?)\s+(?:only\s+)?(?:(?:two|three|four|five|six|seven|\d)\s+)?(?:(?:BP|blood[- ]pressure|office)\s+)?categor(?:y|ies)\b|(?:只有|共有|有|分为|包括)[^，。；;]{0,4}?(?:[二两三四五六七八九\d]+)?(?:个|种|类)?(?:血压)?(?:分类|类别)|\b(?:comes?|came|are|is|were|was)\s+(?:originally\s+)?from\b|\boriginat\w*\s+(?:in|from|with)\b|\b(?:defined|introduced|used|coined)\s+(?:in|by)\b|\bbelongs?\s+to\b|来自|源自|出自|源于|是[^，。；;]{0,24}(?:的|中的)(?:分类|类别|术语|说法|概念)|属于[^，。；;]{0,24}的(?:分类|类别)|(?:提出|定义|使用|采用)(?:了)?(?:的|这些|这个|该)?(?:分类|类别|术语)/i;
/** The sentence talks about categories as terms: quoted or named as such. */
const AS_TERMS = /["“”「」『』]|\bcategor(?:y|ies)\b|\bterms?\b|\blabels?\b|分类|类别|术语|说法/i;
const DENIED =
  /\bnot\b|n't\b|\bnever\b|\bneither\b|\bno longer\b|不是|并非|并不|没有|不属于|不用|不使用|未使用|而非|而不是/i;
const CONTRAST = /\bwhereas\b|\bwhile\b|\bbut\b|\bhowever\b|\bunlike\b|[;；]|而|但|不过|然而/i;
const VALUE = /\d{2,3}\s*\/\s*\d{2,3}|\d{2,3}\s*[–-]\s*\d{2,3}|mmHg/i;

export function categoryAttributionsIn(text: string): BpData[] {
  const t = text.normalize('NFKC');
  if (VALUE.test(t) || !AS_TERMS.test(t) || !CREDITED.test(t) || DENIED.test(t)) return [];
  const gs = guidelinesIn(t);
  if (gs.length !== 1) return [];
  // 'The term "elevated" is from ACC/AHA 2017, whereas ESH uses "high-normal"': only the stretch that names the
  // guideline credits its categories to it.
  const stretches = t.split(CONTRAST);
  const own = stretches.filter((x) => guidelinesIn(x).length);
  if (own.length !== 1) return [];
  const seen = new Set<string>();
  const out: BpData[] = [];
  for (const c of categoriesIn(own[0]!)) {
    if (c.negated || c.category === 'hypertension' || seen.has(c.category)) continue;
    seen.add(c.category);
    out.push({
      guideline: gs[0]!,
      category: c.category,
      setting: 'office',
      form: 'range',
      lowerBoundOnly: false,
    });
  }
  return out;
}
