/**
 * The card's "replaces" line (issue 20/19, SAFETY): the order a switch or dose change replaces — the patient's
 * current order in its priorPrescription chain while it waits (replaced-order.ts), the order it stopped once
 * approved — its medicine in the card's language, and whether it is a switch (another drug, 换药) or a dose change
 * (the same drug, 调整剂量). The duplicate-therapy check leaves that order out (review-order.ts), so the card
 * says why the pair is no duplication.
 */
import type { RequestContext } from '@qihuang/contracts';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { FhirRepository, FhirResource } from '@qihuang/store';
import { isAwaitingReview, priorIdOf } from './awaiting-review.ts';
import { medicationLine } from './dosage-text.ts';
import { currentPrior, REPLACED_REASON } from './replaced-order.ts';
import { replacedMeanwhile } from './same-prior.ts';
import { medicationText, type PatientChart } from './review-order.ts';
import type { Language, QueueItem } from './api-types/index.ts';

export interface ReplacedOrder {
  id: string;
  kind: 'switch' | 'dose-change';
  text: string;
  zhName?: string;
  status: string;
  /** Awaiting review, the order named was replaced meanwhile by this other change (approval is refused). */
  replacedBy?: { text: string; zhName?: string };
  /** No longer current: when it last changed (its stop), and whether it was stopped outright, not replaced. */
  stoppedAt?: string;
  stoppedOutright?: boolean;
}

interface PriorShape {
  status?: string;
  meta?: { lastUpdated?: string };
  statusReason?: { coding?: { code?: string }[] };
}

/**
 * A replaced order no longer current: when it stopped (its last update) and whether a clinician stopped it outright
 * rather than a change replacing it (issue 20: approval still goes through, replaced-order.ts, but the card says so).
 */
function stoppedFacts(prior: FhirResource): Pick<ReplacedOrder, 'stoppedAt' | 'stoppedOutright'> {
  const p = prior as PriorShape;
  if (['active', 'on-hold'].includes(p.status ?? '')) return {};
  const replaced = p.statusReason?.coding?.some((c) => c.code === REPLACED_REASON.coding[0]!.code) ?? false;
  return {
    ...(p.meta?.lastUpdated ? { stoppedAt: p.meta.lastUpdated } : {}),
    ...(replaced ? {} : { stoppedOutright: true }),
  };
}

export async function replacedOrderOf(
  repo: FhirRepository,
  ctx: RequestContext,
  order: FhirResource,
  chart: PatientChart,
  drugs: DrugKnowledgeBase,
): Promise<ReplacedOrder | undefined> {
  const priorId = priorIdOf(order);
  if (!priorId) return undefined;
  const current = currentPrior(priorId, chart.resources);
  // Awaiting review while another change replaced the order it names (approved first): the order named is still the
  // one it replaces, never that other change (issue 20, non-author try); approval is refused (same-prior.ts).
  const meanwhile = isAwaitingReview(order) ? replacedMeanwhile(order, chart.resources) : undefined;
  // Once approved the order itself is the current end of the chain: the one it replaced is its priorPrescription.
  const prior =
    current && current.id !== order.id && !meanwhile
      ? current
      : await repo.read(ctx, 'MedicationRequest', priorId).catch(() => undefined);
  if (!prior) return undefined;
  const drugOf = (r: FhirResource) => drugs.match(medicationText(r))?.drug;
  const by = meanwhile ? drugOf(meanwhile)?.names.zh : undefined;
  const before = drugOf(prior);
  const after = drugOf(order);
  const text = medicationText(prior);
  return {
    id: String(prior.id),
    kind: before && after && before.id === after.id ? 'dose-change' : 'switch',
    text,
    ...(before?.names.zh ? { zhName: before.names.zh } : {}),
    status: (prior as { status?: string }).status ?? 'unknown',
    ...(meanwhile ? { replacedBy: { text: medicationText(meanwhile), ...(by ? { zhName: by } : {}) } } : {}),
    ...stoppedFacts(prior),
  };
}

export function replacesLine(r: ReplacedOrder, lang: Language): NonNullable<QueueItem['replaces']> {
  return {
    id: r.id,
    kind: r.kind,
    medication: medicationLine(r.text, r.zhName, lang),
    status: r.status,
    ...(r.replacedBy ? { replacedBy: medicationLine(r.replacedBy.text, r.replacedBy.zhName, lang) } : {}),
    ...(r.stoppedAt ? { stoppedAt: r.stoppedAt } : {}),
    ...(r.stoppedOutright ? { stoppedOutright: true as const } : {}),
  };
}
