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

/** Longest-first, non-overlapping name search. Latin keys need word boundaries; Chinese keys do not. */
export class NameIndex {
  private readonly keys: NameKey[];

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
  }

  /** Exact name lookup (whole string). */
  exact(name: string): NameKey | undefined {
    const key = normalizeName(name);
    return this.keys.find((k) => k.key === key);
  }

  search(text: string): NameHit[] {
    const hay = normalizeName(text);
    const taken: [number, number][] = [];
    const hits: NameHit[] = [];
    for (const k of this.keys) {
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
}
