import type { LabFact } from '@qihuang/drug-knowledge';
import { makeFinding } from '../finding.ts';
import type { Finding } from '../types.ts';
import type { CheckContext } from './context.ts';

/** Single-drug lab rules (potassium with MRA / K⁺ supplements / RAAS blockers). */
export function checkLabs(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const med of ctx.meds) {
    if (!med.subject) continue;
    const facts = new Map<string, LabFact>();
    for (const u of med.units) {
      for (const c of u.classes) for (const f of ctx.kb.classes[c].labs ?? []) facts.set(f.id, f);
      for (const f of u.drug.labs ?? []) facts.set(f.id, f);
    }
    for (const f of facts.values()) {
      const lab =
        f.lab === 'potassium'
          ? ctx.patient.labs.potassium
          : f.lab === 'egfr'
            ? ctx.patient.labs.egfr
            : ctx.patient.labs.creatinine;
      if (!lab) continue;
      const hit =
        (f.above !== undefined && lab.value > f.above) || (f.below !== undefined && lab.value < f.below);
      if (!hit) continue;
      out.push(
        makeFinding({
          ruleId: f.id,
          type: 'lab',
          severity: f.severity,
          summary: {
            en: `${med.label}: ${f.lab} ${lab.value} — ${f.text.en}`,
            zh: `${med.drug?.names.zh ?? med.text}：${f.lab === 'potassium' ? '血钾' : f.lab} ${lab.value}——${f.text.zh}`,
          },
          detail: {
            en: `${f.text.en}. Latest ${f.lab} ${lab.value}${lab.at ? ` (${lab.at})` : ''}.`,
            zh: `${f.text.zh}。最近结果${lab.value}${lab.at ? `（${lab.at}）` : ''}。`,
          },
          meds: [med],
          facts: [`lab:${f.lab}=${lab.value}`, `rule:${f.id}`],
          source: f.source,
        }),
      );
    }
  }
  return out;
}
