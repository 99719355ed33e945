/** Dose claims against the drug's renal rules and the patient's renal function (eGFR / creatinine clearance). */
import { sourceName } from '@qihuang/drug-knowledge';
import { neutral, renalVerified } from '../../honesty.ts';
import { renalIn } from '../../discourse.ts';
import { drugName, say } from '../../i18n.ts';
import type { GuardCheck, Verdict } from '../../types.ts';

const OTHER_FUNCTION =
  /normal renal|normal kidney|肾功能正常|正常肾功能|(?:CrCl|eGFR|GFR|肌酐清除率)\s*(?:>|≥|>=|above|over|高于|大于)/i;
/** A dialysis population named in the sentence: "the usual start" is the one for that renal function. */
const DIALYSIS = /透析|dialysis/i;
const USUAL = /常规|一般|通常|\busual(?:ly)?\b|\bnormally\b|\btypical(?:ly)?\b/i;
/** "可以按常规从每天 5 mg 开始", "can be started as usual at …": the usual start applied to this patient. */
const APPLIED_USUAL =
  /按(?:照)?常规|照常|\bas usual\b|\bthe usual (?:start(?:ing)? )?dose (?:is fine|can be used|applies)/i;
const SAME =
  /same as|\bstill\b|仍|no (?:renal |dose )?(?:adjustment|reduction)|无需(?:调整|减量)|不需要?(?:调整|减量)/i;

/**
 * "At an eGFR of 27 you can start benazepril at the usual 10 mg": the usual dose is applied to the renal function
 * the sentence states (one amount, a permission) — not general information.
 */
function appliedHere(text: string): boolean {
  const r = renalIn(text, true);
  return (
    (r.egfr !== undefined || r.crcl !== undefined) &&
    (text.match(/\d+(?:\.\d+)?\s*(?:mg|毫克)(?![a-z])/gi) ?? []).length === 1 &&
    /\b(?:can|may|could)\b|可以|可/i.test(text)
  );
}

export const renalDose: GuardCheck = {
  id: 'renal-dose',
  kinds: ['dose'],
  check(claim, context): Verdict | undefined {
    const d = claim.dose;
    // Patient values from the request, else those the answer itself states ("CrCl 18 mL/min").
    // A clause about another patient of the answer ("乙…CrCl约26") is checked with that patient's own values.
    const p = (
      claim.context?.otherPatient ? claim.context : { ...(claim.context ?? {}), ...(context.patient ?? {}) }
    ) as { egfr?: number; crcl?: number };
    // "For a patient on haemodialysis, start lisinopril at …": without a value, a dialysis population is the band
    // whose own rule text names dialysis (drug-knowledge, e.g. lisinopril "CrCl <10 or haemodialysis").
    const onDialysis = p.egfr === undefined && p.crcl === undefined && DIALYSIS.test(claim.text);
    if (!d || (p.egfr === undefined && p.crcl === undefined && !onDialysis)) return undefined;
    const daily = d.perDay
      ? (d.amountMaxMg ?? d.amountMg)
      : (d.amountMaxMg ?? d.amountMg) * (d.timesPerDay ?? 1);
    for (const rule of d.drug.renal ?? []) {
      const value = onDialysis
        ? DIALYSIS.test(`${rule.text.en} ${rule.text.zh}`)
          ? 0
          : undefined
        : rule.measure === 'eGFR'
          ? (p.egfr ?? p.crcl)
          : (p.crcl ?? p.egfr);
      if (value === undefined || value >= rule.below || (rule.atLeast !== undefined && value < rule.atLeast))
        continue;
      const measured =
        rule.measure === 'eGFR'
          ? p.egfr !== undefined
            ? 'eGFR'
            : say(context.lang, 'CrCl（代替 eGFR）', 'CrCl (used for eGFR)')
          : p.crcl !== undefined
            ? 'CrCl'
            : say(context.lang, 'eGFR（代替 CrCl）', 'eGFR (used for CrCl)');
      const where = onDialysis
        ? say(context.lang, '血液透析', 'the dialysis band')
        : `${measured} ${Math.round(value)}`;
      const evidence = [
        { source: sourceName(rule.source, context.lang, d.drug.names), text: rule.text[context.lang] },
        { source: say(context.lang, '患者', 'patient'), text: `${where}` },
      ];
      const name = drugName(d.drug, context.lang);
      const applies =
        rule.action === 'contraindicated' ||
        rule.action === 'avoid' ||
        (rule.maxDaily !== undefined && daily > rule.maxDaily);
      if (applies && !renalVerified(d.drug, rule))
        return { verdict: 'unverifiable', evidence, reason: `${name}: ${neutral(context.lang)}` };
      if (rule.action === 'contraindicated' || rule.action === 'avoid') {
        return {
          verdict: 'contradicted',
          evidence,
          reason: say(
            context.lang,
            `${where}（<${rule.below}）时${rule.action === 'avoid' ? '应避免使用' : '禁用'}${name}`,
            `${name} is to be ${rule.action === 'avoid' ? 'avoided' : 'not used'} at ${where} (<${rule.below})`,
          ),
        };
      }
      // A starting dose above the renal starting dose (drug knowledge base `startMg`, e.g. lisinopril CrCl 10–30
      // start 5 mg) — unless the sentence is about another renal function ("in normal renal function").
      if (
        d.statesStart &&
        rule.startMg !== undefined &&
        d.amountMg > rule.startMg &&
        // "常规起始剂量为 5 mg/日" / "the usual start is 10 mg": the general dose, unless said to apply unchanged here.
        !(
          (OTHER_FUNCTION.test(claim.text) ||
            (USUAL.test(claim.text) &&
              !appliedHere(claim.text) &&
              !APPLIED_USUAL.test(claim.text) &&
              !DIALYSIS.test(claim.text))) &&
          !SAME.test(claim.text) &&
          !d.noAdjustmentSaid
        )
      ) {
        if (!renalVerified(d.drug, rule))
          return { verdict: 'unverifiable', evidence, reason: `${name}: ${neutral(context.lang)}` };
        return {
          verdict: 'contradicted',
          evidence,
          reason: say(
            context.lang,
            `${name}：${where} 时起始剂量为 ${rule.startMg} mg，而非 ${d.amountMg} mg`,
            `${name}: the starting dose at ${where} is ${rule.startMg} mg, not ${d.amountMg} mg`,
          ),
        };
      }
      if (rule.maxDaily !== undefined && daily > rule.maxDaily) {
        return {
          verdict: 'contradicted',
          evidence,
          reason: say(
            context.lang,
            `${name}：${where} 时每日最大 ${rule.maxDaily} mg，所述每日 ${daily} mg 超量`,
            `${name}: ${daily} mg/day exceeds the renal maximum ${rule.maxDaily} mg/day at ${where}`,
          ),
        };
      }
    }
    return otherBand(claim, context, p);
  },
};

/** Another reason for a low start named beside the renal value (age, frailty, volume, sodium, a diuretic). */
const OTHER_REASON =
  /\belder|\bolder\b|\bfrail|\bvolume|\bdehydrat|hyponatr|\bsodium\b|diuretic|\bheart failure\b|老年|高龄|虚弱|衰弱|血容量|脱水|低钠|利尿|心衰|心力衰竭/i;

/**
 * "CrCl ≈ 13, so lisinopril must start at 2.5 mg" / "CrCl about 36, so … start at 5 mg": a start, tied to the renal
 * value its own sentence states, that is the starting dose of another renal band (drug knowledge `startMg`, REFERENCE
 * §5.3) — the wrong band applied. Not when a diuretic is taken alongside (its own lower start) or when the amount is
 * also the start of the band that applies.
 */
function otherBand(
  claim: Parameters<GuardCheck['check']>[0],
  context: Parameters<GuardCheck['check']>[1],
  p: { egfr?: number; crcl?: number },
): Verdict | undefined {
  const d = claim.dose;
  if (!d?.statesStart || d.with?.length || d.amountMaxMg !== undefined) return undefined;
  const stated = renalIn(claim.text, true);
  if (stated.egfr === undefined && stated.crcl === undefined) return undefined;
  if (OTHER_FUNCTION.test(claim.text) || DIALYSIS.test(claim.text) || OTHER_REASON.test(claim.text))
    return undefined;
  const rules = d.drug.renal ?? [];
  const valueFor = (r: (typeof rules)[number]) =>
    r.measure === 'eGFR' ? (p.egfr ?? p.crcl) : (p.crcl ?? p.egfr);
  const inBand = (r: (typeof rules)[number]) => {
    const v = valueFor(r);
    return v !== undefined && v < r.below && (r.atLeast === undefined || v >= r.atLeast);
  };
  const applying = rules.filter(inBand);
  if (applying.some((r) => r.startMg === d.amountMg)) return undefined;
  if (!applying.length && d.drug.dose?.adultStart === d.amountMg) return undefined;
  const wrong = rules.find((r) => !inBand(r) && r.startMg === d.amountMg && valueFor(r) !== undefined);
  if (!wrong || !renalVerified(d.drug, wrong)) return undefined;
  const name = drugName(d.drug, context.lang);
  const value = Math.round(valueFor(wrong) as number);
  const measure = p.crcl !== undefined ? 'CrCl' : 'eGFR';
  const right = applying.find((r) => r.startMg !== undefined);
  return {
    verdict: 'contradicted',
    evidence: [
      { source: sourceName(wrong.source, context.lang, d.drug.names), text: wrong.text[context.lang] },
      ...(right
        ? [{ source: sourceName(right.source, context.lang, d.drug.names), text: right.text[context.lang] }]
        : []),
      { source: say(context.lang, '患者', 'patient'), text: `${measure} ${value}` },
    ],
    reason: say(
      context.lang,
      `${name}：起始 ${d.amountMg} mg 属于另一肾功能区间（${wrong.text.zh}），不适用于 ${measure} ${value}`,
      `${name}: a ${d.amountMg} mg start belongs to another renal band (${wrong.text.en}), not to ${measure} ${value}`,
    ),
  };
}
