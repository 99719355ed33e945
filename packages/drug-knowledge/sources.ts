import { LABEL_SOURCES } from './sources/labels.ts';
import { REFERENCE_SOURCES } from './sources/reference.ts';
import type { Source } from './types.ts';

/**
 * Provenance registry. "REFERENCE" is ../shared/clinical/REFERENCE.md (the project's clinical reference);
 * label statements are cited by product name and section. Statements marked (UNVERIFIED) in REFERENCE stay
 * marked here: check the primary source before raising a rule's severity.
 */
const list: Source[] = [...REFERENCE_SOURCES, ...LABEL_SOURCES];

export const SOURCES: Readonly<Record<string, Source>> = Object.fromEntries(list.map((s) => [s.id, s]));

export function sourceOf(id: string): Source {
  return SOURCES[id] ?? { id, label: id, citation: id };
}
