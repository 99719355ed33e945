/**
 * Dose changes and switches drafted as changes (issue 20/19): an engine order that increases, reduces or replaces
 * a drug the patient already has on an active MedicationRequest names that order in `priorPrescription`, and
 * records the drug it changes (REPLACES_EXTENSION); the review leaves the order being replaced out, and signing
 * names the patient's current order of it again (it may have been replaced meanwhile, or become active only
 * after the proposal) — stopped when the change becomes active (sign.ts, pharmacy-review's approval), so the
 * patient is never left on the old and the new drug or dose together.
 */
import type { ProposedOrder } from '@qihuang/engines/hypertension-care';
import { currentPrior, priorIdOf } from '@qihuang/pharmacy-review';
import type { FhirResource } from '@qihuang/store';
import type { CareDeps } from './deps.ts';

/** The engine agent id of the drug a change draft replaces (a switch: the old drug; a dose change: the same). */
export const REPLACES_EXTENSION = 'urn:qihuang:replaces-drug';

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

/** The agent an engine order changes (increase/reduce: the same agent; replace: the agent it replaces). */
export function replacedAgentOf(order: ProposedOrder): string | undefined {
  if (order.action === 'increase' || order.action === 'reduce') return order.agent;
  return order.action === 'replace' ? order.replaces : undefined;
}

function activeOrderOf(
  deps: CareDeps,
  agent: string,
  resources: readonly FhirResource[],
): FhirResource | undefined {
  return resources.find(
    (r) =>
      r.resourceType === 'MedicationRequest' &&
      (r as OrderShape).status === 'active' &&
      agentOf(deps, r) === agent,
  );
}

/** The active order an engine order changes. */
export function priorOrderFor(
  deps: CareDeps,
  order: ProposedOrder,
  resources: readonly FhirResource[],
): FhirResource | undefined {
  const agent = replacedAgentOf(order);
  return agent ? activeOrderOf(deps, agent, resources) : undefined;
}

/**
 * The patient's current order a change draft replaces when it is signed: the order its priorPrescription names,
 * or that order's current successor; else the active order of the drug it records it changes. `resources`: the
 * chart (active orders and those awaiting the pharmacist).
 */
export function priorAtSigning(
  deps: CareDeps,
  draft: FhirResource,
  resources: readonly FhirResource[],
): FhirResource | undefined {
  const named = currentPrior(priorIdOf(draft), resources);
  if (named) return named;
  const agent = (draft as { extension?: { url: string; valueString?: string }[] }).extension?.find(
    (e) => e.url === REPLACES_EXTENSION,
  )?.valueString;
  return agent ? activeOrderOf(deps, agent, resources) : undefined;
}

/** The ids of the orders the drafts replace: those named, and their current successors in `resources`. */
export function replacedIdsOf(
  drafts: readonly FhirResource[],
  resources: readonly FhirResource[],
): Set<string> {
  const ids = priorIdsOf(drafts);
  for (const d of drafts) {
    const current = currentPrior(priorIdOf(d), resources)?.id;
    if (current) ids.add(current);
  }
  return ids;
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
