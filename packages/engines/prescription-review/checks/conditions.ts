import {
  CONDITIONS,
  conditionMatches,
  type ContraindicationFact,
  type ReproductiveFact,
} from '@qihuang/drug-knowledge';
import { makeFinding } from '../finding.ts';
import type { Finding, ResolvedMedication, Severity } from '../types.ts';
import type { CheckContext } from './context.ts';
import { vitalFindings } from './vitals.ts';

/** Contraindications by condition code: class facts + drug facts of every ingredient. */
export function checkContraindications(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const med of ctx.meds) {
    if (!med.subject) continue;
    const facts = new Map<string, ContraindicationFact>();
    for (const u of med.units) {
      for (const c of u.classes)
        for (const f of ctx.kb.classes[c].contraindications ?? []) facts.set(f.id, f);
      for (const f of u.drug.contraindications ?? []) facts.set(f.id, f);
    }
    // A drug-level contraindication supersedes the class caution for the same condition (non-selective β-blocker in asthma).
    const byCondition = new Map<string, ContraindicationFact>();
    for (const f of facts.values()) {
      const prev = byCondition.get(f.condition.id);
      if (!prev || (prev.severity === 'caution' && f.severity === 'contraindicated'))
        byCondition.set(f.condition.id, f);
    }
    const shown = vitalFindings(ctx, med);
    out.push(...shown.findings);
    for (const f of byCondition.values()) {
      // The reading already shows this condition (HR 48 is bradycardia): one finding, the reading's.
      if (shown.conditions.has(f.condition.id)) continue;
      const hit = ctx.patient.conditions.find((c) => conditionMatches(f.condition, c));
      if (!hit) continue;
      const code = hit.codes?.find((c) => c.code)?.code ?? hit.text ?? '';
      // A relative contraindication (the fact's 'caution') is a caution, 慎用 / Use with caution, at warning — as the
      // heart-rate caution band (docs/decisions/0028); an absolute one a critical contraindication (issue 20).
      const banned = f.severity === 'contraindicated';
      out.push(
        makeFinding({
          ruleId: f.id,
          type: banned ? 'contraindication' : 'caution',
          severity: banned ? 'critical' : 'warning',
          summary: {
            en: `${med.label} ${f.severity === 'contraindicated' ? 'contraindicated' : 'caution'}: ${f.condition.label.en}`,
            zh: `${med.drug?.names.zh ?? med.text}${f.severity === 'contraindicated' ? '禁用' : '慎用'}：${f.condition.label.zh}`,
          },
          detail: f.text,
          meds: [med],
          facts: [`contraindication:${f.id}`, `condition:${code}`],
          source: f.source,
        }),
      );
    }
  }
  return out;
}

const LEVEL_SEVERITY: Partial<Record<ReproductiveFact['level'], Severity>> = {
  contraindicated: 'critical',
  avoid: 'warning',
  caution: 'info',
};

function reproductive(
  ctx: CheckContext,
  med: ResolvedMedication,
  kind: 'pregnancy' | 'lactation',
): Finding[] {
  const facts = new Map<string, ReproductiveFact>();
  for (const u of med.units) {
    const own = u.drug[kind];
    if (own) facts.set(u.drug.id, own);
    else
      for (const c of u.classes) {
        const f = ctx.kb.classes[c][kind];
        if (f) facts.set(u.drug.id, f);
      }
  }
  const out: Finding[] = [];
  for (const [drugId, f] of facts) {
    const severity = LEVEL_SEVERITY[f.level];
    if (!severity) continue;
    const n = ctx.kb.getDrug(drugId)!.names;
    const what =
      kind === 'pregnancy' ? { en: 'pregnancy', zh: '妊娠期' } : { en: 'breastfeeding', zh: '哺乳期' };
    out.push(
      makeFinding({
        ruleId: `${kind}-${drugId}`,
        type: 'pregnancy',
        severity,
        summary: {
          en: `${n.en} in ${what.en}: ${f.level === 'caution' ? 'use with caution' : f.level}`,
          zh: `${what.zh}使用${n.zh}：${f.level === 'caution' ? '慎用' : f.level === 'avoid' ? '避免使用' : '禁用'}`,
        },
        detail: f.text,
        meds: [med],
        facts: [`${kind}:${drugId}:${f.level}`],
        source: f.source,
      }),
    );
  }
  return out;
}

/** Pregnancy (flag or pregnancy condition code) and lactation. */
export function checkPregnancy(ctx: CheckContext): Finding[] {
  const pregnant =
    ctx.patient.pregnant ?? ctx.patient.conditions.some((c) => conditionMatches(CONDITIONS.pregnancy, c));
  const out: Finding[] = [];
  for (const med of ctx.meds) {
    if (!med.subject) continue;
    if (pregnant) out.push(...reproductive(ctx, med, 'pregnancy'));
    if (ctx.patient.lactating) out.push(...reproductive(ctx, med, 'lactation'));
  }
  return out;
}
