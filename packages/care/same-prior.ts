/**
 * A second pending replacement of one order is never signed (issue 20/19, SAFETY; a non-author try: a chlorthalidone
 * switch awaiting the pharmacist replaced hydrochlorothiazide 25 mg, a hydrochlorothiazide 12.5 mg dose change of the
 * same order was signed once its critical finding was acknowledged, and went to the pharmacist as well). The
 * finding 'two pending changes replace the same order' (pharmacy-review same-prior.ts) stays on the draft so the
 * prescriber sees why; acknowledging it does not sign: signing is refused (409) in the request's language until one
 * of the two is withdrawn (or the other is returned by the pharmacist). Source: 《医疗机构处方审核规范》(2018)
 * appropriateness review, duplicate medication. Pure over its inputs.
 */
import { QihuangError } from '@qihuang/contracts';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { SAME_PRIOR_RULE, samePriorFindings } from '@qihuang/pharmacy-review';
import type { FhirResource } from '@qihuang/store';
import type { DraftLanguage } from './draft-text.ts';

/** Stable reason id at the start of the refusal's issue (no finding or resource id: nothing to acknowledge). */
export const SECOND_REPLACEMENT = 'care.second-pending-replacement';

/**
 * The refusal of signing `draft` (its priorPrescription already the order it replaces now) while another change of
 * that order awaits the pharmacist, in `lang`; undefined when there is none.
 */
export function secondReplacementRefusal(
  draft: FhirResource,
  resources: readonly FhirResource[],
  drugs: DrugKnowledgeBase,
  lang: DraftLanguage,
): QihuangError | undefined {
  const found = samePriorFindings([draft], resources, drugs).find(
    (f) => f.ruleId === SAME_PRIOR_RULE && f.evidence.orders.some((o) => o.pending === true),
  );
  if (!found) return undefined;
  const message =
    lang === 'zh'
      ? `不能签署：${found.summary.zh}。同一医嘱只能有一个待生效的变更，确认警示也不能签署：请撤回其中一个——本草稿，或待药师审核的那个变更。`
      : `This draft cannot be signed: ${found.summary.en}. An order can have only one pending change, whatever is acknowledged: withdraw one of them — this draft, or the change awaiting pharmacist review.`;
  return new QihuangError('conflict', message, {
    issues: [{ severity: 'error', code: 'business-rule', message: `${SECOND_REPLACEMENT}: ${message}` }],
  });
}
