import { CONDITIONS, conditionMatches, type HepaticFact, type RenalFact } from '@qihuang/drug-knowledge';
import { ACTION_SEVERITY, makeFinding } from '../finding.ts';
import type { Finding, ResolvedMedication } from '../types.ts';
import type { CheckContext } from './context.ts';

const ACTION_TEXT = {
  contraindicated: { en: 'contraindicated', zh: '禁用' },
  avoid: { en: 'avoid', zh: '避免使用' },
  'reduce-dose': { en: 'dose adjustment needed', zh: '需调整剂量' },
  caution: { en: 'use with caution', zh: '慎用' },
} as const;

function withinCap(med: ResolvedMedication, maxDaily: number | undefined): boolean {
  return maxDaily !== undefined && med.dailyMg !== undefined && med.dailyMg <= maxDaily;
}

/** Renal rules of each ingredient. CrCl rules use eGFR when CrCl is unknown (stated in the detail). */
export function checkRenal(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const { egfr, crcl, basis } = ctx.renal;
  if (egfr === undefined && crcl === undefined) return out;
  for (const med of ctx.meds) {
    if (!med.subject) continue;
    const seen = new Set<string>();
    for (const u of med.units) {
      for (const fact of u.drug.renal ?? []) {
        if (seen.has(fact.id)) continue;
        const value = fact.measure === 'CrCl' ? (crcl ?? egfr) : (egfr ?? crcl);
        if (
          value === undefined ||
          !(value < fact.below) ||
          (fact.atLeast !== undefined && value < fact.atLeast)
        )
          continue;
        // A dose already within the renal cap needs no alert (alert fatigue) — unless it starts the drug above the
        // renal starting dose (`startMg`, e.g. lisinopril CrCl 10–30 start 5 mg: REFERENCE §5.3, US label).
        if (fact.action === 'reduce-dose' && withinCap(med, fact.maxDaily)) {
          if (startsAboveRenalStart(ctx, med, u.drug.id, fact)) {
            seen.add(fact.id);
            out.push(renalStartFinding(med, u.drug.names, fact, value, basis));
          }
          continue;
        }
        seen.add(fact.id);
        out.push(renalFinding(med, u.drug.names, fact, value, basis));
      }
    }
  }
  return out;
}

function renalFinding(
  med: ResolvedMedication,
  n: { en: string; zh: string },
  fact: RenalFact,
  value: number,
  basis: string[],
): Finding {
  const measure = fact.measure === 'CrCl' ? 'CrCl' : 'eGFR';
  return makeFinding({
    ruleId: fact.id,
    type: 'renal',
    severity: ACTION_SEVERITY[fact.action],
    summary: {
      en: `${n.en} at ${measure} ${value}: ${ACTION_TEXT[fact.action].en}`,
      zh: `${n.zh}（${measure} ${value}）：${ACTION_TEXT[fact.action].zh}`,
    },
    detail: {
      en: `${fact.text.en}. Renal function: ${basis.join('; ')}.${fact.maxDaily !== undefined && med.dailyMg !== undefined ? ` Ordered ${med.dailyMg} mg/day.` : ''}`,
      zh: `${fact.text.zh}。肾功能：${basis.join('；')}。`,
    },
    meds: [med],
    facts: [`renal:${fact.id}`, `${measure}=${value}`],
    source: fact.source,
  });
}

/** A draft that starts the drug (the patient takes none of it yet) at a daily dose above the renal start. */
function startsAboveRenalStart(ctx: CheckContext, med: ResolvedMedication, drugId: string, fact: RenalFact) {
  if (fact.startMg === undefined || !med.draft || med.dailyMg === undefined || med.dailyMg <= fact.startMg)
    return false;
  return !ctx.meds.some((m) => m !== med && !m.draft && m.units.some((u) => u.drug.id === drugId));
}

function renalStartFinding(
  med: ResolvedMedication,
  n: { en: string; zh: string },
  fact: RenalFact,
  value: number,
  basis: string[],
): Finding {
  const measure = fact.measure === 'CrCl' ? 'CrCl' : 'eGFR';
  return makeFinding({
    ruleId: `${fact.id}-start`,
    type: 'renal',
    severity: 'warning',
    summary: {
      en: `${n.en} at ${measure} ${value}: start at ${fact.startMg} mg/day, not ${med.dailyMg} mg/day`,
      zh: `${n.zh}（${measure} ${value}）：起始剂量应为${fact.startMg} mg/日，而非${med.dailyMg} mg/日`,
    },
    detail: {
      en: `${fact.text.en}. Renal function: ${basis.join('; ')}.`,
      zh: `${fact.text.zh}。肾功能：${basis.join('；')}。`,
    },
    meds: [med],
    facts: [`renal:${fact.id}`, `${measure}=${value}`, `start=${fact.startMg}`],
    source: fact.source,
  });
}

const LEVEL = { mild: 1, moderate: 2, severe: 3 } as const;

/** Hepatic rules; impairment level from the context or, failing that, a liver-disease condition (→ moderate). */
export function checkHepatic(ctx: CheckContext): Finding[] {
  const level =
    ctx.patient.hepaticImpairment ??
    (ctx.patient.conditions.some((c) => conditionMatches(CONDITIONS.activeLiverDisease, c))
      ? 'moderate'
      : undefined);
  if (!level) return [];
  const out: Finding[] = [];
  for (const med of ctx.meds) {
    if (!med.subject) continue;
    for (const u of med.units) {
      for (const fact of u.drug.hepatic ?? []) {
        if (LEVEL[level] < LEVEL[fact.from]) continue;
        out.push(hepaticFinding(med, u.drug.names, fact, level));
      }
    }
  }
  return out;
}

function hepaticFinding(
  med: ResolvedMedication,
  n: { en: string; zh: string },
  fact: HepaticFact,
  level: string,
): Finding {
  return makeFinding({
    ruleId: fact.id,
    type: 'hepatic',
    severity: ACTION_SEVERITY[fact.action],
    summary: {
      en: `${n.en} with ${level} hepatic impairment: ${ACTION_TEXT[fact.action].en}`,
      zh: `${n.zh}（肝功能不全）：${ACTION_TEXT[fact.action].zh}`,
    },
    detail: { en: fact.text.en, zh: fact.text.zh },
    meds: [med],
    facts: [`hepatic:${fact.id}`, `hepatic-impairment=${level}`],
    source: fact.source,
  });
}
