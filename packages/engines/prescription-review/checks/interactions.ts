import { conditionMatches, type DrugSelector, type InteractionRule } from '@qihuang/drug-knowledge';
import { INTERACTION_SEVERITY, makeFinding, names } from '../finding.ts';
import type { CheckContext } from './context.ts';
import type { Finding, ResolvedMedication, Severity } from '../types.ts';

type Unit = { med: ResolvedMedication; drugId: string; classes: Set<string>; tags: Set<string> };

function selects(sel: DrugSelector, u: Unit): boolean {
  if ('class' in sel) return u.classes.has(sel.class);
  if ('drug' in sel) return u.drugId === sel.drug;
  return u.tags.has(sel.tag);
}

/** Every way to fill the rule's members with distinct ingredient units (and at least one subject medication). */
function assignments(rule: InteractionRule, units: Unit[]): Unit[][] {
  const candidates = rule.members.map((anyOf) => units.filter((u) => anyOf.some((s) => selects(s, u))));
  const out: Unit[][] = [];
  walk(candidates, 0, [], out);
  return out;
}

function walk(candidates: Unit[][], i: number, chosen: Unit[], out: Unit[][]): void {
  if (i === candidates.length) {
    if (chosen.some((u) => u.med.subject)) out.push(chosen);
    return;
  }
  for (const u of candidates[i]!) {
    if (chosen.some((c) => c.drugId === u.drugId || (c.med === u.med && c.drugId === u.drugId))) continue;
    walk(candidates, i + 1, [...chosen, u], out);
  }
}

/** Classes, drugs and tags of the units present: a rule with a member none of them can fill cannot apply. */
interface Present {
  classes: Set<string>;
  drugs: Set<string>;
  tags: Set<string>;
}

function presentIn(units: Unit[]): Present {
  const present: Present = { classes: new Set(), drugs: new Set(), tags: new Set() };
  for (const u of units) {
    for (const c of u.classes) present.classes.add(c);
    present.drugs.add(u.drugId);
    for (const t of u.tags) present.tags.add(t);
  }
  return present;
}

function possible(sel: DrugSelector, present: Present): boolean {
  if ('class' in sel) return present.classes.has(sel.class);
  if ('drug' in sel) return present.drugs.has(sel.drug);
  return present.tags.has(sel.tag);
}

export function checkInteractions(ctx: CheckContext): Finding[] {
  const units: Unit[] = ctx.meds.flatMap((med) =>
    med.units.map((u) => ({ med, drugId: u.drug.id, classes: u.classes as Set<string>, tags: u.tags })),
  );
  const found: { finding: Finding; medIds: Set<string> }[] = [];
  const present = presentIn(units);
  for (const rule of ctx.kb.interactions) {
    // Quick rejection (no assignment can exist), before the condition gate and the assignment search.
    if (!rule.members.every((anyOf) => anyOf.some((sel) => possible(sel, present)))) continue;
    if (
      rule.onlyWithCondition &&
      !ctx.patient.conditions.some((c) => conditionMatches(rule.onlyWithCondition!, c))
    )
      continue;
    const seen = new Set<string>();
    for (const chosen of assignments(rule, units)) {
      const meds = [...new Set(chosen.map((u) => u.med))];
      if (meds.length < 2 && chosen.every((u) => u.med === chosen[0]!.med)) {
        // A single combination product satisfying a rule by itself is the product's design, not an interaction.
        continue;
      }
      const key = meds
        .map((m) => m.input.id)
        .sort()
        .join('+');
      if (seen.has(key)) continue;
      seen.add(key);
      let severity: Severity = INTERACTION_SEVERITY[rule.severity];
      const facts = [`interaction:${rule.id}`];
      let extra = { en: '', zh: '' };
      if (rule.doseCap) {
        const capped = chosen.find((u) => u.drugId === rule.doseCap!.drug)!.med;
        if (capped.dailyMg !== undefined && capped.dailyMg <= rule.doseCap.maxDaily) continue;
        facts.push(`dose-cap:${rule.doseCap.drug}≤${rule.doseCap.maxDaily}mg/day`);
        if (capped.dailyMg === undefined) {
          severity = 'info';
          extra = {
            en: ' (daily dose unknown: confirm it is within the cap)',
            zh: '（日剂量未知：请确认未超过上限）',
          };
        } else {
          extra = { en: ` (ordered ${capped.dailyMg} mg/day)`, zh: `（当前${capped.dailyMg} mg/日）` };
        }
      }
      if (rule.labGate) {
        const k = ctx.patient.labs.potassium?.value;
        if (k === undefined) {
          if (rule.labGate.missingSeverity === 'none') continue;
          severity = rule.labGate.missingSeverity;
          extra = {
            en: ' No recent potassium result: check K⁺ and creatinine.',
            zh: '无近期血钾结果：请检测血钾和肌酐。',
          };
          facts.push('lab:potassium=missing');
        } else if (k <= rule.labGate.above) continue;
        else {
          facts.push(`lab:potassium=${k}`);
          extra = { en: ` Latest K⁺ ${k} mmol/L.`, zh: `最近血钾${k} mmol/L。` };
          // REFERENCE §5.3: K⁺ ≥6.0 → stop and treat
          if (k >= 6.0) severity = 'critical';
        }
      }
      const n = names(meds);
      const summary =
        rule.labGate && ctx.patient.labs.potassium === undefined
          ? { en: `${n.en}: check potassium (hyperkalaemia risk)`, zh: `${n.zh}：请检测血钾（高钾血症风险）` }
          : rule.summary;
      const finding = makeFinding({
        ruleId: rule.id,
        type: rule.findingType ?? 'interaction',
        severity,
        summary,
        detail: {
          en: `${n.en}. ${rule.mechanism.en}. Management: ${rule.management.en}.${extra.en}`,
          zh: `${n.zh}。${rule.mechanism.zh}。处理：${rule.management.zh}。${extra.zh}`,
        },
        meds,
        facts,
        source: rule.source,
      });
      found.push({ finding, medIds: new Set(meds.map((m) => m.input.id)) });
    }
  }
  // A superseding rule (e.g. triple whammy over NSAID + ACEi) replaces the lesser finding on the same medications.
  return found
    .filter(
      (a) =>
        !found.some(
          (b) =>
            b !== a &&
            (ctx.kb.interactions.find((r) => r.id === b.finding.ruleId)?.supersedes ?? []).includes(
              a.finding.ruleId,
            ) &&
            [...a.medIds].every((id) => b.medIds.has(id)),
        ),
    )
    .map((x) => x.finding);
}
