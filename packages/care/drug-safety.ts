/**
 * Every drug a model recommends in an answer is run through prescription review against this patient's
 * chart, as a hypothetical draft: a contraindicated drug (pregnancy, allergy, condition, renal function,
 * interaction with what the patient takes) becomes a contradicted claim shown with the answer. The grounding
 * guard checks what the sentence says; this checks whether the drug fits the patient.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { buildReviewInput, reviewPrescriptions, type Finding } from '@qihuang/engines/prescription-review';
import { findMentions, splitSentences, type CheckedClaim } from '@qihuang/guard';
import type { FhirResource } from '@qihuang/store';

/** Sentences that warn against a drug rather than recommend it. */
const CAUTION =
  /\b(avoid|avoided|not|don't|do not|never|contraindicated|stop|discontinue|instead of)\b|避免|禁用|禁忌|不宜|不推荐|不建议|停用|停药|慎用|不要|勿/i;
const SAFETY_TYPES = new Set<Finding['type']>([
  'contraindication',
  'pregnancy',
  'allergy',
  'interaction',
  'renal',
  'hepatic',
  'dose',
  'lab',
]);

export function reviewRecommendedDrugs(
  answer: string,
  chart: readonly FhirResource[],
  drugs: DrugKnowledgeBase,
  now: Date,
  exclude: ReadonlySet<string> = new Set(),
): CheckedClaim[] {
  const claims: CheckedClaim[] = [];
  const seen = new Set<string>();
  for (const sentence of splitSentences(answer)) {
    if (CAUTION.test(sentence.text)) continue;
    for (const mention of findMentions(sentence.text, drugs)) {
      const drug = mention.drug;
      if (!drug || exclude.has(drug.id) || seen.has(drug.id)) continue;
      seen.add(drug.id);
      const draft = {
        resourceType: 'MedicationRequest',
        id: `model-mention-${drug.id}`,
        status: 'draft',
        intent: 'proposal',
        medicationCodeableConcept: { text: sentence.text.slice(mention.start, mention.start + 60) },
        subject: { reference: 'Patient/model-answer' },
      };
      const input = buildReviewInput(chart as unknown as Resource[], {
        now,
        draftOrders: [draft as unknown as Resource],
      });
      const findings = reviewPrescriptions(input, drugs).findings.filter(
        (f) => SAFETY_TYPES.has(f.type) && (f.severity === 'critical' || f.severity === 'warning'),
      );
      for (const f of findings) {
        claims.push({
          text: sentence.text,
          kind: 'drug-condition',
          verdict: 'contradicted',
          evidence: [
            { source: `prescription review: ${f.source.label}`, text: `${f.summary.en} — ${f.summary.zh}` },
          ],
          reason: `Prescription review of ${drug.names.en} for this patient: ${f.summary.en}`,
          checks: [`prescription-review:${f.ruleId}`],
          start: sentence.start,
          end: sentence.end,
          citations: sentence.citations,
        });
      }
    }
  }
  return claims;
}
