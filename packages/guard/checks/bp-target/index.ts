/**
 * Treatment targets stated for a guideline and population, checked against the blood-pressure engine (targetFor).
 * Only targets REFERENCE §7 marks as verified can contradict a claim; the others give "unverifiable" with a
 * neutral reason. Without a known age the age bands are tried in turn.
 */
import {
  targetFor,
  type Guideline,
  type Target,
  type TargetPopulation,
} from '@qihuang/engines/blood-pressure';
import { sourceName } from '@qihuang/drug-knowledge';
import type { GuardCheck, Verdict } from '../../types.ts';
import { guidelineName, say } from '../../i18n.ts';
import { bandVerdict } from './range.ts';
import { targetVerified } from './verified.ts';

/** The guideline's targets as users read their name (drug-knowledge sources/user-names.ts, never "§"). */
const SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'bp-target-acc-aha-2017', // ACC/AHA 2017 §8.1.5
  'esh-2023': 'bp-target-esh-2023',
  'china-2018': 'bp-target-china-2018',
  'china-2024': 'bp-target-china-2024',
};

const show = (t: { sbp: number; dbp?: number }) => `<${t.sbp}${t.dbp ? `/${t.dbp}` : ''}`;

/** The target's rule in the answer's language, its value stated once ("一般成人:<130/80"). */
function ruleText(target: Target, lang: 'zh' | 'en'): string {
  const rule = target.display?.[lang] ?? target.rule;
  if (/\p{Script=Han}/u.test(rule) !== (lang === 'zh')) return show(target);
  return rule.includes(show(target)) ? rule : `${rule}: ${show(target)}`;
}

/** ACC/AHA 2017 §8.1.5: older adults with a high comorbidity burden / limited life expectancy — clinical judgement. */
const JUDGEMENT =
  /frail|comorbidit|life expectancy|clinical judg(?:e)?ment|衰弱|合并症较多|多种合并症|预期寿命|临床判断/i;

export const bpTarget: GuardCheck = {
  id: 'bp-target',
  kinds: ['bp-target'],
  check(claim, context): Verdict | undefined {
    const t = claim.target;
    const g = t?.guideline ?? context.guideline;
    if (!t || !g) return undefined;
    const ages = t.population.age !== undefined ? [t.population.age] : [50, 70, 85];
    const variants: { target: Target; tolerated: boolean; verified: boolean; compareDbp: boolean }[] = [];
    for (const age of ages)
      // "from the start": the first target only (extract-bp-words.ts), not the one if tolerated.
      for (const tolerated of t.population.tolerated === false ? [false] : [false, true]) {
        const p: TargetPopulation = {
          age,
          ...(t.population.diabetes ? { diabetes: true } : {}),
          ...(t.population.ckd ? { ckd: true } : {}),
          ...(t.population.proteinuria ? { proteinuria: true } : {}),
          tolerated,
        };
        const target = targetFor(g, p, t.setting ?? 'office');
        if (variants.some((v) => v.target.rule === target.rule)) continue;
        const v = targetVerified(g, p);
        const judgement = g === 'acc-aha-2017' && JUDGEMENT.test(claim.text);
        variants.push({ target, tolerated, ...v, verified: v.verified && !judgement });
      }
    const lang = context.lang;
    const name = guidelineName(g, lang);
    const NEUTRAL_T = say(
      lang,
      `${name}：没有经核实的指南数值可用于核查此目标`,
      `${name}: no verified guideline value to check this target against`,
    );
    const evidence = variants.map((v) => ({
      source: sourceName(SOURCE[g], lang),
      text: ruleText(v.target, lang),
    }));
    const targets = [...new Set(variants.map((v) => show(v.target)))];
    const matches = (v: (typeof variants)[number]) =>
      Math.round(v.target.sbp) === t.sbp &&
      (!v.compareDbp ||
        t.dbp === undefined ||
        v.target.dbp === undefined ||
        Math.round(v.target.dbp) === t.dbp);
    // A systolic band ("a systolic of 140–149"): its upper end against the verified targets (range.ts).
    if (t.sbpBand && !t.negated) return bandVerdict(t.sbpBand, variants, name, lang, evidence, NEUTRAL_T);
    const hit = variants.find(matches);
    // "advises against going below 130/80 even if tolerated", "<140/90 is not enough": denying a verified target of
    // this population is wrong; denying any other value says nothing checkable.
    if (t.negated)
      return hit?.verified
        ? {
            verdict: 'contradicted',
            evidence,
            reason: say(
              lang,
              `${name}对该人群的降压目标包括 ${show(hit.target)}`,
              `${name} does recommend ${show(hit.target)} for this population`,
            ),
          }
        : { verdict: 'unverifiable', evidence, reason: NEUTRAL_T };
    if (hit)
      return hit.verified
        ? {
            verdict: 'supported',
            evidence,
            reason: say(
              lang,
              `${name}：目标 ${show(hit.target)} 正确`,
              `${name}: ${/\p{Script=Han}/u.test(hit.target.rule) ? `target ${show(hit.target)}` : hit.target.rule}`,
            ),
          }
        : {
            verdict: 'unverifiable',
            evidence,
            reason: NEUTRAL_T,
          };
    // No match: contradicted when every candidate is verified, or when the stated target is looser than the
    // verified usual target (the unverified options are all "if tolerated", i.e. stricter).
    const base = variants.filter((v) => !v.tolerated);
    const allVerified = variants.every((v) => v.verified);
    const looser = base.length > 0 && base.every((v) => v.verified && t.sbp > v.target.sbp);
    if (allVerified || looser)
      return {
        verdict: 'contradicted',
        evidence,
        reason: say(
          lang,
          `${name}的降压目标为 ${targets.join(' 或 ')}，而非 ${show(t)}`,
          `${name} target is ${targets.join(' or ')}, not ${show(t)}`,
        ),
      };
    return {
      verdict: 'unverifiable',
      evidence,
      reason: NEUTRAL_T,
    };
  },
};
