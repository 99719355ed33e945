/**
 * The words of blood-pressure frames (extract-bp.ts): value pairs, threshold/target/upper-bound cues, treated and
 * current readings, changes, and the population a target is stated for (age, diabetes, CKD, proteinuria, tolerance).
 */
import { analyze } from '@qihuang/clinical-language';
import { ageIn, type Discourse } from './discourse.ts';
import { clauseAge } from './extract-bp-age-bands.ts';
import { RANGE } from './extract-bp-axis.ts';
import { ageShorthand } from './extract-bp-frames.ts';
import type { TargetData } from './types.ts';
import { hasRelation, relationRegex } from './relation-lexicon.ts';

export const PAIR = new RegExp(
  String.raw`(<|＜|≤)?\s*(\d{2,3})(?:${RANGE}(\d{2,3}))?\s*\/\s*(<|＜|≥|>=|>)?\s*(\d{2,3})(?:${RANGE}(\d{2,3})(?!\s*\/))?(?!\d)`,
  'g',
);
export const THRESHOLD_BEFORE =
  /(≥|>=|≧|＞|>|at least|starts? at|begins? at|from|(?:is |are )?diagnosed (?:at|from)|threshold(?: of| is| at)?|cut-?off|起点|为≥|标准为|mean of ≥)\s*(?:a |the )?(?:mean |average )?(?:of )?$/i;
export const THRESHOLD_AFTER =
  /^\s*(?:mmHg)?\s*(?:or (?:more|higher|above)|and above|及以上|以上|或以上|或更高|起|(?:[\w-]+\s+){0,2}(?:threshold|cut-?off)|的?(?:诊断)?(?:标准|阈值))/i;
export const QUALIFIED =
  /severe|重度|急症|亚急症|emergenc|urgenc|crisis|危象|pregnan|妊娠|孕|pre-?eclampsia|子痫|isolated|单纯|resistant|难治|white[- ]coat|白大衣|masked|隐匿|隐蔽|secondary|继发/i;
export const NOT_THIS_GUIDELINE =
  /(?:而不是|而非|并非|不是)[^，。,;；]{0,6}(?:《)?(?:中国|ESH|ACC|欧洲|美国)[^，。,;；]{0,12}指南|(?:rather than|not|instead of) (?:the )?(?:China|Chinese|ESH|ACC\/AHA)[^,.;]{0,12}(?:guideline|20\d\d)/i;
/** Guidelines the guard does not carry: values in their clause are not checked against a carried one. */
export const UNCARRIED =
  /临床实践指南|\bClinical Practice Guideline|\b(?:China|Chinese)\s+CPG\b|\bCPG\s*2022|\bJNC\s*\d|\bNICE\b|\bISH\s*20\d\d|ESC\s*\/\s*ESH\s*2018|ESH\s*2018|\bESC\s*20\d\d|(?:AHA\s*\/\s*ACC|ACC\s*\/\s*AHA)\s*2025|2025\s*(?:AHA|ACC)/i;
export const clauseOf = (t: string, at: number): string => {
  const stops = /[，,；;。:：]|而/g;
  let from = 0;
  let to = t.length;
  for (const m of t.matchAll(stops)) {
    const i = m.index as number;
    if (i < at) from = i + 1;
    else if (i >= at) {
      to = i;
      break;
    }
  }
  return t.slice(from, to);
};
/** Treatment initiation (one drug or two): an upper bound in such a sentence ("monotherapy below 150/95", "单药起始
 * …<150/95") decides the first step (ESH 2023 §7.2), it is not a category's upper edge. */
export const INITIATION =
  /单药|一种药|一个药|两种药|两药|三药|单片复方|monotherapy|single[- ](?:drug|agent|pill)|\bone (?:drug|medicine|agent)\b|\btwo (?:drugs|medicines|agents)\b|dual therapy|combination therapy|two-drug/i;
/** "…corresponds to office stage 1": the out-of-office value is that setting's diagnostic threshold. */
export const CORRESPONDS_TO_STAGE_1 =
  /(?:correspond\w*|equivalent|equates?)\s+(?:to\s+)?(?:an?\s+)?(?:office\s+|clinic\s+)?(?:stage|grade)\s*(?:1|I)\b|(?:相当于|对应于?)\s*诊室\s*(?:血压)?\s*(?:的)?\s*1\s*级/i;
export const CORRESPOND = /correspond|equivalent|equates? to|相对应|对应|相当于|等同于/i;
export const TREATED =
  /on (?:treatment|medication|therapy|antihypertensive)|treated|known hypertension|already diagnosed|服药|治疗中|正在治疗|已确诊|已诊断|降压治疗|用药后|\bpatients? (?:who (?:is|are) )?on [a-z]+|\btaking\b|服用[^，。]*降压药|已服[^，。]{0,8}(?:降压)?药|在服用|\bon (?:two|three|four|\d|several|multiple|both) (?:drugs|medications|medicines|agents|pills)|\bstill (?:has|have|is|are) (?:hypertension|hypertensive)|仍(?:然)?(?:诊断为|属于|是|为|有)高血压/i;
export const TARGET_BEFORE =
  /(?:<|＜|below|under|less than|lower than|低于|小于|降至|降到|控制在|控制于|控制到|降低至|降低到|达到|目标(?:值|血压)?(?:为|是)?|goal (?:of|is)|target (?:of|is))\s*(?:an? )?(?:office )?(?:BP )?(?:of )?$/i;
export const CURRENT =
  /(?:目前|现在|当前|已经|服药后|用药后|治疗后|currently|now|has been|have been)[^，。,;；]{0,12}$/i;
export const CHINA_FAMILY =
  /(?:中国|我国)[^，。,;；]{0,10}指南|Chinese[^,.;]{0,24}guideline|China'?s?[^,.;]{0,12}guideline/i;
export const UPPER_BEFORE = /(?:<|＜|≤|below|under|less than|lower than|低于|小于|不到)\s*$/i;
export const CONTRAST =
  /\b(?:even though|although|though|whereas|while|but|however|unlike)\b|虽然|尽管|但是|但|不过|然而|而/i;
export const HEDGED = /\b(?:may|might|could|can)\s+(?:still\s+)?be\b|可能|或许|也许/i;
export const CHANGED_FROM = /(?:\bfrom|从|由)\s*$/i;
export const CHANGED_TO =
  /\b(?:lower(?:ed|s)?|rais(?:ed|es)|chang(?:ed|es)|revis(?:ed|es)|mov(?:ed|es)|reduc(?:ed|es)|shift(?:ed|s)?)\b[^.]*\bto\b|下调|上调|调整为|调整到|改为|改成|降到|降至|降低到|提高到|变为/i;
export const TARGET_AFTER = /^\s*(?:mmHg)?\s*(?:以下|之下)/i;
/** Target words of this reader and of the shared relation lexicon (relation-lexicon.ts). */
export const TARGET_WORD = new RegExp(
  `${/target|\bsatisfied (?:once|when|if|as soon as)\b|\b(?:below|under) \d{2,3}\s*\/\s*\d{2,3}(?:\s*mmHg)? (?:first|initially)\b|goal|\baim(?:s|ing)?\b|\b(?:get|got|keep|kept|bring|brought) (?:\w+ ){0,2}(?:BP|blood pressure|pressure)\b|\b(?:BP|pressure|systolic|SBP|diastolic|DBP) (?:below|under) [^.;]{0,40}\b(?:adequate|enough|sufficient|acceptable)\b|\b(?:be|been) (?:brought|kept|got|gotten) (?:down )?(?:below|under|to)\b|treat(?:ed)? to|lower(?:s|ed|ing)?\b|bring|reduc(?:e|ed|ing)|目标|控制在|控制到|降至|降到|控制于|降低至|降低到|应降|以下|达标|\bat (?:goal|target)\b|\b(?:get|gets|getting|stay|stays|staying|keep|keeps|keeping|come|comes|reach|reaches|reaching) (?:\w+ ){0,2}(?:under|below)\b/i.source}|${relationRegex('target').source}`,
  'i',
);
export const SBP_ONLY =
  /(?:systolic|SBP|收缩压)[^0-9。;；]{0,24}?(?:<|＜|below|under|less than|低于|小于)\s*(\d{2,3})(?!\d|\s*\/)|(?:<|＜|below|under)\s*(\d{2,3})\s*(?:mmHg)?\s*(?:systolic|SBP|收缩压)|(?:收缩压)[^0-9。;；，,]{0,12}?(?:降到|降至|控制在|控制到|降低到|降低至)\s*(\d{2,3})\s*(?:mmHg)?\s*(?:以下|之下)/i;

export function population(text: string, d: Discourse, at?: number): TargetData['population'] {
  // Several age bands in the sentence: the one of the value's own clause (extract-bp-age-bands.ts).
  const band = at === undefined ? undefined : clauseAge(text, at);
  const age =
    band?.age ??
    ageIn(text) ??
    ageShorthand(text) ??
    (/\bgeneral\b(?! ly)|most (?:adults|patients)|一般(?:高血压)?患者/i.test(text) ? 50 : d.age);
  // Conditions through the clinical-language package: "无糖尿病" / "without diabetes" is not diabetes.
  const affirmed = new Set<string>();
  if (/diabet|糖尿病|CKD|kidney|肾/i.test(text))
    for (const m of analyze(text).mentions)
      if (!m.modifiers.negated && !m.modifiers.hypothetical) affirmed.add(m.concept);
  const ckdWords = /\bCKD\b|chronic kidney|慢性肾脏病|慢性肾病|肾病/i.test(text);
  return {
    ...(age !== undefined ? { age } : {}),
    ...(affirmed.has('diabetes') || d.diabetes ? { diabetes: true } : {}),
    ...((ckdWords && (affirmed.has('ckd') || !/无|没有|without|no /i.test(text))) || d.ckd
      ? { ckd: true }
      : {}),
    ...(/proteinuria|albuminuria|蛋白尿/i.test(text) && !/无蛋白尿|without proteinuria/i.test(text)
      ? { proteinuria: true }
      : d.proteinuria
        ? { proteinuria: true }
        : {}),
    ...qualifier(text, band, at),
  };
}

/**
 * The first / if-tolerated qualifier of a target, read from the shared relation lexicon (relation-lexicon.ts) and
 * scoped to the value's own clause ("the initial goal is below 140/90, then below 130/80 if tolerated"): a clause with
 * one qualifier decides; otherwise the sentence's ("If tolerated, lower it to 130/80"), "if tolerated" first.
 */
function qualifier(
  text: string,
  band: { tolerated: boolean } | undefined,
  at: number | undefined,
): { tolerated?: boolean } {
  if (band)
    return band.tolerated ? { tolerated: true } : hasRelation(text, 'first') ? { tolerated: false } : {};
  if (at !== undefined) {
    const from = Math.max(...[...'，,；;。'].map((c) => text.lastIndexOf(c, at)));
    const ends = [...'，,；;。'].map((c) => text.indexOf(c, at)).filter((x) => x >= 0);
    const clause = text.slice(from + 1, ends.length ? Math.min(...ends) : text.length);
    const tol = hasRelation(clause, 'tolerated');
    const first = hasRelation(clause, 'first');
    if (tol !== first) return { tolerated: tol };
  }
  if (hasRelation(text, 'tolerated')) return { tolerated: true };
  return hasRelation(text, 'first') ? { tolerated: false } : {};
}
