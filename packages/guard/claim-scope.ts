/**
 * Claim scope for the members of a drug claim (issue 18, docs/notes/guard-generalisation-2026-12-07.md mechanism 3):
 * the members are the drugs the claim's clause names or explicitly refers to.
 * - The patient's current medicines enter a claim that names two or more drugs of its own only through an explicit
 *   reference to them ("these", "both of these", "your medicines", "当前处方", "这两个药"); a claim that names one drug
 *   ("Ibuprofen is fine for you") is about adding it to what the patient takes, so they enter as its partners.
 * - A drug the clause negates or withholds ("do not add naproxen", "（无利尿剂）", "不要再加布洛芬") is no member of
 *   what the clause calls safe; negation is read by `@qihuang/clinical-language` (`modifiersAt`), a withholding
 *   verb from the relation lexicon (`relation-lexicon.ts`: a prohibition before a combine verb).
 * - A drug switched away from ("switched from lisinopril to valsartan", "把依那普利换成氯沙坦") is no member, and a
 *   current medicine named so in the sentence does not join.
 */
import { modifiersAt } from '@qihuang/clinical-language';
import { hasRelation, WITHHELD_BEFORE } from './relation-lexicon.ts';
import { TAKES } from './discourse.ts';
import type { Mention } from './types.ts';

const NEGATION_WORD = /不|没|无|未|非|勿|别|\bno\b|\bnot\b|n't|\bnever\b|\bwithout\b|\bnone\b/i;

/** An explicit reference to the patient's medicines. */
const REGIMEN_REFERENCE =
  /\b(?:these|those|both of (?:these|them)|either of (?:these|them)|all of (?:these|them))\b|\byour (?:current |other |usual |regular |blood[- ]pressure |BP )?(?:medicines?|medications?|meds|tablets?|pills?|drugs?|regimen|prescription|treatment)\b|\b(?:his|her|their|the patient's) (?:current |other |usual |regular )?(?:medicines?|medications?|meds|tablets?|pills?|drugs?|regimen|prescription)\b|\bwhat (?:you|he|she|they) (?:already )?(?:take|takes|are taking|is taking)\b|当前处方|目前处方|现有处方|(?:这|那)(?:两|二|三|几)(?:个|种|样)?药|这些药|(?:您|你|患者|他|她)(?:目前|现在|正在)?(?:吃|服用|在用|在吃|使用)的(?:药|降压药)|(?:现在|目前|正在)(?:吃|服用|用)的(?:药|降压药)|原有(?:的)?(?:药|用药|降压药)|现有(?:的)?(?:药|用药|降压药)/i;

export const refersToRegimen = (text: string): boolean => REGIMEN_REFERENCE.test(text);

/** "switched from X to Y", "from X over to Y", "X 换成 Y", "把 X 换成 Y", "X 改为 Y": X is the drug left. */
const SWITCH_FROM_BEFORE =
  /\b(?:switch(?:ed|es|ing)?|chang(?:ed|es|ing)|mov(?:ed|es|ing)|convert(?:ed|s|ing)?|transition(?:ed|s|ing)?)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+|your\s+|his\s+|her\s+)?$|\bfrom\s+(?:the\s+|your\s+|his\s+|her\s+)?$|(?:把|将|由|从)\s*$/i;
const SWITCH_FROM_AFTER =
  /^\s*(?:已经|已|都|也|先)?(?:换成|换为|改成|改为|改用|换用|转换为|转为)|^\s*(?:to|over to|across to)\b/i;
/** "依那普利已经改成缬沙坦": in Chinese the switch verb after the drug names the drug left, without "把/从" before
 * it — unless a dose follows ("改为每天 160 mg" changes the dose, not the drug). */
const ZH_SWITCHED_AFTER =
  /^\s*(?:已经|已|都|也|先)?(?:换成|换为|改成|改为|改用|换用|转换为|转为)\s*(?![\d每一二两三四五六七八九十半])/;

/** The mention is a drug switched away from in this text. */
export function switchedAway(text: string, m: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const after = text.slice(m.end, m.end + 16);
  return (SWITCH_FROM_BEFORE.test(before) && SWITCH_FROM_AFTER.test(after)) || ZH_SWITCHED_AFTER.test(after);
}

/**
 * A drug the clause negates or withholds ("just do not add naproxen", "（无利尿剂）", "without a diuretic", "但不要再加
 * 布洛芬"): not a member of what is called safe. A denied interaction ("has no interaction with X") keeps X: the
 * denial is the claim about X.
 */
export function withheld(text: string, m: { start: number; end: number }, clause: string): boolean {
  if (WITHHELD_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start))) return true;
  if (hasRelation(clause, 'no-interaction')) return false;
  // The modifier reader only when a negation word stands before the drug (it is the costly step).
  const at = text.indexOf(clause);
  const lead = text.slice(at >= 0 && at <= m.start ? at : Math.max(0, m.start - 24), m.start).toLowerCase();
  if (!NEGATION_WORD.test(lead)) return false;
  const [mod] = modifiersAt(text, [{ start: m.start, end: m.end, kind: 'drug' }]);
  if (mod?.modifiers.negated !== true) return false;
  // The negation must come before the drug in its clause ("do not add naproxen", "（无利尿剂）"); one after it
  // ("再加上布洛芬也没问题", "naproxen is no problem") denies a harm, it does not withhold the drug.
  return mod.cues
    .filter((c) => c.startsWith('negated:'))
    .some((c) => lead.includes(c.slice('negated:'.length).toLowerCase()));
}

/**
 * The patient's current medicines that join a claim: none when the claim names two or more drugs of its own and
 * the sentence does not refer to the patient's medicines; never one the sentence names as switched away from.
 */
export function joiningCurrent(
  text: string,
  said: Mention[],
  current: Mention[],
  mentions: Mention[],
  /** A class in the claim stands for drugs the patient takes ("NSAID+ACEI+利尿剂" for the patient's three). */
  byClass = false,
): Mention[] {
  const left = (c: Mention) =>
    mentions.some((m) => m.drug && c.drug && m.drug.id === c.drug.id && switchedAway(text, m));
  // "he also takes X", "您在用 X": a sentence about what the patient takes refers to the regimen.
  if (said.length >= 2 && !byClass && !refersToRegimen(text) && !TAKES.test(text)) return [];
  return current.filter((c) => !left(c));
}
