import { makeFinding } from '../finding.ts';
import type { Finding, ResolvedMedication } from '../types.ts';
import type { CheckContext } from './context.ts';

/** Capitalised for the start of an English sentence ("amlodipine" → "Amlodipine"). */
export const sentence = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

/** How an order stands, in one language: the one under review, active, or awaiting the pharmacist. */
function standing(m: ResolvedMedication, lang: 'zh' | 'en'): string {
  if (m.input.pending) return lang === 'zh' ? '待药师审核' : 'awaiting pharmacist review';
  if (m.draft) return lang === 'zh' ? '本医嘱' : 'this order';
  return lang === 'zh' ? '在用' : 'active';
}

const round = (n: number) => Number(n.toFixed(3));

/**
 * The combined daily dose of one drug across the patient's orders (issue 20): the order under review, the active
 * regimen and the orders signed and awaiting the pharmacist — two amlodipine orders of 5 mg once and twice daily
 * are 15 mg/day, each within the maximum alone. Against the drug's maximum daily dose (its dose facts: the
 * REFERENCE §5.1/§5.1a drug table row each entry cites, e.g. amlodipine max 10 mg/day, US label §2.1), with the
 * single-order rule's severity (checks/dose.ts: critical at twice the maximum or more). Single-ingredient orders
 * with a known daily dose only; an order already above the maximum on its own is left to the single-order check.
 */
export function checkCombinedDose(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const byDrug = new Map<string, ResolvedMedication[]>();
  for (const m of ctx.meds) {
    if (!m.drug || m.drug.components || m.dailyMg === undefined) continue;
    const list = byDrug.get(m.drug.id);
    if (list) list.push(m);
    else byDrug.set(m.drug.id, [m]);
  }
  for (const meds of byDrug.values()) {
    const drug = meds[0]!.drug!;
    const max = drug.dose?.maxDaily;
    if (meds.length < 2 || max === undefined || !meds.some((m) => m.subject)) continue;
    if (meds.some((m) => m.subject && m.dailyMg! > max)) continue;
    const total = round(meds.reduce((sum, m) => sum + m.dailyMg!, 0));
    if (total <= max) continue;
    const line = (m: ResolvedMedication, lang: 'zh' | 'en') =>
      lang === 'zh'
        ? `${round(m.doseMg!)} mg × 每日${round(m.timesPerDay!)}次 = ${round(m.dailyMg!)} mg/日（${standing(m, 'zh')}）`
        : `${round(m.doseMg!)} mg × ${round(m.timesPerDay!)}/day = ${round(m.dailyMg!)} mg/day (${standing(m, 'en')})`;
    out.push(
      makeFinding({
        ruleId: 'dose-combined-above-max-daily',
        type: 'dose',
        severity: total >= 2 * max ? 'critical' : 'warning',
        summary: {
          zh: `${drug.names.zh}合计 ${total} mg/日，超过最大日剂量 ${max} mg（${meds.length} 个医嘱）`,
          en: `${sentence(drug.names.en)} ${total} mg/day in total exceeds the maximum ${max} mg/day (${meds.length} orders)`,
        },
        detail: {
          zh: `同一药物的各医嘱合计：${meds.map((m) => line(m, 'zh')).join('；')}。最大${max} mg/日。`,
          en: `The orders of the same drug add up: ${meds.map((m) => line(m, 'en')).join('; ')}. Maximum ${max} mg/day.`,
        },
        meds,
        facts: [`dose:${drug.id}`, `combined:${total}mg/day`, `max-daily:${max}mg`],
        source: drug.dose!.source,
      }),
    );
  }
  return out;
}
