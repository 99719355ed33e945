/** The drug knowledge base's entry for an order: its urn:qihuang:drug coding, else the drug its text names. */
import type { DrugEntry } from '@qihuang/drug-knowledge';
import type { FhirResource } from '@qihuang/store';
import type { CareDeps } from './deps.ts';
import { drugIdOf } from './drug-text.ts';

interface Concept {
  text?: string;
  coding?: { system?: string; code?: string; display?: string }[];
}

export function drugOfOrder(deps: Pick<CareDeps, 'drugs'>, resource: FhirResource): DrugEntry | undefined {
  const concept = (resource as { medicationCodeableConcept?: Concept }).medicationCodeableConcept;
  const id = drugIdOf(concept);
  return (id ? deps.drugs.getDrug(id) : undefined) ?? deps.drugs.match(concept?.text ?? '')?.drug;
}
