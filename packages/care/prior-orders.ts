/**
 * Dose changes drafted as changes (issue 20): an engine order that increases, reduces or replaces a drug the
 * patient already has on an active MedicationRequest names that order in `priorPrescription`; the review leaves
 * the order being replaced out (it stops when the change is signed), and signing completes it in the same
 * transaction — the patient is never left on the old and the new dose together.
 */
import type { ProposedOrder } from '@qihuang/engines/hypertension-care';
import type { FhirResource } from '@qihuang/store';
import type { CareDeps } from './deps.ts';

interface OrderShape {
  resourceType: string;
  id?: string;
  status?: string;
  medicationCodeableConcept?: { text?: string; coding?: { system?: string; code?: string }[] };
}

/** The engine agent id of an order: its urn:qihuang:drug coding, else the drug its text names. */
export function agentOf(deps: CareDeps, resource: FhirResource): string | undefined {
  const mr = resource as unknown as OrderShape;
  const coded = mr.medicationCodeableConcept?.coding?.find((c) => c.system === 'urn:qihuang:drug')?.code;
  if (coded) return coded;
  const text = mr.medicationCodeableConcept?.text;
  return text ? deps.drugs.match(text)?.drug.id : undefined;
}

/** The active order an engine order changes (increase/reduce: the same agent; replace: the agent it replaces). */
export function priorOrderFor(
  deps: CareDeps,
  order: ProposedOrder,
  resources: readonly FhirResource[],
): FhirResource | undefined {
  const agent =
    order.action === 'increase' || order.action === 'reduce'
      ? order.agent
      : order.action === 'replace'
        ? order.replaces
        : undefined;
  if (!agent) return undefined;
  return resources.find(
    (r) =>
      r.resourceType === 'MedicationRequest' &&
      (r as OrderShape).status === 'active' &&
      agentOf(deps, r) === agent,
  );
}

/** The ids of the active orders the given drafts replace (MedicationRequest/<id> → <id>). */
export function priorIdsOf(drafts: readonly FhirResource[]): Set<string> {
  const ids = new Set<string>();
  for (const d of drafts) {
    const ref = (d as { priorPrescription?: { reference?: string } }).priorPrescription?.reference;
    if (ref?.startsWith('MedicationRequest/')) ids.add(ref.slice('MedicationRequest/'.length));
  }
  return ids;
}

/** The order as the draft names it: `{ reference, display }` (display: the order's medication text, e.g. 'Amlodipine 5 mg'). */
export function priorReference(prior: FhirResource): { reference: string; display: string } {
  const mr = prior as unknown as OrderShape & { dosageInstruction?: { text?: string }[] };
  const display = mr.medicationCodeableConcept?.text ?? mr.dosageInstruction?.[0]?.text ?? '';
  return { reference: `MedicationRequest/${String(mr.id)}`, display };
}
