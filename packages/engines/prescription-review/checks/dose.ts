import { makeFinding } from '../finding.ts';
import type { Finding } from '../types.ts';
import type { CheckContext } from './context.ts';

/**
 * Dose range against the entry's adult dose facts: single dose > maxSingle, daily dose > maxDaily (critical when
 * ≥2× the maximum — a likely unit or decimal error). Older adults: dose above the labelled elderly start dose
 * (info). Children: adult facts only — reported as not checked (info).
 */
export function checkDose(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const age = ctx.patient.ageYears;
  for (const med of ctx.meds) {
    if (!med.subject || !med.drug?.dose || med.drug.components) continue;
    const dose = med.drug.dose;
    const zh = med.drug.names.zh;
    if (age !== undefined && age < 18) {
      out.push(
        makeFinding({
          ruleId: 'dose-paediatric-unchecked',
          type: 'dose',
          severity: 'info',
          summary: {
            en: `${med.label}: paediatric dose not checked (adult dose facts only)`,
            zh: `${zh}：未核对儿童剂量（仅有成人剂量数据）`,
          },
          detail: {
            en: 'The knowledge base holds adult doses only; check a paediatric reference.',
            zh: '知识库仅含成人剂量，请查阅儿科用药参考。',
          },
          meds: [med],
          facts: [`dose:${med.drug.id}`],
          source: dose.source,
        }),
      );
      continue;
    }
    if (med.doseMg === undefined) continue;
    const single = med.doseMg;
    const daily = med.dailyMg ?? single;
    const facts = [`dose:${med.drug.id}`, `ordered:${single}mg×${med.timesPerDay ?? '?'}/day`];
    if (dose.maxDaily !== undefined && daily > dose.maxDaily) {
      const severity = daily >= 2 * dose.maxDaily ? 'critical' : 'warning';
      out.push(
        makeFinding({
          ruleId: 'dose-above-max-daily',
          type: 'dose',
          severity,
          summary: {
            en: `${med.label} ${daily} mg/day exceeds the maximum ${dose.maxDaily} mg/day`,
            zh: `${zh} ${daily} mg/日，超过最大日剂量${dose.maxDaily} mg`,
          },
          detail: {
            en: `Usual adult daily dose ${dose.usualDaily?.join('–') ?? '?'} mg; maximum ${dose.maxDaily} mg/day.${dose.note ? ` ${dose.note}.` : ''}`,
            zh: `成人常用日剂量${dose.usualDaily?.join('–') ?? '?'} mg；最大${dose.maxDaily} mg/日。`,
          },
          meds: [med],
          facts: [...facts, `max-daily:${dose.maxDaily}mg`],
          source: dose.source,
        }),
      );
    } else if (dose.maxSingle !== undefined && single > dose.maxSingle) {
      out.push(
        makeFinding({
          ruleId: 'dose-above-max-single',
          type: 'dose',
          severity: 'warning',
          summary: {
            en: `${med.label} ${single} mg per dose exceeds the maximum single dose ${dose.maxSingle} mg`,
            zh: `${zh}单次${single} mg，超过最大单次剂量${dose.maxSingle} mg`,
          },
          detail: {
            en: `Maximum single dose ${dose.maxSingle} mg.`,
            zh: `最大单次剂量${dose.maxSingle} mg。`,
          },
          meds: [med],
          facts: [...facts, `max-single:${dose.maxSingle}mg`],
          source: dose.source,
        }),
      );
    } else if (
      age !== undefined &&
      age >= 65 &&
      dose.elderlyStart !== undefined &&
      med.draft &&
      single > dose.elderlyStart &&
      !ctx.meds.some((m) => !m.draft && m.drug?.id === med.drug?.id)
    ) {
      out.push(
        makeFinding({
          ruleId: 'dose-elderly-start',
          type: 'dose',
          severity: 'info',
          summary: {
            en: `${med.label}: consider starting at ${dose.elderlyStart} mg in older adults`,
            zh: `${zh}：老年人可考虑从${dose.elderlyStart} mg起始`,
          },
          detail: {
            en: `Label start dose for elderly patients is ${dose.elderlyStart} mg.`,
            zh: `说明书老年人起始剂量${dose.elderlyStart} mg。`,
          },
          meds: [med],
          facts: [...facts, `elderly-start:${dose.elderlyStart}mg`],
          source: dose.source,
        }),
      );
    }
  }
  return out;
}
