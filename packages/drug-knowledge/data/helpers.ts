import type { DoseFact, DrugClassId, DrugEntry, RenalFact, SourceId } from '../types.ts';

/** Compact constructor for a drug entry; identity facts default to REFERENCE §5.1 (names, ATC). */
export function drug(
  id: string,
  en: string,
  zh: string,
  classes: DrugClassId[],
  codes: { atc?: string[]; rxnorm?: string[] },
  rest: Omit<Partial<DrugEntry>, 'id' | 'names' | 'classes'> = {},
): DrugEntry {
  return { id, names: { en, zh }, classes, ...codes, source: rest.source ?? 'ref-5.1', ...rest };
}

/** Daily dose fact in mg. */
export function mg(
  usual: [number, number] | undefined,
  max: number | undefined,
  times: number[],
  source: SourceId,
  extra: Partial<DoseFact> = {},
): DoseFact {
  return { unit: 'mg', usualDaily: usual, maxDaily: max, timesPerDay: times, source, ...extra };
}

export function renal(
  id: string,
  measure: 'eGFR' | 'CrCl',
  below: number,
  action: RenalFact['action'],
  en: string,
  zh: string,
  source: SourceId,
  extra: Partial<RenalFact> = {},
): RenalFact {
  return { id, measure, below, action, text: { en, zh }, source, ...extra };
}
