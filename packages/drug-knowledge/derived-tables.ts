/**
 * Tables derived from a knowledge base's data, built once per knowledge base (its data never changes once built)
 * instead of on every review (issue 19). Pure functions of the data; the knowledge base holds the results.
 */
import type { Bilingual, DrugClass, DrugClassId, SourceId } from './types.ts';

/** Classes whose duplication is a problem, by duplication group (a class without a group is its own group). */
export interface DuplicationClassGroup {
  id: string;
  names: Bilingual;
  source: SourceId;
  /** Member classes, in class-table order. */
  classIds: readonly DrugClassId[];
  /** The member classes' ATC prefixes, in the same order. */
  atc: readonly string[];
}

/** Groups in the order their first member appears in the class table; frozen (shared by every review). */
export function duplicationGroupsOf(
  classes: Readonly<Record<DrugClassId, DrugClass>>,
): readonly DuplicationClassGroup[] {
  const groups = new Map<
    string,
    { id: string; names: Bilingual; source: SourceId; classIds: DrugClassId[]; atc: string[] }
  >();
  for (const cls of Object.values(classes)) {
    if (!cls.duplicationIsProblem) continue;
    const g = cls.duplicationGroup ?? cls;
    const entry = groups.get(g.id) ?? { id: g.id, names: g.names, source: g.source, classIds: [], atc: [] };
    entry.classIds.push(cls.id);
    entry.atc.push(...(cls.atcPrefixes ?? []));
    groups.set(g.id, entry);
  }
  return Object.freeze(
    [...groups.values()].map((g) =>
      Object.freeze({ ...g, classIds: Object.freeze(g.classIds), atc: Object.freeze(g.atc) }),
    ),
  );
}

/** ATC level 4 (the first five characters) of a list of ATC codes, each group once, in first-seen order. */
export function atcLevel4(codes: readonly string[]): string[] {
  return [...new Set(codes.map((c) => c.slice(0, 5)))];
}
