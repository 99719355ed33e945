/**
 * Interaction rules of the drug knowledge base applied to a set of two or more drugs/classes: each rule member
 * must be matched by a different drug; the rule's gates are honoured — potassium (labGate: applies only above
 * the threshold; unknown potassium leaves the rule at its "missing" severity), dose caps (doseCap: applies only
 * when the capped drug's daily dose exceeds the cap or is unknown) and conditions (onlyWithCondition: needs the
 * condition) — and rules superseded by a broader match are dropped.
 */
import type { DrugClassId, DrugKnowledgeBase, DrugSelector, InteractionRule } from '@qihuang/drug-knowledge';
import type { Mention } from '../../types.ts';

export function classesOf(m: Mention, kb: DrugKnowledgeBase): DrugClassId[] {
  if (m.drug) return kb.classesOf(m.drug);
  return m.classId ? [m.classId as DrugClassId] : [];
}

function selectorMatches(sel: DrugSelector, m: Mention, kb: DrugKnowledgeBase): boolean {
  if ('class' in sel) return classesOf(m, kb).includes(sel.class);
  if ('drug' in sel) {
    if (m.drug) return m.drug.id === sel.drug || kb.ingredients(m.drug).some((d) => d.id === sel.drug);
    const d = kb.getDrug(sel.drug);
    return !!d && !!m.classId && d.classes.includes(m.classId as DrugClassId);
  }
  if (!m.drug) return false;
  return [m.drug, ...kb.ingredients(m.drug)].some((d) => (d.tags ?? []).includes(sel.tag));
}

/** Assigns each rule member a different mention; returns the mentions used, or undefined. */
function assign(rule: InteractionRule, ms: Mention[], kb: DrugKnowledgeBase): Mention[] | undefined {
  const used: Mention[] = [];
  const go = (i: number): boolean => {
    if (i === rule.members.length) return true;
    for (const m of ms) {
      if (used.includes(m)) continue;
      if (!(rule.members[i] as DrugSelector[]).some((s) => selectorMatches(s, m, kb))) continue;
      used.push(m);
      if (go(i + 1)) return true;
      used.pop();
    }
    return false;
  };
  return go(0) ? [...used] : undefined;
}

export interface Applied {
  rule: InteractionRule;
  members: Mention[];
  /** Severity after gates: 'none' means the gate says the rule does not apply. */
  severity: InteractionRule['severity'] | 'info' | 'none';
  gate?: string;
}

export function applyRules(
  ms: Mention[],
  kb: DrugKnowledgeBase,
  ctx: { potassium?: number; dailyMg: Record<string, number>; conditions?: string[]; lang?: 'zh' | 'en' },
): Applied[] {
  const out: Applied[] = [];
  const zh = ctx.lang === 'zh';
  for (const rule of kb.interactions) {
    const members = assign(rule, ms, kb);
    if (!members) continue;
    let severity: Applied['severity'] = rule.severity;
    let gate: string | undefined;
    if (rule.labGate) {
      if (ctx.potassium === undefined) {
        severity = rule.labGate.missingSeverity === 'none' ? 'none' : 'info';
        gate = zh
          ? `未提供血钾（血钾 >${rule.labGate.above} mmol/L 时适用）`
          : `potassium not given (rule applies above ${rule.labGate.above} mmol/L)`;
      } else if (ctx.potassium <= rule.labGate.above) {
        severity = 'none';
        gate = zh
          ? `血钾 ${ctx.potassium} mmol/L ≤ ${rule.labGate.above}`
          : `potassium ${ctx.potassium} mmol/L ≤ ${rule.labGate.above}`;
      } else
        gate = zh
          ? `血钾 ${ctx.potassium} mmol/L > ${rule.labGate.above}`
          : `potassium ${ctx.potassium} mmol/L > ${rule.labGate.above}`;
    }
    if (rule.doseCap) {
      const dose = ctx.dailyMg[rule.doseCap.drug];
      const capped = rule.doseCap.drug;
      // One language per text: the capped drug by the knowledge base's name in the reader's language.
      const cappedName = zh ? (kb.getDrug(capped)?.names.zh ?? capped) : capped;
      // "switch to another statin" with diltiazem: a cap on one drug of a class named only as the class is not
      // known to apply.
      if (!members.some((m) => m.drug?.id === capped)) {
        severity = 'info';
        gate = zh ? `仅当使用${cappedName}时适用` : `applies to ${capped} only`;
      } else if (dose !== undefined && dose <= rule.doseCap.maxDaily) {
        severity = 'none';
        gate = zh
          ? `${cappedName}每日 ${dose} mg ≤ ${rule.doseCap.maxDaily} mg`
          : `${capped} ${dose} mg/day ≤ ${rule.doseCap.maxDaily} mg/day`;
      } else if (dose !== undefined)
        gate = zh
          ? `${cappedName}每日 ${dose} mg > ${rule.doseCap.maxDaily} mg`
          : `${capped} ${dose} mg/day > ${rule.doseCap.maxDaily} mg/day`;
    }
    if (rule.onlyWithCondition) {
      const has = (ctx.conditions ?? []).includes(rule.onlyWithCondition.id);
      if (!has) {
        severity = 'none';
        gate = zh ? '仅在回答未提及的合并疾病时适用' : 'only with a condition the answer does not state';
      }
    }
    out.push({ rule, members, severity, ...(gate ? { gate } : {}) });
  }
  // Drop rules superseded by another applying rule on the same (or a superset of the) mentions.
  return out.filter(
    (a) =>
      !out.some(
        (b) =>
          b !== a &&
          b.severity !== 'none' &&
          (b.rule.supersedes ?? []).includes(a.rule.id) &&
          a.members.every((m) => b.members.includes(m)),
      ),
  );
}
