import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { checkAllergy } from './checks/allergy.ts';
import { checkContraindications, checkPregnancy } from './checks/conditions.ts';
import type { CheckContext } from './checks/context.ts';
import { checkCombinedDose } from './checks/combined-dose.ts';
import { checkDose } from './checks/dose.ts';
import { checkDuplication } from './checks/duplication.ts';
import { checkGuideline, checkUnknown } from './checks/guideline.ts';
import { checkInteractions } from './checks/interactions.ts';
import { checkLabs } from './checks/labs.ts';
import { checkHepatic, checkRenal } from './checks/organ.ts';
import { checkSupply } from './checks/supply.ts';
import { renalStatus, resolveAll } from './resolve.ts';
import {
  SEVERITY_RANK,
  type Finding,
  type ReviewInput,
  type ReviewOptions,
  type ReviewResult,
} from './types.ts';

/** The checks, in report order. */
export const CHECKS = [
  checkUnknown,
  checkAllergy,
  checkContraindications,
  checkPregnancy,
  checkInteractions,
  checkDuplication,
  checkDose,
  checkCombinedDose,
  checkSupply,
  checkRenal,
  checkHepatic,
  checkLabs,
  checkGuideline,
] as const satisfies readonly ((ctx: CheckContext) => Finding[])[];

/** A single-drug lab finding whose medication a lab-gated combination finding also names. */
function covered(single: Finding, combo: Finding): boolean {
  return (
    single.type === 'lab' &&
    single.evidence.orders.length === 1 &&
    combo.evidence.orders.some((o) => o.id === single.evidence.orders[0]!.id)
  );
}

/**
 * Pure prescription review: same input, same knowledge base, same options → same findings, in the same order
 * (critical first, then by check order). No I/O, no clock.
 */
export function reviewPrescriptions(
  input: ReviewInput,
  kb: DrugKnowledgeBase,
  options: ReviewOptions = {},
): ReviewResult {
  const meds = resolveAll(kb, input.patient, input.drafts, options.scope ?? 'drafts');
  const ctx: CheckContext = { kb, patient: input.patient, meds, renal: renalStatus(input.patient), options };
  let findings = CHECKS.flatMap((check) => check(ctx));

  // A single-drug lab finding is redundant when a lab-gated combination finding names the same medication; the
  // combination keeps the higher severity of the two (e.g. K⁺ >5.0 with a draft MRA stays critical).
  const labCombos = findings.filter((f) => f.type === 'lab' && f.evidence.orders.length > 1);
  findings = findings
    .map((f) => {
      if (!labCombos.includes(f)) return f;
      const top = findings
        .filter((s) => covered(s, f))
        .reduce((max, s) => (SEVERITY_RANK[s.severity] > SEVERITY_RANK[max] ? s.severity : max), f.severity);
      return top === f.severity ? f : { ...f, severity: top };
    })
    .filter((f) => !labCombos.some((c) => covered(f, c)));

  // Local rules: severity overrides, then suppression; then the caller's threshold and suppression list.
  const overrides = kb.localRules.severityOverrides;
  findings = findings.map((f) => (overrides[f.ruleId] ? { ...f, severity: overrides[f.ruleId]! } : f));
  const suppressed = new Set([...kb.localRules.suppressRules, ...(options.suppress ?? [])]);
  const threshold = SEVERITY_RANK[options.severityThreshold ?? 'info'];
  findings = findings.filter(
    (f) =>
      !suppressed.has(f.ruleId) &&
      !suppressed.has(f.id) &&
      !suppressed.has(`type:${f.type}`) &&
      SEVERITY_RANK[f.severity] >= threshold,
  );
  // De-duplicate by id, keeping the first (most specific check order).
  const seen = new Set<string>();
  findings = findings.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
  const order = new Map(findings.map((f, i) => [f, i]));
  findings.sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || order.get(a)! - order.get(b)!,
  );
  return { findings, knowledgeVersion: kb.version };
}
