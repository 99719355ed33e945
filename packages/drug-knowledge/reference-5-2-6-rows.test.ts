/**
 * Issue 18/20 (guard round 7): drug facts REFERENCE states that the knowledge base could not check.
 * - REFERENCE §6 row 3: ACEi/ARB/aliskiren + potassium-sparing diuretic, K⁺ supplement "or trimethoprim" → major
 *   (monitor), hyperkalaemia; check K⁺, avoid if K⁺ >5.0 (sources: labels; ACC/AHA 2017 Table 18 comments,
 *   UNVERIFIED). Co-trimoxazole (复方磺胺甲噁唑) carries trimethoprim.
 * - REFERENCE §6 row 18: non-selective β-blocker + insulin / sulfonylureas → moderate (masked hypoglycaemia;
 *   labels). Glibenclamide (格列本脲, glyburide) is a sulfonylurea (WHO ATC A10BB01).
 * - REFERENCE §5.2 β-blockers, absolute (compelling) contraindications: "bradycardia (HR <50–60)" (ACC/AHA 2017
 *   Table 18 comments; ESH 2023; China 2018; exact wording UNVERIFIED per the section's note).
 */
import { describe, expect, it } from 'vitest';
import { DRUG_CLASSES, INTERACTIONS, SOURCES, createDrugKnowledgeBase, type DrugEntry } from './index.ts';

const kb = createDrugKnowledgeBase();
const ATC = 'http://www.whocc.no/atc';

describe('glibenclamide, trimethoprim and co-trimoxazole are known', () => {
  it.each([
    ['格列本脲片 2.5mg qd', 'glibenclamide'],
    ['glibenclamide 5 mg bid', 'glibenclamide'],
    ['glyburide 5 mg daily', 'glibenclamide'],
    ['优降糖', 'glibenclamide'],
    ['甲氧苄啶片 100mg bid', 'trimethoprim'],
    ['trimethoprim 200 mg bid', 'trimethoprim'],
    ['复方磺胺甲噁唑片 2片 bid', 'sulfamethoxazole-trimethoprim'],
    ['co-trimoxazole 960 mg bid', 'sulfamethoxazole-trimethoprim'],
    ['Bactrim DS 1 tab bid', 'sulfamethoxazole-trimethoprim'],
    ['sulfamethoxazole/trimethoprim 800/160 mg', 'sulfamethoxazole-trimethoprim'],
    ['复方新诺明', 'sulfamethoxazole-trimethoprim'],
  ])('%s → %s', (text, id) => {
    expect(kb.match(text)?.drug.id).toBe(id);
  });

  it('has the WHO ATC codes and classes', () => {
    expect(kb.lookupCode(ATC, 'A10BB01')?.id).toBe('glibenclamide');
    expect(kb.lookupCode(ATC, 'J01EA01')?.id).toBe('trimethoprim');
    expect(kb.getDrug('glibenclamide')!.classes).toEqual(['sulfonylurea']);
    const combo = kb.getDrug('sulfamethoxazole-trimethoprim')!;
    expect(combo.atc).toEqual(['J01EE01']);
    expect(kb.ingredients(combo).map((d) => d.id)).toEqual(['sulfamethoxazole', 'trimethoprim']);
    // A sulfonamide antibiotic: a sulfa allergy reaches it.
    expect(kb.getDrug('sulfamethoxazole')!.allergyGroups).toContain('sulfonamide');
    expect(kb.getDrug('trimethoprim')!.source).toBe('who-atc');
  });
});

/** Units a rule member selects among a drug's ingredients (as the review engine resolves them). */
const selects = (ruleId: string, member: number, drug: DrugEntry): boolean => {
  const rule = INTERACTIONS.find((r) => r.id === ruleId)!;
  return kb
    .ingredients(drug)
    .some((u) =>
      rule.members[member]!.some((s) =>
        'class' in s
          ? u.classes.includes(s.class)
          : 'drug' in s
            ? s.drug === u.id
            : (u.tags ?? []).includes(s.tag),
      ),
    );
};

describe('REFERENCE §6 row 3: RAAS blocker + trimethoprim → hyperkalaemia (major, monitor K⁺)', () => {
  const rule = INTERACTIONS.find((r) => r.id === 'raas-potassium')!;
  it('the row-3 rule takes trimethoprim and co-trimoxazole as its potassium-raising member', () => {
    expect(rule.source).toBe('ref-6.3');
    expect(rule.severity).toBe('major');
    expect(rule.labGate).toEqual({ lab: 'potassium', above: 5.0, missingSeverity: 'info' }); // "avoid if K⁺ >5.0"
    expect(selects('raas-potassium', 1, kb.getDrug('trimethoprim')!)).toBe(true);
    expect(selects('raas-potassium', 1, kb.getDrug('sulfamethoxazole-trimethoprim')!)).toBe(true);
    for (const raas of ['lisinopril', 'losartan', 'aliskiren'])
      expect(selects('raas-potassium', 0, kb.getDrug(raas)!), raas).toBe(true);
    expect(selects('raas-potassium', 1, kb.getDrug('sulfamethoxazole')!)).toBe(false);
  });

  it('does not invent a pair REFERENCE does not state (trimethoprim + potassium-sparing diuretic alone)', () => {
    expect(selects('potassium-ksparing', 0, kb.getDrug('trimethoprim')!)).toBe(false);
  });
});

describe('REFERENCE §6 row 18: non-selective β-blocker + sulfonylurea (moderate)', () => {
  it('reaches glibenclamide through its class', () => {
    const rule = INTERACTIONS.find((r) => r.id === 'nonselective-bb-sulfonylurea')!;
    expect(rule).toMatchObject({ severity: 'moderate', source: 'ref-6.18' });
    expect(selects('nonselective-bb-sulfonylurea', 1, kb.getDrug('glibenclamide')!)).toBe(true);
    expect(selects('nonselective-bb-sulfonylurea', 0, kb.getDrug('propranolol')!)).toBe(true);
    // Row 18 names non-selective β-blockers only.
    expect(selects('nonselective-bb-sulfonylurea', 0, kb.getDrug('metoprolol-tartrate')!)).toBe(false);
  });
});

describe('REFERENCE §5.2: bradycardia (HR <50–60) is a β-blocker contraindication', () => {
  const bb = DRUG_CLASSES['beta-blocker'];
  it('a coded bradycardia is a contraindication, not a caution', () => {
    const f = bb.contraindications!.find((x) => x.id === 'bb-brady')!;
    expect(f).toMatchObject({ severity: 'contraindicated', source: 'ref-5.2' });
  });

  it('heart rate: below 50 contraindicated; 50–59, inside the range the sources give, a caution', () => {
    expect(bb.vitals).toEqual([
      expect.objectContaining({
        id: 'bb-hr-50',
        vital: 'heartRate',
        below: 50,
        severity: 'contraindicated',
        source: 'ref-5.2',
      }),
      expect.objectContaining({
        id: 'bb-hr-60',
        vital: 'heartRate',
        below: 60,
        severity: 'caution',
        source: 'ref-5.2',
      }),
    ]);
    for (const v of bb.vitals!) {
      expect(SOURCES[v.source]).toBeDefined();
      expect(v.condition.id).toBe('bradycardia');
    }
  });
});
