import type { DrugEntry } from '@qihuang/drug-knowledge';
import { makeFinding } from '../finding.ts';
import type { Finding, ResolvedMedication } from '../types.ts';
import { sentence } from './combined-dose.ts';
import type { CheckContext } from './context.ts';

const TABLET_UNITS = new Set(['{tbl}', 'tablet', 'tablets', 'tab', '片']);
const STRENGTH = /^([\d.]+)\s*(mg|g|mcg|µg)$/i;
const TO_MG: Record<string, number> = { mg: 1, g: 1000, mcg: 0.001, µg: 0.001 };

/**
 * More than this many times what the days need is a warning (issue 20, product choice: far above one supply; a
 * stable chronic prescription may cover up to 12 weeks, 《长期处方管理规范（试行）》, which the days already say).
 */
export const EXCESS_FACTOR = 2;

/** The drug's tablet strengths in mg ("2.5 mg", "5 mg" → [2.5, 5]). */
function strengthsMg(drug: DrugEntry): number[] {
  const out: number[] = [];
  for (const s of drug.strengths ?? []) {
    const m = s.trim().match(STRENGTH);
    if (m) out.push(Number((Number(m[1]) * TO_MG[m[2]!.toLowerCase()]!).toFixed(6)));
  }
  return [...new Set(out)].sort((a, b) => b - a);
}

/**
 * Tablets per dose: as ordered when the dose is in tablets; otherwise of one strength — the largest giving whole
 * tablets, else half tablets — as the care editor counts them (packages/care draft-dosage.ts tabletsPerDose), so
 * the fewest tablets the dose can take. Undefined when no strength fits.
 */
function tabletsPerDose(m: ResolvedMedication): number | undefined {
  const dose = m.input.dose;
  if (dose && TABLET_UNITS.has(dose.unit)) return dose.value;
  if (!m.drug || m.drug.components || m.doseMg === undefined) return undefined;
  for (const step of [1, 0.5])
    for (const s of strengthsMg(m.drug)) {
      const n = m.doseMg / s;
      if (n >= step && Math.abs(n / step - Math.round(n / step)) < 1e-9) return Math.round(n / step) * step;
    }
  return undefined;
}

const tablets = (n: number) => `${n} ${n === 1 ? 'tablet' : 'tablets'}`;

/**
 * Supply against the dose (issue 20): an order with its dose, frequency, days of supply and total quantity in
 * tablets needs tablets-per-dose × times-per-day × days (rounded up to whole tablets). Below that the supply runs
 * out before the days; above EXCESS_FACTOR × it is far more than the days need. Either is a warning with the
 * numbers (《医疗机构处方审核规范》2018, appropriateness review: dose, usage and the quantity of one prescription).
 */
export function checkSupply(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const m of ctx.meds) {
    const supply = m.input.supply;
    if (!m.subject || !supply || !TABLET_UNITS.has(supply.quantity.unit) || m.timesPerDay === undefined)
      continue;
    const per = tabletsPerDose(m);
    if (per === undefined || !(supply.days > 0)) continue;
    const need = Math.ceil(per * m.timesPerDay * supply.days - 1e-9);
    const have = supply.quantity.value;
    const short = have < need;
    if (!short && have <= EXCESS_FACTOR * need) continue;
    const zh = m.drug?.names.zh ?? m.text;
    const en = sentence(m.label);
    const days = supply.days;
    const times = Number(m.timesPerDay.toFixed(3));
    const lasts = Math.floor(have / (per * m.timesPerDay) + 1e-9);
    out.push(
      makeFinding({
        ruleId: short ? 'supply-short' : 'supply-excess',
        type: 'dose',
        severity: 'warning',
        summary: short
          ? {
              zh: `${zh}：总量 ${have} 片不够 ${days} 天（每次 ${per} 片，每日 ${times} 次，需 ${need} 片）`,
              en: `${en}: ${tablets(have)} do not cover ${days} days (${tablets(per)} ${times} times daily needs ${tablets(need)})`,
            }
          : {
              zh: `${zh}：总量 ${have} 片超过 ${days} 天所需 ${need} 片的 ${EXCESS_FACTOR} 倍`,
              en: `${en}: ${tablets(have)} are more than twice the ${tablets(need)} ${days} days need`,
            },
        detail: {
          zh: `按医嘱用法，${have} 片约可用 ${lasts} 天；请核对总量或天数。`,
          en: `At the ordered dose ${tablets(have)} last about ${lasts} days; check the quantity or the days.`,
        },
        meds: [m],
        facts: [`supply:${have}/${need}`, `days:${days}`, `tablets-per-dose:${per}`],
        source: 'cn-prescription-review-2018-quantity',
      }),
    );
  }
  return out;
}
