/**
 * Two changes of one order (issue 20/19, SAFETY; a try on Marcos Barrows: two orders awaiting the pharmacist both
 * replaced the same hydrochlorothiazide, no card said so, and approving both activated both replacements). A switch
 * or dose change names the order it replaces in `priorPrescription`; two of them pending at once — awaiting the
 * pharmacist, or one awaiting and one the prescriber is signing — stand for two regimens where the patient can
 * take one. Each card gets a critical finding naming the other order ('two pending changes replace the same order
 * (…)'), at the prescriber's signing and on the pharmacist's card. When one of them was approved first, the order
 * they named is already stopped: approving the other as well would stop the first change and activate itself
 * without anyone choosing between them, so approval is refused (409) until it is returned and re-prescribed
 * against the current order (`replacedMeanwhile`). Source: 《医疗机构处方审核规范》(2018) appropriateness review,
 * duplicate medication. Pure over its inputs.
 */
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { sourceOf, withoutInternalReferences } from '@qihuang/drug-knowledge';
import type { Finding } from '@qihuang/engines/prescription-review';
import type { FhirResource } from '@qihuang/store';
import { isAwaitingReview, priorIdOf } from './awaiting-review.ts';
import { currentPrior } from './replaced-order.ts';
import { medicationText } from './review-order.ts';

export const SAME_PRIOR_RULE = 'pending-changes-same-order';
/** The guideline the finding cites: duplicate medication in the prescription review standard (drug-knowledge). */
const SOURCE_ID = 'cn-prescription-review-2018';

const isOrder = (r: FhirResource) => r.resourceType === 'MedicationRequest';
const ref = (r: FhirResource) => `MedicationRequest/${String(r.id)}`;

/** An order named in one language: the knowledge base's name and the order's strength ('氢氯噻嗪 25 mg'). */
function nameIn(r: FhirResource, lang: 'zh' | 'en', drugs: DrugKnowledgeBase): string {
  const text = medicationText(r);
  const drug = drugs.match(text)?.drug;
  if (!drug) return text;
  const strength = /(\d+(?:\.\d+)?)\s*mg\b/i.exec(text)?.[1];
  const name = lang === 'en' ? drug.names.en.charAt(0).toUpperCase() + drug.names.en.slice(1) : drug.names.zh;
  return strength ? `${name} ${strength} mg` : name;
}

/** The order a change replaces now: the one it names while current, else that one's current successor. */
function targetOf(order: FhirResource, resources: readonly FhirResource[]): string | undefined {
  const prior = priorIdOf(order);
  return prior ? (currentPrior(prior, resources)?.id ?? prior) : undefined;
}

/**
 * The critical findings for `subjects` (orders under review: drafts being signed or an order awaiting review) that
 * replace the same order as another pending change: one of the other `subjects`, or an order in `resources` awaiting
 * the pharmacist. One finding per group, the subjects marked `draft`, the others `pending`.
 */
export function samePriorFindings(
  subjects: readonly FhirResource[],
  resources: readonly FhirResource[],
  drugs: DrugKnowledgeBase,
): Finding[] {
  const subjectIds = new Set(subjects.map((s) => String(s.id)));
  const candidates = [
    ...subjects,
    ...resources.filter((r) => isOrder(r) && isAwaitingReview(r) && !subjectIds.has(String(r.id))),
  ];
  const out = new Map<string, Finding>();
  // An order in effect (approved, or signed without review) is the current order now, no pending change.
  const pending = subjects.filter((s) => (s as { status?: string }).status === 'draft');
  for (const subject of pending) {
    const target = targetOf(subject, resources);
    if (!target) continue;
    const group = candidates.filter(
      (c) => (c as { status?: string }).status === 'draft' && targetOf(c, resources) === target,
    );
    if (group.length < 2) continue;
    const replaced = resources.find((r) => isOrder(r) && String(r.id) === target);
    const ids = group.map(ref).sort();
    const id = `${SAME_PRIOR_RULE}:${ids.join('+')}`;
    if (out.has(id)) continue;
    const named = (lang: 'zh' | 'en') =>
      replaced ? nameIn(replaced, lang, drugs) : `MedicationRequest/${target}`;
    const list = (lang: 'zh' | 'en') =>
      group.map(
        (g) =>
          `${nameIn(g, lang, drugs)}${subjectIds.has(String(g.id)) ? '' : lang === 'zh' ? '，待药师审核' : ', awaiting pharmacist review'}`,
      );
    out.set(id, {
      ...base(id, SAME_PRIOR_RULE, group, subjectIds, drugs, target),
      summary: {
        en: `Two pending changes replace the same order (${named('en')}): ${list('en').join('; ')}`,
        zh: `两个待生效的变更替换同一医嘱（${named('zh')}）：${list('zh').join('；')}`,
      },
      detail: {
        en: 'Each change stops the same current order when it takes effect: approving both would leave the patient on both replacements, or the second silently replacing the first. Keep one and return or withdraw the other.',
        zh: '两个变更生效时都会停止同一条当前医嘱：两个都通过会使患者同时使用两种替换药物，或后一个在无人选择的情况下替换前一个。请保留其一，退回或撤回另一个。',
      },
    });
  }
  // Signed and awaiting review, but the order it names was replaced by another change since: approval is refused.
  for (const subject of subjects) {
    const other = isAwaitingReview(subject) ? replacedMeanwhile(subject, resources) : undefined;
    if (!other) continue;
    const id = `${REPLACED_MEANWHILE_RULE}:${ref(subject)}+${ref(other)}`;
    out.set(id, {
      ...base(id, REPLACED_MEANWHILE_RULE, [subject, other], subjectIds, drugs, priorIdOf(subject)!),
      summary: {
        en: `The order this changes was already replaced by another change (${nameIn(other, 'en', drugs)}): return it to the prescriber`,
        zh: `本医嘱要替换的医嘱已被另一变更替换（${nameIn(other, 'zh', drugs)}）：请退回给医生`,
      },
      detail: {
        en: 'Approving it would stop that change and start this one without anyone choosing between them; approval is refused until it is prescribed again against the current order.',
        zh: '若通过，将停止那个变更并启用本医嘱，而无人在两者之间作出选择；在按当前医嘱重新开具之前不能通过。',
      },
    });
  }
  return [...out.values()];
}

export const REPLACED_MEANWHILE_RULE = 'change-of-replaced-order';

function base(
  id: string,
  ruleId: string,
  group: readonly FhirResource[],
  subjectIds: Set<string>,
  drugs: DrugKnowledgeBase,
  target: string,
): Finding {
  const src = sourceOf(SOURCE_ID);
  return {
    id,
    ruleId,
    type: 'duplication',
    severity: 'critical',
    summary: { en: '', zh: '' },
    detail: { en: '', zh: '' },
    drugs: [...new Set(group.map((g) => drugs.match(medicationText(g))?.drug.names.en ?? medicationText(g)))],
    evidence: {
      orders: group.map((g) => ({
        id: ref(g),
        text: medicationText(g),
        draft: subjectIds.has(String(g.id)),
        ...(subjectIds.has(String(g.id)) || !isAwaitingReview(g) ? {} : { pending: true as const }),
      })),
      facts: [`priorPrescription:MedicationRequest/${target}`],
    },
    source: {
      id: src.id,
      label: withoutInternalReferences(src.label),
      citation: withoutInternalReferences(src.citation),
      ...(src.url ? { url: src.url } : {}),
    },
  };
}

/**
 * The order that replaced the one `order` names after `order` was signed (another change approved first), or
 * undefined: the order named is current, or none replaced it. Approving `order` then is refused (issue 20/19).
 */
export function replacedMeanwhile(
  order: FhirResource,
  resources: readonly FhirResource[],
): FhirResource | undefined {
  const prior = priorIdOf(order);
  if (!prior) return undefined;
  const current = currentPrior(prior, resources);
  return current && String(current.id) !== prior && current.id !== order.id ? current : undefined;
}

/**
 * The refusal of such an approval, in the caller's language: the 409 and the card's `approvalRefused` line. The
 * other change by its medicine, never by resource id (issue 20, non-author try: the screen showed
 * `MedicationRequest/…`).
 */
/**
 * Why an order cannot be approved while another change of the same order awaits review (issue 20, non-author try),
 * in words, from its 'two pending changes' finding; undefined without one. The finding is not overridden away —
 * as signing in care refuses it (packages/care/same-prior.ts): one of the two is returned first.
 */
export function pendingPairRefusal(findings: readonly Finding[], zh: boolean): string | undefined {
  const pair = findings.find((f) => f.ruleId === SAME_PRIOR_RULE);
  if (!pair) return undefined;
  return zh
    ? `不能通过：${pair.summary.zh}。同一医嘱只能有一个待生效的变更，填写忽略理由也不能通过：请先退回其中一个。`
    : `Cannot be approved: ${pair.summary.en}. An order can have only one pending change, whatever override reason is given: return one of them first.`;
}

export function replacedMeanwhileMessage(other: FhirResource, drugs: DrugKnowledgeBase, zh: boolean): string {
  return zh
    ? `不能通过：本医嘱要替换的医嘱已被另一变更（${nameIn(other, 'zh', drugs)}）替换。请退回给医生，按当前医嘱重新开具。`
    : `Cannot be approved: the order this one replaces was already replaced by another change (${nameIn(other, 'en', drugs)}). Return it to the prescriber to prescribe again against the current order.`;
}
