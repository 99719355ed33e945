/**
 * The name of the order a draft replaces (issue 20: a draft whose priorPrescription had no display read
 * "由 换为 氢氯噻嗪 12.5 mg"): when the reference carries no display, the referenced MedicationRequest is read and
 * its medication named — only when it is the same patient's order (same compartment), never another patient's.
 */
import type { RequestContext } from '@qihuang/contracts';
import type { FhirResource } from '@qihuang/store';
import type { CareDeps } from './deps.ts';
import { priorReference } from './prior-orders.ts';

interface Shape {
  subject?: { reference?: string };
  priorPrescription?: { reference?: string; display?: string };
}

/** `drafts` with each priorPrescription named from the order it references, when it has no display of its own. */
export async function withPriorNames(
  deps: Pick<CareDeps, 'repository'>,
  ctx: RequestContext,
  drafts: readonly FhirResource[],
): Promise<FhirResource[]> {
  return Promise.all(
    drafts.map(async (d) => {
      const { priorPrescription: prior, subject } = d as Shape;
      const ref = prior?.reference;
      if (!ref?.startsWith('MedicationRequest/') || prior?.display?.trim()) return d;
      const read = await deps.repository
        .read(ctx, 'MedicationRequest', ref.slice('MedicationRequest/'.length))
        .catch(() => undefined);
      if (!read || !subject?.reference || (read as Shape).subject?.reference !== subject.reference) return d;
      const named = priorReference(read);
      return named.display
        ? ({ ...d, priorPrescription: { ...prior, display: named.display } } as FhirResource)
        : d;
    }),
  );
}
