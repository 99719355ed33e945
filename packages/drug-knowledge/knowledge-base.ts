import { ALLERGY_GROUPS } from './allergy-groups.ts';
import { DRUG_CLASSES } from './classes.ts';
import { BUILT_IN_DRUGS, PRODUCT_RXNORM } from './data/index.ts';
import { atcLevel4, duplicationGroupsOf, type DuplicationClassGroup } from './derived-tables.ts';
import type { FormularyItem } from './formulary.ts';
import { INTERACTIONS } from './interactions.ts';
import { EMPTY_LOCAL_RULES, type LocalRules } from './local-rules.ts';
import { keysForDrug, NameIndex, normalizeName, type MatchKind, type NameKey } from './name-index.ts';
import { parseDose, type ParsedDose } from './parse-dose.ts';
import type { AllergyGroup, DrugClass, DrugClassId, DrugEntry, InteractionRule } from './types.ts';

/** Version of the built-in data; bump when any data file changes. */
export const DRUG_KNOWLEDGE_VERSION = '2026.12.08-2';

export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const ATC_SYSTEM = 'http://www.whocc.no/atc';
export const FORMULARY_SYSTEM = 'urn:qihuang:formulary';

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface DrugMatch {
  drug: DrugEntry;
  matchedOn: MatchKind;
  matchedText: string;
  /** Other distinct drugs named in the same text (no combination entry covers them). */
  also: DrugEntry[];
  parsed: ParsedDose;
  formularyItem?: FormularyItem;
}

export interface AllergenMatch {
  drugIds: string[];
  groups: string[];
}

export interface DrugKnowledgeBase {
  version: string;
  drugs: readonly DrugEntry[];
  classes: Readonly<Record<DrugClassId, DrugClass>>;
  interactions: readonly InteractionRule[];
  allergyGroups: readonly AllergyGroup[];
  localRules: LocalRules;
  getDrug(id: string): DrugEntry | undefined;
  lookupCode(system: string | undefined, code: string): DrugEntry | undefined;
  lookupName(name: string): DrugEntry | undefined;
  /** Memoised by text: the result is shared between calls; treat it as read-only. */
  match(text: string): DrugMatch | undefined;
  /** Memoised by codings and text (bounded): the result is shared between calls; treat it as read-only. */
  matchCodings(codings: Coding[], text?: string): DrugMatch | undefined;
  ingredients(drug: DrugEntry): DrugEntry[];
  classesOf(drug: DrugEntry): DrugClassId[];
  allergyGroupsOf(drug: DrugEntry): string[];
  atcOf(drug: DrugEntry): string[];
  /** The drug's distinct ATC level-4 groups (first five characters of atcOf), computed once per drug. */
  atcGroupsOf(drug: DrugEntry): string[];
  /** Classes whose duplication is a problem, by duplication group; built once per knowledge base. */
  duplicationGroups: readonly DuplicationClassGroup[];
  /** Memoised by text and codings (bounded): the result is shared between calls; treat it as read-only. */
  matchAllergen(allergy: { text?: string; codes?: Coding[] }): AllergenMatch;
}

/** Entries kept by each memo of a knowledge base (oldest dropped first). */
export const MEMO_LIMIT = 5000;

/**
 * A bounded memo owned by one knowledge base (no module-level state): the knowledge base is immutable once built,
 * so a lookup's result depends only on its input. Oldest entry dropped first once `limit` is reached.
 */
function memo<T>(limit = MEMO_LIMIT): (key: string, compute: () => T) => T {
  const entries = new Map<string, T>();
  return (key, compute) => {
    if (entries.has(key)) return entries.get(key)!;
    const value = compute();
    if (entries.size >= limit) entries.delete(entries.keys().next().value!);
    entries.set(key, value);
    return value;
  };
}

/**
 * A per-drug list, computed once per drug entry (entries are data that is never changed) and handed out as a
 * fresh copy, so that a caller changing its list changes no other caller's.
 */
function perDrug<T>(compute: (drug: DrugEntry) => T[]): (drug: DrugEntry) => T[] {
  const lists = new WeakMap<DrugEntry, T[]>();
  return (drug) => {
    let list = lists.get(drug);
    if (!list) lists.set(drug, (list = compute(drug)));
    return list.slice();
  };
}

/**
 * Memo key of a lookup input (text and each coding's system, code, display). Injective: strings are
 * length-prefixed, so '' stays apart from absent and "123" from 123 (the lookups treat them differently); null and
 * undefined give the same key, as the lookups treat them alike.
 */
function codingsKey(text: string | undefined, codings: readonly Coding[]): string {
  let key = keyPart(text);
  for (const c of codings) key += `|${keyPart(c.system)}${keyPart(c.code)}${keyPart(c.display)}`;
  return key;
}

function keyPart(value: unknown): string {
  if (typeof value === 'string') return `${value.length}:${value}`;
  if (value === undefined || value === null) return '-';
  const json = String(JSON.stringify(value));
  return `j${json.length}:${json}`;
}

export interface DrugKnowledgeOptions {
  drugs?: readonly DrugEntry[];
  interactions?: readonly InteractionRule[];
  formulary?: readonly FormularyItem[];
  localRules?: LocalRules;
  version?: string;
}

export function createDrugKnowledgeBase(options: DrugKnowledgeOptions = {}): DrugKnowledgeBase {
  const drugs = options.drugs ?? BUILT_IN_DRUGS;
  const byId = new Map(drugs.map((d) => [d.id, d]));
  const byRxnorm = new Map<string, DrugEntry>();
  const byAtc = new Map<string, DrugEntry>();
  const byLocal = new Map<string, FormularyItem>();
  const keys: NameKey[] = [];
  for (const d of drugs) {
    for (const c of d.rxnorm ?? []) byRxnorm.set(c, d);
    for (const c of d.atc ?? []) if (!byAtc.has(c) && !d.components) byAtc.set(c, d);
    keys.push(...keysForDrug(d));
  }
  for (const [code, id] of Object.entries(PRODUCT_RXNORM)) {
    const d = byId.get(id);
    if (d) byRxnorm.set(code, d);
  }
  for (const item of options.formulary ?? []) {
    byLocal.set(item.code, item);
    const d = byId.get(item.drugId);
    if (!d) continue;
    if (item.rxnorm) byRxnorm.set(item.rxnorm, d);
    for (const name of [item.name, item.brandZh, item.brandEn]) {
      const key = name ? normalizeName(name) : '';
      if (key.length >= 2) keys.push({ key, drugId: d.id, kind: 'formulary', latin: /[a-z]/.test(key) });
    }
  }
  const index = new NameIndex(keys);
  const combos = drugs.filter((d) => d.components && d.components.length > 1);
  const cache = new Map<string, DrugMatch | undefined>();
  const codingsMemo = memo<DrugMatch | undefined>();
  const allergenMemo = memo<AllergenMatch>();
  const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const groupMatchers = ALLERGY_GROUPS.map((g) => {
    const latin = g.names.filter((n) => /[a-z]/.test(n));
    const re = latin.length ? new RegExp(`\\b(?:${latin.map(escape).join('|')})s?\\b`) : undefined;
    const cjk = g.names.filter((n) => !/[a-z]/.test(n));
    return {
      id: g.id,
      test: (norm: string) => (re?.test(norm) ?? false) || cjk.some((n) => norm.includes(n)),
    };
  });

  const ingredients = (drug: DrugEntry): DrugEntry[] =>
    drug.components ? drug.components.map((id) => byId.get(id)).filter((d): d is DrugEntry => !!d) : [drug];

  function match(text: string): DrugMatch | undefined {
    if (cache.has(text)) return cache.get(text);
    const hits = index.search(text);
    let result: DrugMatch | undefined;
    if (hits.length > 0) {
      const ids = [...new Set(hits.map((h) => h.drugId))];
      let primary = hits[0]!;
      let drug = byId.get(primary.drugId)!;
      let also = ids.slice(1).map((id) => byId.get(id)!);
      if (ids.length > 1) {
        const combo = combos.find(
          (c) => c.components!.length === ids.length && c.components!.every((x) => ids.includes(x)),
        );
        if (combo) {
          drug = combo;
          also = [];
          primary = { ...primary, kind: 'generic' };
        }
      }
      const item = [...byLocal.values()].find((i) => normalizeName(i.name) === primary.key);
      result = {
        drug,
        matchedOn: primary.kind,
        matchedText: primary.key,
        also,
        parsed: parseDose(text),
        ...(item ? { formularyItem: item } : {}),
      };
    }
    if (cache.size > 5000) cache.clear();
    cache.set(text, result);
    return result;
  }

  function lookupCode(system: string | undefined, code: string): DrugEntry | undefined {
    const s = system?.toLowerCase() ?? '';
    if (!system || s.includes('rxnorm')) {
      const d = byRxnorm.get(code);
      if (d || system) return d;
    }
    if (!system || s.includes('atc') || s.includes('whocc')) {
      const d = byAtc.get(code.toUpperCase());
      if (d || system) return d;
    }
    const item = byLocal.get(code);
    return item ? byId.get(item.drugId) : undefined;
  }

  const classesOf = perDrug((drug): DrugClassId[] => [
    ...new Set([...drug.classes, ...ingredients(drug).flatMap((i) => i.classes)]),
  ]);
  const atcOf = perDrug((drug) => [
    ...new Set([...(drug.atc ?? []), ...ingredients(drug).flatMap((i) => i.atc ?? [])]),
  ]);

  return {
    version: options.version ?? DRUG_KNOWLEDGE_VERSION,
    drugs,
    classes: DRUG_CLASSES,
    interactions: options.interactions ?? INTERACTIONS,
    allergyGroups: ALLERGY_GROUPS,
    localRules: options.localRules ?? EMPTY_LOCAL_RULES,
    getDrug: (id) => byId.get(id),
    lookupCode,
    lookupName: (name) => {
      const k = index.exact(name);
      return k ? byId.get(k.drugId) : undefined;
    },
    match,
    matchCodings: (codings, text) =>
      codingsMemo(codingsKey(text, codings), () => matchCodings(codings, text)),
    ingredients,
    classesOf,
    allergyGroupsOf: perDrug((drug) => {
      const groups = new Set<string>();
      for (const d of [drug, ...ingredients(drug)]) {
        for (const g of d.allergyGroups ?? []) groups.add(g);
        for (const c of d.classes) for (const g of DRUG_CLASSES[c].allergyGroups ?? []) groups.add(g);
      }
      return [...groups];
    }),
    atcOf,
    atcGroupsOf: perDrug((drug) => atcLevel4(atcOf(drug))),
    duplicationGroups: duplicationGroupsOf(DRUG_CLASSES),
    matchAllergen: (allergy) =>
      allergenMemo(codingsKey(allergy.text, allergy.codes ?? []), () => matchAllergen(allergy)),
  };

  function matchCodings(codings: Coding[], text?: string): DrugMatch | undefined {
    for (const c of codings) {
      if (!c.code) continue;
      const d = lookupCode(c.system, c.code);
      if (d) {
        const local = byLocal.get(c.code);
        return {
          drug: d,
          matchedOn: 'code',
          matchedText: c.code,
          also: [],
          parsed: parseDose(text ?? c.display ?? local?.name ?? ''),
          ...(local ? { formularyItem: local } : {}),
        };
      }
    }
    for (const t of [text, ...codings.map((c) => c.display)]) {
      const m = t ? match(t) : undefined;
      if (m) return m;
    }
    return undefined;
  }

  function matchAllergen(allergy: { text?: string; codes?: Coding[] }): AllergenMatch {
    const drugIds = new Set<string>();
    const groups = new Set<string>();
    for (const c of allergy.codes ?? []) {
      if (!c.code) continue;
      for (const g of ALLERGY_GROUPS) if (g.snomed?.includes(c.code)) groups.add(g.id);
      const d = lookupCode(c.system?.includes('snomed') ? 'snomed' : c.system, c.code);
      if (d) drugIds.add(d.id);
    }
    const texts = [allergy.text, ...(allergy.codes ?? []).map((c) => c.display)].filter(
      (t): t is string => !!t,
    );
    for (const t of texts) {
      const norm = normalizeName(t);
      for (const g of groupMatchers) if (g.test(norm)) groups.add(g.id);
      for (const h of index.search(t)) drugIds.add(h.drugId);
    }
    // A named drug brings its specific groups (never the broad 'beta-lactam', which would over-alert).
    for (const id of drugIds) {
      const d = byId.get(id);
      if (!d) continue;
      for (const c of d.classes)
        for (const g of DRUG_CLASSES[c].allergyGroups ?? []) if (g !== 'beta-lactam') groups.add(g);
    }
    return { drugIds: [...drugIds], groups: [...groups] };
  }
}
