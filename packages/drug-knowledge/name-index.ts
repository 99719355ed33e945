import type { DrugEntry } from './types.ts';

/** How a name matched: generic name, brand, salt form, other synonym, local formulary name. */
export type MatchKind = 'generic' | 'brand' | 'salt' | 'synonym' | 'formulary' | 'code';

export interface NameKey {
  key: string;
  drugId: string;
  kind: MatchKind;
  latin: boolean;
}

export interface NameHit extends NameKey {
  start: number;
  end: number;
}

/** NFKC, lower case, unify slashes and separators, collapse whitespace. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[·•]/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

const LATIN = /[a-z]/;
const isLetter = (ch: string | undefined) => ch !== undefined && /[a-z]/.test(ch);

export function keysForDrug(drug: DrugEntry, kindOverride?: MatchKind): NameKey[] {
  const out: NameKey[] = [];
  const add = (name: string | undefined, kind: MatchKind) => {
    if (!name) return;
    const key = normalizeName(name);
    if (key.length < 2) return;
    out.push({ key, drugId: drug.id, kind: kindOverride ?? kind, latin: LATIN.test(key) });
  };
  add(drug.names.en, 'generic');
  add(drug.names.zh, 'generic');
  for (const s of drug.synonyms ?? []) add(s, 'synonym');
  for (const b of drug.brands ?? []) {
    add(b.en, 'brand');
    add(b.zh, 'brand');
  }
  for (const salt of drug.salts ?? []) {
    add(`${drug.names.en} ${salt.en}`, 'salt');
    add(`${salt.en} ${drug.names.en}`, 'salt');
    if (salt.zh) {
      add(`${salt.zh}${drug.names.zh}`, 'salt');
      add(`${drug.names.zh}${salt.zh}`, 'salt');
    }
  }
  return out;
}

/**
 * Longest-first, non-overlapping name search. Latin keys need word boundaries; Chinese keys do not.
 *
 * Keys are bucketed by their first UTF-16 unit, so a search looks only at the keys that can start at each
 * position of the text instead of scanning the text once per key; the candidates are then taken in the same
 * order as a per-key scan would find them (key order, then position), so the result is the same.
 */
export class NameIndex {
  private readonly keys: NameKey[];
  private readonly byFirst = new Map<string, { key: NameKey; rank: number }[]>();

  constructor(keys: NameKey[]) {
    const seen = new Set<string>();
    this.keys = keys
      .filter((k) => {
        const id = `${k.key}\u0000${k.drugId}`;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      })
      .sort((a, b) => b.key.length - a.key.length || a.key.localeCompare(b.key));
    this.keys.forEach((key, rank) => {
      const first = key.key[0]!;
      const bucket = this.byFirst.get(first);
      if (bucket) bucket.push({ key, rank });
      else this.byFirst.set(first, [{ key, rank }]);
    });
  }

  /** Exact name lookup (whole string). */
  exact(name: string): NameKey | undefined {
    const key = normalizeName(name);
    return this.keys.find((k) => k.key === key);
  }

  search(text: string): NameHit[] {
    const hay = normalizeName(text);
    // Every occurrence of every key, as (key rank, position).
    const found: { key: NameKey; rank: number; at: number }[] = [];
    for (let at = 0; at < hay.length; at++) {
      const bucket = this.byFirst.get(hay[at]!);
      if (!bucket) continue;
      for (const { key, rank } of bucket) if (hay.startsWith(key.key, at)) found.push({ key, rank, at });
    }
    found.sort((a, b) => a.rank - b.rank || a.at - b.at);
    const taken: [number, number][] = [];
    const hits: NameHit[] = [];
    for (const { key: k, at } of found) {
      const end = at + k.key.length;
      if (k.latin && (isLetter(hay[at - 1]) || isLetter(hay[end]))) continue;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      hits.push({ ...k, start: at, end });
    }
    return hits.sort((a, b) => a.start - b.start);
  }
}
