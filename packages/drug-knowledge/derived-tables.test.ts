/**
 * Tables derived from the knowledge base are built once per knowledge base (issue 19: the duplication check
 * rebuilt its class-group table and every drug's ATC groups on every review), with the same content as the
 * derivation the check did per call.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase, type DrugClassId } from './index.ts';

const kb = createDrugKnowledgeBase();

/** The duplication check's per-call derivation, as it was. */
function groupsAsBefore() {
  const groups = new Map<
    string,
    { id: string; names: unknown; source: string; classIds: string[]; atc: string[] }
  >();
  for (const cls of Object.values(kb.classes)) {
    if (!cls.duplicationIsProblem) continue;
    const g = cls.duplicationGroup ?? cls;
    const entry = groups.get(g.id) ?? { id: g.id, names: g.names, source: g.source, classIds: [], atc: [] };
    entry.classIds.push(cls.id);
    entry.atc.push(...(cls.atcPrefixes ?? []));
    groups.set(g.id, entry);
  }
  return [...groups.values()];
}

describe('derived tables', () => {
  it('duplicationGroups: the classes whose duplication is a problem, by group, in class order', () => {
    expect(kb.duplicationGroups).toEqual(groupsAsBefore());
    expect(kb.duplicationGroups.some((g) => g.classIds.length > 1)).toBe(true); // thiazide + thiazide-like
    expect(kb.duplicationGroups.find((g) => g.classIds.includes('thiazide-like' as DrugClassId))?.id).toBe(
      kb.duplicationGroups.find((g) => g.classIds.includes('thiazide' as DrugClassId))?.id,
    );
  });

  it('duplicationGroups is built once per knowledge base', () => {
    expect(kb.duplicationGroups).toBe(kb.duplicationGroups);
    expect(Object.isFrozen(kb.duplicationGroups)).toBe(true);
    expect(createDrugKnowledgeBase().duplicationGroups).toEqual(kb.duplicationGroups);
  });

  it('atcGroupsOf: each drug’s distinct ATC level-4 groups (first five characters), ingredients included', () => {
    for (const drug of kb.drugs) {
      const before = [...new Set(kb.atcOf(drug).map((c) => c.slice(0, 5)))];
      expect(kb.atcGroupsOf(drug), drug.id).toEqual(before);
    }
    const combo = kb.drugs.find((d) => d.components && d.components.length > 1)!;
    expect(kb.atcGroupsOf(combo).length).toBeGreaterThan(1);
  });

  it('atcGroupsOf hands out a fresh list: a caller changing it changes no other caller’s', () => {
    const drug = kb.getDrug('amlodipine')!;
    const first = kb.atcGroupsOf(drug);
    first.push('X');
    expect(kb.atcGroupsOf(drug)).not.toContain('X');
  });
});
