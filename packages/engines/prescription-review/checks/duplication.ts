import { makeFinding } from '../finding.ts';
import type { Finding, ResolvedMedication } from '../types.ts';
import type { CheckContext } from './context.ts';

/**
 * An order as a finding names it in one language (issue 20): its own text when already in that language, else
 * its ingredients' names and dose ("氨氯地平/缬沙坦" for an English "amlodipine/valsartan 5 mg/80 mg …" order).
 */
function orderIn(m: ResolvedMedication, lang: 'zh' | 'en', oneDraft: boolean): string {
  // Which order is which (issue 20): the label the caller passed (prescriber and time, as the pharmacist's card
  // shows them); an order signed and awaiting the pharmacist is named as such (it is not yet given); the one under
  // review is this order, when it is the only draft named.
  const standing = m.input.pending
    ? { zh: '待药师审核', en: 'awaiting pharmacist review' }
    : m.draft && oneDraft
      ? { zh: '本医嘱', en: 'this order' }
      : undefined;
  const parts = [orderText(m, lang), m.input.orderLabel?.[lang], standing?.[lang]].filter(Boolean);
  return parts.join(lang === 'zh' ? '，' : ', ');
}

/** The orders of a finding, each told from the others, in one language. */
function ordersIn(meds: readonly ResolvedMedication[], lang: 'zh' | 'en'): string {
  const oneDraft = meds.filter((m) => m.draft).length === 1;
  return meds.map((m) => orderIn(m, lang, oneDraft)).join(lang === 'zh' ? '；' : '; ');
}

function orderText(m: ResolvedMedication, lang: 'zh' | 'en'): string {
  const han = /\p{Script=Han}/u.test(m.text);
  const english = /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(m.text.replace(/\b(?:mg|MG|oral|tablet)\b/gi, ''));
  if (lang === 'en' ? !han : !english && han) return m.text;
  const names = m.units.length ? m.units.map((u) => u.drug.names[lang]).join('/') : m.text;
  return m.doseMg !== undefined && m.units.length <= 1 ? `${names} ${m.doseMg} mg` : names;
}

/**
 * Therapeutic duplication: the same ingredient in two orders (two brands, or a brand plus a combination that
 * contains it) is critical; two members of a class flagged `duplicationIsProblem`, or two drugs sharing an ATC
 * level-4 group with no class in common, is a warning. One finding per ingredient / class.
 */
export function checkDuplication(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const byIngredient = new Map<string, ResolvedMedication[]>();
  for (const med of ctx.meds)
    for (const u of med.units) {
      const list = byIngredient.get(u.drug.id);
      if (list) list.push(med);
      else byIngredient.set(u.drug.id, [med]);
    }
  const sameIngredientPairs = new Set<string>();
  for (const [id, list] of byIngredient) {
    const meds = [...new Set(list)];
    if (meds.length < 2 || !meds.some((m) => m.subject)) continue;
    const drug = ctx.kb.getDrug(id)!;
    for (const a of meds) for (const b of meds) sameIngredientPairs.add(`${a.input.id}|${b.input.id}`);
    out.push(
      makeFinding({
        ruleId: `duplicate-ingredient-${id}`,
        type: 'duplication',
        severity: 'critical',
        summary: {
          en: `Duplicate ${drug.names.en}: ordered ${meds.length} times (${ordersIn(meds, 'en')})`,
          zh: `${drug.names.zh}重复用药：共${meds.length}个医嘱（${ordersIn(meds, 'zh')}）`,
        },
        detail: {
          en: `The same ingredient (${drug.names.en}) appears in more than one order, e.g. under different brand names or inside a combination pill; this doubles the dose.`,
          zh: `同一成分（${drug.names.zh}）出现在多个医嘱中（如不同商品名或复方制剂），会导致剂量叠加。`,
        },
        meds,
        facts: [`ingredient:${id}`],
        source: drug.source,
      }),
    );
  }
  // A class in a duplication group counts as the group (thiazide + thiazide-like is one duplication); the group
  // table is built once per knowledge base (kb.duplicationGroups).
  for (const cls of ctx.kb.duplicationGroups) {
    const meds = ctx.meds.filter((m) => cls.classIds.some((id) => m.classes.has(id)));
    if (meds.length < 2 || !meds.some((m) => m.subject)) continue;
    // Pairs that are the same ingredient were already reported.
    const distinct = meds.filter((a) =>
      meds.some((b) => a !== b && !sameIngredientPairs.has(`${a.input.id}|${b.input.id}`)),
    );
    if (distinct.length < 2) continue;
    out.push(
      makeFinding({
        ruleId: `duplicate-class-${cls.id}`,
        type: 'duplication',
        severity: 'warning',
        summary: {
          en: `Therapeutic duplication: ${distinct.length} ${cls.names.en}s (${distinct.map((m) => m.label).join(', ')})`,
          zh: `同类药物重复：${distinct.length}种${cls.names.zh}（${distinct.map((m) => m.drug?.names.zh ?? m.text).join('、')}）`,
        },
        detail: {
          en: `Two or more drugs of the same class (${cls.names.en}) add adverse effects without clear benefit; keep one unless intended.`,
          zh: `同类（${cls.names.zh}）药物联用增加不良反应而获益不明确，除非有意为之，应保留其一。`,
        },
        meds: distinct,
        facts: [`class:${cls.id}`, ...cls.atc.map((p) => `atc:${p}`)],
        source: cls.source,
      }),
    );
  }
  // ATC level 4 (5 characters) for drugs with no class in common (catches classes not modelled above).
  const atcByMed = new Map(ctx.meds.map((m) => [m, m.drug ? ctx.kb.atcGroupsOf(m.drug) : []]));
  const reported = new Set<string>();
  for (const a of ctx.meds) {
    for (const b of ctx.meds) {
      if (a === b || !(a.subject || b.subject) || !a.drug || !b.drug || a.drug.id === b.drug.id) continue;
      const atcB = atcByMed.get(b) ?? [];
      const shared = (atcByMed.get(a) ?? []).find((x) => atcB.includes(x));
      if (!shared || [...a.classes].some((c) => b.classes.has(c))) continue;
      const key = [a.input.id, b.input.id].sort().join('+');
      if (reported.has(key)) continue;
      reported.add(key);
      out.push(
        makeFinding({
          ruleId: `duplicate-atc-${shared}`,
          type: 'duplication',
          severity: 'warning',
          summary: {
            en: `Possible duplication: ${a.label} and ${b.label} share ATC group ${shared}`,
            zh: `可能重复用药：${a.drug.names.zh}与${b.drug.names.zh}同属ATC ${shared}`,
          },
          detail: {
            en: `Both drugs belong to WHO ATC group ${shared}.`,
            zh: `两药同属WHO ATC分组${shared}。`,
          },
          meds: [a, b],
          facts: [`atc:${shared}`],
          source: 'who-atc',
        }),
      );
    }
  }
  return out;
}
