/** Dose claims against the drug's renal rules and the patient's renal function (eGFR / creatinine clearance). */
import { sourceOf } from '@qihuang/drug-knowledge';
import { neutral, renalVerified } from '../../honesty.ts';
import { drugName, say } from '../../i18n.ts';
import type { GuardCheck, Verdict } from '../../types.ts';

export const renalDose: GuardCheck = {
  id: 'renal-dose',
  kinds: ['dose'],
  check(claim, context): Verdict | undefined {
    const d = claim.dose;
    // Patient values from the request, else those the answer itself states ("CrCl 18 mL/min").
    const p = { ...(claim.context ?? {}), ...(context.patient ?? {}) } as { egfr?: number; crcl?: number };
    if (!d || (p.egfr === undefined && p.crcl === undefined)) return undefined;
    const daily = d.perDay
      ? (d.amountMaxMg ?? d.amountMg)
      : (d.amountMaxMg ?? d.amountMg) * (d.timesPerDay ?? 1);
    for (const rule of d.drug.renal ?? []) {
      const value = rule.measure === 'eGFR' ? (p.egfr ?? p.crcl) : (p.crcl ?? p.egfr);
      if (value === undefined || value >= rule.below || (rule.atLeast !== undefined && value < rule.atLeast))
        continue;
      const measured =
        rule.measure === 'eGFR'
          ? p.egfr !== undefined
            ? 'eGFR'
            : 'CrCl (used for eGFR)'
          : p.crcl !== undefined
            ? 'CrCl'
            : 'eGFR (used for CrCl)';
      const evidence = [
        { source: sourceOf(rule.source).label, text: rule.text[context.lang] },
        { source: say(context.lang, '患者', 'patient'), text: `${measured} ${Math.round(value)}` },
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
            `${measured} ${Math.round(value)}（<${rule.below}）时${rule.action === 'avoid' ? '应避免使用' : '禁用'}${name}`,
            `${name} is to be ${rule.action === 'avoid' ? 'avoided' : 'not used'} at ${measured} ${Math.round(value)} (<${rule.below})`,
          ),
        };
      }
      if (rule.maxDaily !== undefined && daily > rule.maxDaily) {
        return {
          verdict: 'contradicted',
          evidence,
          reason: say(
            context.lang,
            `${name}：${measured} ${Math.round(value)} 时每日最大 ${rule.maxDaily} mg，所述每日 ${daily} mg 超量`,
            `${name}: ${daily} mg/day exceeds the renal maximum ${rule.maxDaily} mg/day at ${measured} ${Math.round(value)}`,
          ),
        };
      }
    }
    return undefined;
  },
};
