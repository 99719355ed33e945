/**
 * Which order is which (issue 20, H10): a finding naming two orders of the same text — Mrs Ferry's two lisinopril
 * 10 mg orders awaiting review read "赖诺普利 10 mg，待药师审核；赖诺普利 10 mg" — names each as its card does: the
 * prescriber and the time written in the hospital's zone ("Min Li 2026-12-07 10:00 开具" / "prescribed by Min Li
 * 2026-12-07 10:00"). The labels are made here and passed to the review engine (MedicationInput.orderLabel), which
 * reads no names or clock.
 */
import type { Bilingual } from '@qihuang/drug-knowledge';
import type { ReviewInput } from '@qihuang/engines/prescription-review';
import type { FhirResource } from '@qihuang/store';

/** Labels by the engine's order id ("MedicationRequest/<id>"). */
export type OrderLabels = ReadonlyMap<string, Bilingual>;

/** "YYYY-MM-DD HH:mm" of an instant in an IANA zone, as the card shows the time written; undefined if unreadable. */
export function zonedMinute(iso: string | undefined, timeZone: string): string | undefined {
  const at = iso ? new Date(iso) : undefined;
  if (!at || Number.isNaN(at.getTime())) return undefined;
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
    const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
    return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
  } catch {
    return undefined;
  }
}

/** An order's label from its prescriber's name and the time it was written; undefined when neither is known. */
export function orderLabel(
  prescriber: string | undefined,
  writtenAt: string | undefined,
  timeZone: string,
): Bilingual | undefined {
  const time = zonedMinute(writtenAt, timeZone);
  if (!prescriber && !time) return undefined;
  const who = [prescriber, time].filter(Boolean).join(' ');
  return {
    zh: `${who} 开具`,
    en: prescriber ? `prescribed by ${who}` : `prescribed ${time!}`,
  };
}

/** The labels of the patient's medication orders; `prescriberOf` names an order's prescriber as the card does. */
export async function orderLabels(
  resources: readonly FhirResource[],
  prescriberOf: (order: FhirResource) => Promise<string | undefined>,
  timeZone: string,
): Promise<Map<string, Bilingual>> {
  const labels = new Map<string, Bilingual>();
  for (const r of resources) {
    if (r.resourceType !== 'MedicationRequest' || !r.id) continue;
    const key = `MedicationRequest/${r.id}`;
    if (labels.has(key)) continue;
    const label = orderLabel(await prescriberOf(r), (r as { authoredOn?: string }).authoredOn, timeZone);
    if (label) labels.set(key, label);
  }
  return labels;
}

/** The engine's input with each order's label (the order under review and the patient's other orders). */
export function withOrderLabels(input: ReviewInput, labels: OrderLabels | undefined): ReviewInput {
  if (!labels?.size) return input;
  const label = <T extends { id: string }>(m: T): T => {
    const orderLabel = labels.get(m.id);
    return orderLabel ? { ...m, orderLabel } : m;
  };
  return {
    ...input,
    drafts: input.drafts.map(label),
    patient: { ...input.patient, medications: input.patient.medications.map(label) },
  };
}
