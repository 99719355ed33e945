import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BUILT_IN_DRUGS,
  DRUG_CLASSES,
  INTERACTIONS,
  SOURCES,
  createDrugKnowledgeBase,
  loadFormularyCsv,
  parseDose,
  parseLocalRules,
  type DrugSelector,
} from './index.ts';

const kb = createDrugKnowledgeBase();

describe('drug matching (Chinese / English, generic, brand, salt, codes)', () => {
  it.each([
    ['amlodipine', 'amlodipine', 'generic'],
    ['氨氯地平片 5mg qd', 'amlodipine', 'generic'],
    ['amlodipine besylate 5 mg', 'amlodipine', 'salt'],
    ['Amlodipine Besilate Tablets', 'amlodipine', 'salt'],
    ['苯磺酸氨氯地平片', 'amlodipine', 'salt'],
    ['Norvasc 10mg', 'amlodipine', 'brand'],
    ['络活喜', 'amlodipine', 'brand'],
    ['左旋氨氯地平片 2.5mg', 'levamlodipine', 'generic'],
    ['Lisinopril 20 mg tablet daily', 'lisinopril', 'generic'],
    ['氯沙坦钾片', 'losartan', 'salt'],
    ['科素亚', 'losartan', 'brand'],
    ['海捷亚', 'losartan-hydrochlorothiazide', 'brand'],
    ['氯沙坦钾氢氯噻嗪片', 'losartan-hydrochlorothiazide', 'generic'],
    ['琥珀酸美托洛尔缓释片 47.5mg', 'metoprolol-succinate', 'generic'],
    ['metoprolol succinate ER 50 mg', 'metoprolol-succinate', 'generic'],
    ['酒石酸美托洛尔片', 'metoprolol-tartrate', 'generic'],
    ['倍他乐克', 'metoprolol-tartrate', 'brand'],
    ['盐酸二甲双胍片 0.5g', 'metformin', 'salt'],
    ['Entresto 97/103 mg', 'sacubitril-valsartan', 'brand'],
    ['阿莫西林克拉维酸钾片', 'amoxicillin-clavulanate', 'generic'],
    [
      'Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML Oral Suspension',
      'amoxicillin-clavulanate',
      'generic',
    ],
    ['左氧氟沙星片', 'levofloxacin', 'generic'],
    ['拜新同', 'nifedipine', 'brand'],
    ['地尔硫卓缓释胶囊', 'diltiazem', 'synonym'],
  ])('%s → %s (%s)', (text, id, kind) => {
    const m = kb.match(text);
    expect(m?.drug.id).toBe(id);
    expect(m?.matchedOn).toBe(kind);
  });

  it('does not match inside other words (ofloxacin ⊄ levofloxacin, no partial English words)', () => {
    expect(kb.match('levofloxacin 500 mg')?.drug.id).toBe('levofloxacin');
    expect(kb.match('preamlodipinex')).toBeUndefined();
    expect(kb.match('vitamin D3 1000 IU')).toBeUndefined();
  });

  it('looks up RxNorm and ATC codes', () => {
    expect(kb.lookupCode('http://www.nlm.nih.gov/research/umls/rxnorm', '17767')?.id).toBe('amlodipine');
    expect(kb.lookupCode('http://www.nlm.nih.gov/research/umls/rxnorm', '617993')?.id).toBe(
      'amoxicillin-clavulanate',
    );
    expect(kb.lookupCode('http://www.whocc.no/atc', 'C09AA03')?.id).toBe('lisinopril');
    expect(kb.lookupCode('http://www.nlm.nih.gov/research/umls/rxnorm', '999999999')).toBeUndefined();
    expect(
      kb.matchCodings(
        [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '29046' }],
        'lisinopril 20 mg qd',
      )?.parsed.doseMg,
    ).toBe(20);
  });

  it('lookupName is exact', () => {
    expect(kb.lookupName('Norvasc')?.id).toBe('amlodipine');
    expect(kb.lookupName('Norvasc 5 mg')).toBeUndefined();
  });

  it('matches allergens to drugs and groups', () => {
    expect(kb.matchAllergen({ text: '青霉素' }).groups).toContain('penicillin');
    expect(
      kb.matchAllergen({ codes: [{ system: 'http://snomed.info/sct', code: '91936005' }] }).groups,
    ).toEqual(['penicillin']);
    expect(kb.matchAllergen({ text: 'sulfa drugs' }).groups).toContain('sulfonamide');
  });
});

describe('dose parsing', () => {
  it.each([
    ['氨氯地平片 5mg qd', 5, 1],
    ['Lisinopril 20 mg tablet daily', 20, 1],
    ['阿莫西林胶囊 0.25g×2粒 每日3次', 500, 3],
    ['metoprolol 25 mg bid', 25, 2],
    ['二甲双胍 0.5g 一日两次', 500, 2],
    ['clonidine 100 mcg tid', 0.1, 3],
  ])('%s → %s mg × %s/day', (text, dose, times) => {
    const p = parseDose(text);
    expect(p.doseMg).toBeCloseTo(dose);
    expect(p.timesPerDay).toBe(times);
  });

  it('treats a concentration as no dose', () => {
    expect(parseDose('amoxicillin 250 mg/5 mL').doseMg).toBeUndefined();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseDose(s) === 'object'));
  });
});

describe('data integrity and provenance', () => {
  const ids = new Set(BUILT_IN_DRUGS.map((d) => d.id));
  it('has unique ids and a known source for every fact', () => {
    expect(ids.size).toBe(BUILT_IN_DRUGS.length);
    for (const d of BUILT_IN_DRUGS) {
      const sources = [
        d.source,
        d.dose?.source,
        d.pregnancy?.source,
        d.lactation?.source,
        ...(d.renal ?? []).map((r) => r.source),
        ...(d.hepatic ?? []).map((h) => h.source),
        ...(d.contraindications ?? []).map((c) => c.source),
      ];
      for (const s of sources) if (s !== undefined) expect(SOURCES[s], `${d.id}: ${s}`).toBeDefined();
      for (const c of d.components ?? []) expect(ids.has(c), `${d.id} component ${c}`).toBe(true);
      for (const a of d.atc ?? []) expect(a).toMatch(/^[A-Z]\d\d[A-Z]{0,2}\d{0,2}$/);
      for (const r of d.rxnorm ?? []) expect(r).toMatch(/^\d+$/);
    }
    for (const r of INTERACTIONS) expect(SOURCES[r.source], r.id).toBeDefined();
  });

  it('interaction selectors name existing drugs and classes', () => {
    const check = (s: DrugSelector) =>
      'drug' in s ? ids.has(s.drug) : 'class' in s ? s.class in DRUG_CLASSES : true;
    for (const r of INTERACTIONS)
      for (const m of r.members) for (const s of m) expect(check(s), `${r.id}`).toBe(true);
  });

  it('covers the required drug classes', () => {
    const classes = new Set(BUILT_IN_DRUGS.flatMap((d) => d.classes));
    for (const c of [
      'acei',
      'arb',
      'arni',
      'ccb-dhp',
      'ccb-non-dhp',
      'thiazide',
      'thiazide-like',
      'loop',
      'mra',
      'beta-blocker',
      'alpha-blocker',
      'central-alpha2',
      'statin',
      'antiplatelet',
      'biguanide',
      'sglt2i',
      'nsaid',
      'potassium-supplement',
      'lithium',
      'pde5i',
      'nitrate',
      'penicillin',
      'cephalosporin',
      'macrolide',
      'fluoroquinolone',
    ] as const) {
      expect(classes.has(c), c).toBe(true);
    }
    expect(
      BUILT_IN_DRUGS.filter((d) => d.components && d.components.length > 1).length,
    ).toBeGreaterThanOrEqual(10);
  });

  it('amlodipine maximum matches REFERENCE §5.1a (10 mg/day) and simvastatin cap §6 row 6 (20 mg)', () => {
    expect(kb.getDrug('amlodipine')?.dose?.maxDaily).toBe(10);
    expect(INTERACTIONS.find((r) => r.id === 'simvastatin-amlodipine')?.doseCap?.maxDaily).toBe(20);
  });
});

describe('formulary CSV and local rules', () => {
  const csv = readFileSync(new URL('./fixtures/formulary.csv', import.meta.url), 'utf8');
  const resolve = (t: string) => kb.getDrug(t)?.id ?? kb.match(t)?.drug.id;

  it('loads good rows and reports bad rows with line numbers', () => {
    const { items, errors } = loadFormularyCsv(csv, resolve);
    expect(items.map((i) => i.code)).toEqual(['H0001', 'H0002', 'H0005']);
    expect(items[0]?.strength).toEqual({ value: 5, unit: 'mg' });
    expect(errors.map((e) => e.line)).toEqual([4, 5, 6, 7]);
    expect(errors[0]?.message).toMatch(/cannot match/);
  });

  it('formulary items become codes and names', () => {
    const withFormulary = createDrugKnowledgeBase({ formulary: loadFormularyCsv(csv, resolve).items });
    expect(withFormulary.lookupCode('urn:qihuang:formulary', 'H0002')?.id).toBe('lisinopril');
    expect(withFormulary.match('苯磺酸氨氯地平片(络活喜)')?.matchedOn).toBe('formulary');
  });

  it('rejects a missing header', () => {
    expect(loadFormularyCsv('a,b\n1,2', resolve).errors[0]?.line).toBe(1);
  });

  it('validates local rules', () => {
    expect(parseLocalRules({ suppressRules: ['pde5-alpha'] }).suppressRules).toEqual(['pde5-alpha']);
    expect(() => parseLocalRules({ severityOverrides: { x: 'loud' } })).toThrow(/invalid local rules/);
  });
});
