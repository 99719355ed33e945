/**
 * The prescription-review handler behind the order-select, order-sign and patient-view services: the draft
 * orders (or the active regimen) reviewed against the gathered record, each finding one card, overridden
 * findings not repeated, every card remembered for feedback.
 */
import type { Bundle } from '@medplum/fhirtypes';
import { buildReviewInput, resourcesOf, reviewPrescriptions } from '@qihuang/engines/prescription-review';
import { findingToCard } from './cards.ts';
import type { CdsService, CdsServiceContext } from './service.ts';
import type { CdsCard } from './types.ts';

/** 'drafts': review the draft orders; 'all': review the active regimen (patient-view). */
export type ReviewScope = 'drafts' | 'all';

export function prescriptionReview(scope: ReviewScope): CdsService['handle'] {
  return async ({ service, request, gather, now, config, kb, state, uuid, locale }: CdsServiceContext) => {
    const gathered = await gather();
    const draftOrders = resourcesOf(request.context.draftOrders as unknown as Bundle | undefined).filter(
      (r) => r.resourceType === 'MedicationRequest',
    );
    const input = buildReviewInput(gathered.resources, { now, draftOrders });
    if (scope === 'drafts' && input.drafts.length === 0) return [];
    const result = reviewPrescriptions(input, kb, {
      severityThreshold: config.severityThreshold,
      suppress: config.suppress,
      scope,
      timeZone: config.timeZone, // dates of readings (heart rate) as local dates (issue 18/20)
    });
    const selections = new Set(request.context.selections ?? []);
    const patientId = request.context.patientId;
    const drafts = new Map(draftOrders.map((r) => [`${r.resourceType}/${r.id}`, r]));
    const orders = new Map([...input.drafts, ...input.patient.medications].map((m) => [m.id, m]));
    const cards: CdsCard[] = [];
    const summaries = new Set<string>();
    for (const finding of result.findings) {
      // order-select: only what concerns the orders just selected.
      if (selections.size && !finding.evidence.orders.some((o) => selections.has(o.id))) continue;
      // No repeat of a card the clinician overrode for this patient and these orders.
      if (await state.isOverridden(patientId, finding.id)) continue;
      const card = findingToCard(finding, {
        locale,
        kb,
        orders,
        labs: input.patient.labs,
        now,
        timeZone: config.timeZone,
        labWindowDays: config.labWindowDays,
        uuid,
        drafts,
        ...(config.sourceUrl ? { sourceUrl: config.sourceUrl } : {}),
      });
      if (summaries.has(card.summary)) continue;
      summaries.add(card.summary);
      await state.rememberCard(card.uuid!, {
        serviceId: service.id,
        patientId,
        findingId: finding.id,
        suggestionIds: (card.suggestions ?? []).map((s) => s.uuid!),
      });
      cards.push(card);
    }
    return cards;
  };
}
