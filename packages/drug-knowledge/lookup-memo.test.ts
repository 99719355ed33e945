/**
 * The lookups that prescription review calls per medication and per allergy are memoised in the knowledge base,
 * and the name index is searched by first character; per-drug lists and cleaned source texts are computed once:
 * same answers as before, just cheaper.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BUILT_IN_DRUGS, createDrugKnowledgeBase, RXNORM_SYSTEM } from './index.ts';
import { CLEANED_LIMIT, withoutInternalReferences } from './internal-references.ts';
import { MEMO_LIMIT } from './knowledge-base.ts';
import { keysForDrug, NameIndex, normalizeName, type NameHit, type NameKey } from './name-index.ts';

const kb = createDrugKnowledgeBase();

describe('memoised lookups', () => {
  it('matchCodings answers a repeated lookup with the same result as a fresh knowledge base', () => {
    const codings = [{ system: RXNORM_SYSTEM, code: '17767', display: '苯磺酸氨氯地平片 5mg' }];
    const first = kb.matchCodings(codings, '苯磺酸氨氯地平片 5mg qd');
    expect(first?.drug.id).toBe('amlodipine');
    expect(kb.matchCodings(codings, '苯磺酸氨氯地平片 5mg qd')).toBe(first);
    expect(first).toEqual(createDrugKnowledgeBase().matchCodings(codings, '苯磺酸氨氯地平片 5mg qd'));
    // Text-only lookups too.
    const byText = kb.matchCodings([], 'Lisinopril 20 mg tablet daily');
    expect(byText?.drug.id).toBe('lisinopril');
    expect(kb.matchCodings([], 'Lisinopril 20 mg tablet daily')).toBe(byText);
  });

  it('keeps apart inputs the lookup treats differently: empty vs absent text, number vs string code', () => {
    const codings = [{ system: RXNORM_SYSTEM, code: '17767', display: 'amlodipine 5 mg' }];
    // Absent text: the dose comes from the display; empty text: from ''.
    expect(kb.matchCodings(codings)?.parsed.doseMg).toBe(5);
    expect(kb.matchCodings(codings, '')?.parsed.doseMg).toBeUndefined();
    expect(kb.matchCodings(codings)?.parsed.doseMg).toBe(5);
    const numeric = [{ system: RXNORM_SYSTEM, code: 17767 as unknown as string }];
    expect(kb.matchCodings(numeric)).toBeUndefined();
    expect(kb.matchCodings([{ system: RXNORM_SYSTEM, code: '17767' }])?.drug.id).toBe('amlodipine');
    expect(kb.matchCodings(numeric)).toBeUndefined();
  });

  it('matchAllergen answers a repeated lookup with the same result as a fresh knowledge base', () => {
    const allergy = {
      text: '青霉素过敏',
      codes: [{ system: 'http://snomed.info/sct', code: '91936005', display: 'Allergy to penicillin' }],
    };
    const first = kb.matchAllergen(allergy);
    expect(first.groups).toContain('penicillin');
    expect(kb.matchAllergen({ ...allergy })).toBe(first);
    expect(first).toEqual(createDrugKnowledgeBase().matchAllergen(allergy));
    expect(kb.matchAllergen({ text: '' })).toEqual({ drugIds: [], groups: [] });
  });

  it('stays correct past its bound (oldest entries dropped, recomputed on demand)', () => {
    const small = createDrugKnowledgeBase();
    const first = small.matchCodings([], 'amlodipine 5 mg');
    for (let i = 0; i < MEMO_LIMIT + 10; i++) small.matchCodings([], `unknown drug ${i}`);
    expect(small.matchCodings([], 'amlodipine 5 mg')).toEqual(first);
  });
});

/** The name search as it was before the first-character buckets: one indexOf scan of the text per key. */
function referenceSearch(keys: NameKey[], text: string): NameHit[] {
  const seen = new Set<string>();
  const sorted = keys
    .filter((k) => {
      const id = `${k.key}\u0000${k.drugId}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => b.key.length - a.key.length || a.key.localeCompare(b.key));
  const isLetter = (ch: string | undefined) => ch !== undefined && /[a-z]/.test(ch);
  const hay = normalizeName(text);
  const taken: [number, number][] = [];
  const hits: NameHit[] = [];
  for (const k of sorted) {
    let from = 0;
    for (;;) {
      const at = hay.indexOf(k.key, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + k.key.length;
      if (k.latin && (isLetter(hay[at - 1]) || isLetter(hay[end]))) continue;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      hits.push({ ...k, start: at, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

describe('name index search', () => {
  const keys = BUILT_IN_DRUGS.flatMap((d) => keysForDrug(d));
  const index = new NameIndex(keys);
  const names = [...new Set(keys.map((k) => k.key))];

  it('finds the same hits as a per-key scan, for every name and for names run together', () => {
    for (const name of names) expect(index.search(name)).toEqual(referenceSearch(keys, name));
    for (let i = 0; i + 2 < names.length; i += 3) {
      const text = `${names[i]}${names[i + 1]} ${names[i + 2]} 5mg`;
      expect(index.search(text)).toEqual(referenceSearch(keys, text));
    }
  });

  it('finds the same hits as a per-key scan for arbitrary text around drug names', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...names),
            fc.string({ maxLength: 4 }),
            fc.constantFrom(' ', '/', '-', '片', 'mg', 'S', 'ER'),
          ),
          { maxLength: 6 },
        ),
        (parts) => {
          const text = parts.join('');
          expect(index.search(text)).toEqual(referenceSearch(keys, text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('per-drug lists and cleaned source texts', () => {
  it('classesOf, atcOf and allergyGroupsOf answer as a fresh knowledge base, each call a list of its own', () => {
    const fresh = () => createDrugKnowledgeBase();
    for (const drug of BUILT_IN_DRUGS) {
      for (const of of ['classesOf', 'atcOf', 'allergyGroupsOf'] as const) {
        const first = kb[of](drug);
        expect(first).toEqual(fresh()[of](drug));
        (first as string[]).push('changed by a caller');
        expect(kb[of](drug)).toEqual(fresh()[of](drug));
      }
    }
  });

  it('withoutInternalReferences answers a repeated text as the first time, also past its bound', () => {
    const text = 'REFERENCE §6 row 3 (UNVERIFIED): ACC/AHA 2017 §8.1.2';
    const first = withoutInternalReferences(text);
    expect(first).toBe('ACC/AHA 2017 §8.1.2');
    expect(withoutInternalReferences(text)).toBe(first);
    for (let i = 0; i < CLEANED_LIMIT + 10; i++) withoutInternalReferences(`REFERENCE §${i}: label ${i}`);
    expect(withoutInternalReferences('REFERENCE §7: label 7')).toBe('label 7');
    expect(withoutInternalReferences(text)).toBe(first);
    const long = `REFERENCE §1: ${'x'.repeat(3000)}`;
    expect(withoutInternalReferences(long)).toBe('x'.repeat(3000));
  });
});
