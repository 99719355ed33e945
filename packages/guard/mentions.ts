/**
 * Finds drug and drug-class names in an answer (Chinese and English), longest first, non-overlapping. Latin
 * names need word boundaries (a plural s is allowed); Chinese names do not.
 */
import type { DrugClassId, DrugEntry, DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Mention } from './types.ts';
import { classNames } from './vocabulary.ts';

interface Key {
  key: string;
  latin: boolean;
  drug?: DrugEntry;
  classId?: DrugClassId;
}

const cache = new WeakMap<DrugKnowledgeBase, Map<number, Key[]>>();

/** Index key of the two characters at `i` (UTF-16 code units). */
const pairAt = (s: string, i: number) => s.charCodeAt(i) * 65536 + (s.charCodeAt(i + 1) || 0);

/** Keys grouped by their first two characters, longest first. */
function keysFor(kb: DrugKnowledgeBase): Map<number, Key[]> {
  const hit = cache.get(kb);
  if (hit) return hit;
  const keys: Key[] = [];
  const add = (name: string | undefined, k: Omit<Key, 'key' | 'latin'>) => {
    const key = name?.normalize('NFKC').toLowerCase().trim();
    if (!key || key.length < 2) return;
    keys.push({ key, latin: /[a-z]/.test(key), ...k });
  };
  for (const d of kb.drugs) {
    add(d.names.en, { drug: d });
    add(d.names.zh, { drug: d });
    for (const s of d.synonyms ?? []) add(s, { drug: d });
    for (const b of d.brands ?? []) {
      add(b.en, { drug: d });
      add(b.zh, { drug: d });
    }
  }
  for (const c of classNames()) add(c.name, { classId: c.classId });
  const byFirst = new Map<number, Key[]>();
  for (const k of keys) {
    const first = pairAt(k.key, 0);
    const list = byFirst.get(first);
    if (list) list.push(k);
    else byFirst.set(first, [k]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.key.length - a.key.length);
  cache.set(kb, byFirst);
  return byFirst;
}

const isLatin = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/i.test(ch);

/** Mentions in `text` (offsets into `text`), in order: left to right, longest match first. */
export function findMentions(text: string, kb: DrugKnowledgeBase): Mention[] {
  const lower = text.normalize('NFKC').toLowerCase();
  // NFKC can change length (ligatures): then fall back to plain lower case so offsets stay right.
  const hay = lower.length === text.length ? lower : text.toLowerCase();
  const index = keysFor(kb);
  const found: Mention[] = [];
  let i = 0;
  while (i < hay.length) {
    const candidates = index.get(pairAt(hay, i));
    let matched = 0;
    if (candidates && !(isLatin(hay[i]) && isLatin(hay[i - 1]))) {
      for (const k of candidates) {
        if (!hay.startsWith(k.key, i)) continue;
        let end = i + k.key.length;
        if (k.latin) {
          if (hay[end] === 's' && !isLatin(hay[end + 1])) end += 1;
          else if (isLatin(hay[end])) continue;
        }
        found.push({
          start: i,
          end,
          text: text.slice(i, end),
          ...(k.drug ? { drug: k.drug } : {}),
          ...(k.classId ? { classId: k.classId } : {}),
        });
        matched = end - i;
        break;
      }
    }
    i += matched || 1;
  }
  return found;
}

/** Every name a drug goes by (lower case), for checking that a cited passage names it. */
export function namesOf(drug: DrugEntry): string[] {
  return [
    drug.names.en,
    drug.names.zh,
    ...(drug.synonyms ?? []),
    ...(drug.brands ?? []).flatMap((b) => [b.en, b.zh]),
  ]
    .filter((n): n is string => !!n)
    .map((n) => n.normalize('NFKC').toLowerCase());
}
