import type { VitalFact } from '@qihuang/drug-knowledge';
import { makeFinding } from '../finding.ts';
import type { Finding, ResolvedMedication } from '../types.ts';
import type { CheckContext } from './context.ts';

/**
 * How old a heart rate may be and still count as the patient's current one in prescription review: 90 days
 * (docs/decisions/0028). No guideline gives a currency limit for a vital sign used in review; 90 days is the longest
 * routine follow-up interval for hypertension (Chinese hypertension guideline 2018, follow-up: at least every 3 months
 * once controlled), at which the heart rate is measured with the office blood pressure, and the lab window of
 * decision 0016. A setting (ReviewOptions.vitalWindowDays), not a cited number.
 */
export const VITAL_WINDOW_DAYS = 90;

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}(-\d{2}){0,2}$/;

/** The reading's local date, "2019-03-02": in `timeZone` when given, else as the timestamp writes it. Pure. */
export function readingDate(at: string, timeZone?: string): string {
  if (DATE_ONLY.test(at)) return at;
  const t = new Date(at);
  if (timeZone && !Number.isNaN(t.getTime())) {
    try {
      const p: Record<string, string> = {};
      const format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      for (const part of format.formatToParts(t)) p[part.type] = part.value;
      return `${p.year}-${p.month}-${p.day}`;
    } catch {
      // an unknown zone: fall back to the date as written
    }
  }
  return at.slice(0, 10);
}

function ageDays(at: string, asOf: string): number | undefined {
  const a = Date.parse(at);
  const b = Date.parse(asOf);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : (b - a) / DAY_MS;
}

/**
 * Contraindications and cautions by a vital sign (β-blocker or non-DHP CCB at a low heart rate, REFERENCE §5.2): the
 * lowest threshold the reading is under wins (48 → the contraindication, not also the 50–59 caution). Below the
 * contraindication line: critical; the caution band: a 'caution' finding (慎用), warning. A reading older than the
 * window is not the current rate: one info-level "last heart rate … on <date> — recheck", and a coded bradycardia is
 * still reported on its own.
 */
export function vitalFindings(
  ctx: CheckContext,
  med: ResolvedMedication,
): { findings: Finding[]; conditions: Set<string> } {
  const hr = ctx.patient.heartRate;
  const conditions = new Set<string>();
  if (!hr) return { findings: [], conditions };
  const facts = new Map<string, VitalFact>();
  for (const u of med.units) {
    for (const c of u.classes)
      for (const f of ctx.kb.classes[c].vitals ?? [])
        if (!f.drugs || f.drugs.includes(u.drug.id)) facts.set(f.id, f);
  }
  const byCondition = new Map<string, VitalFact>();
  for (const f of facts.values()) {
    if (!(hr.value < f.below)) continue;
    const prev = byCondition.get(f.condition.id);
    if (!prev || f.below < prev.below) byCondition.set(f.condition.id, f);
  }
  const window = ctx.options?.vitalWindowDays ?? VITAL_WINDOW_DAYS;
  const age = hr.at && ctx.patient.asOf ? ageDays(hr.at, ctx.patient.asOf) : undefined;
  const old = age !== undefined && age > window;
  const date = hr.at ? readingDate(hr.at, ctx.options?.timeZone) : undefined;
  const zhName = med.drug?.names.zh ?? med.text;
  const v = hr.value;
  const findings = [...byCondition.values()].map((f) => {
    if (old)
      return makeFinding({
        ruleId: `${f.id}-old-reading`,
        type: 'caution',
        severity: 'info',
        summary: {
          en: `Caution: ${med.label} — last heart rate ${v}/min on ${date} — recheck`,
          zh: `慎用${zhName}：最近一次心率 ${v} 次/分（${date}），已超过 ${window} 天，请复测`,
        },
        detail: {
          en: `The latest heart rate on the chart, ${v}/min on ${date}, is more than ${window} days old and is not taken as the current rate. If the heart rate is still below ${f.below}/min: ${f.text.en}. Recheck the heart rate.`,
          zh: `病历中最近一次心率为${v}次/分（${date}），已超过${window}天，不作为当前心率。若当前心率仍<${f.below}次/分：${f.text.zh}。请复测心率。`,
        },
        meds: [med],
        facts: [`old-reading:${f.id}`, `heart-rate:${v}`, `heart-rate-date:${date}`],
        source: f.source,
      });
    conditions.add(f.condition.id);
    const banned = f.severity === 'contraindicated';
    const en = date ? ` (${date})` : '';
    const zh = date ? `（${date}）` : '';
    return makeFinding({
      ruleId: f.id,
      type: banned ? 'contraindication' : 'caution',
      severity: banned ? 'critical' : 'warning',
      summary: banned
        ? {
            en: `${med.label} contraindicated: heart rate ${v}/min${en}`,
            zh: `${zhName}禁用：心率 ${v} 次/分${zh}`,
          }
        : {
            en: `Caution: use ${med.label} with care at heart rate ${v}/min${en}`,
            zh: `慎用${zhName}：心率 ${v} 次/分${zh}`,
          },
      detail: {
        en: `${f.text.en}. Latest heart rate ${v}/min${date ? ` on ${date}` : ''}.`,
        zh: `${f.text.zh}。最近心率${v}次/分${zh}。`,
      },
      meds: [med],
      facts: [`contraindication:${f.id}`, `heart-rate:${v}`],
      source: f.source,
    });
  });
  return { findings, conditions };
}
