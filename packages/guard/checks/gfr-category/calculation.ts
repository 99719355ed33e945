/**
 * An eGFR or CrCl the answer computed from the patient's numbers, recomputed with the renal-function engine
 * (REFERENCE §4.1 CKD-EPI 2021 [V2]; §4.2 Cockcroft–Gault with its worked examples). Rounding of intermediate steps
 * is allowed for: a result within 3 % (or 1.5) of the engine's is supported, one more than 8 % (and 3) away is
 * contradicted; with the sex unknown, both sexes must disagree.
 */
import { cockcroftGault, egfrCkdEpi2021 } from '@qihuang/engines/renal-function';
import { say, type Lang } from '../../i18n.ts';
import type { Verdict } from '../../types.ts';
import type { RenalCalcData } from '../../extract-labs-calc.ts';

const SOURCE = {
  'ckd-epi-2021': 'CKD-EPI 2021 (Inker et al., NEJM 2021)',
  'cockcroft-gault': 'Cockcroft & Gault, Nephron 1976',
};

export function renalCalculation(c: RenalCalcData, lang: Lang): Verdict {
  const sexes = c.sex ? [c.sex] : (['female', 'male'] as const);
  const results = sexes.map((sex) => {
    const input = { creatinine: c.creatinine, unit: c.unit, age: c.age, sex };
    const value =
      c.equation === 'ckd-epi-2021'
        ? egfrCkdEpi2021(input).egfr
        : cockcroftGault({ ...input, weightKg: c.weightKg as number }).crcl;
    return { sex, value };
  });
  const diff = (v: number) => Math.abs(c.stated - v);
  const unitText = c.equation === 'ckd-epi-2021' ? 'mL/min/1.73 m²' : 'mL/min';
  const what = c.equation === 'ckd-epi-2021' ? 'eGFR' : 'CrCl';
  const shown = results
    .map((r) => {
      const who = say(lang, r.sex === 'female' ? '女性' : '男性', r.sex);
      const w = c.weightKg !== undefined && c.equation === 'cockcroft-gault' ? `, ${c.weightKg} kg` : '';
      return `${who}, ${c.age}${say(lang, ' 岁', ' y')}${w}, ${say(lang, '肌酐', 'creatinine')} ${c.creatinine} ${c.unit === 'mg/dL' ? 'mg/dL' : 'µmol/L'} → ${what} ${r.value.toFixed(1)} ${unitText}`;
    })
    .join('; ');
  const evidence = [{ source: SOURCE[c.equation], text: shown }];
  if (results.some((r) => diff(r.value) <= Math.max(1.5, 0.03 * r.value)))
    return {
      verdict: 'supported',
      evidence,
      reason: say(lang, `${SOURCE[c.equation]} 计算正确：${shown}`, `${SOURCE[c.equation]}: ${shown}`),
    };
  if (results.every((r) => diff(r.value) > Math.max(3, 0.08 * r.value)))
    return {
      verdict: 'contradicted',
      evidence,
      reason: say(
        lang,
        `${SOURCE[c.equation]}：${shown}，而非 ${c.stated}`,
        `${SOURCE[c.equation]}: ${shown}, not ${c.stated}`,
      ),
    };
  return {
    verdict: 'unverifiable',
    evidence,
    reason: say(lang, `${SOURCE[c.equation]}：${shown}`, `${SOURCE[c.equation]}: ${shown}`),
  };
}
