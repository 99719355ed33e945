/**
 * Finds drug and drug-class names in an answer (Chinese and English), longest first, non-overlapping. Latin
 * names need word boundaries (a plural s is allowed); Chinese names do not.
 */
import {
  DRUG_CLASSES,
  type DrugClassId,
  type DrugEntry,
  type DrugKnowledgeBase,
} from '@qihuang/drug-knowledge';
import type { Mention } from './types.ts';

// Common abbreviations and Chinese names for classes (in addition to DRUG_CLASSES names).
const CLASS_ALIASES: Partial<Record<DrugClassId, string[]>> = {
  acei: ['acei', 'ace inhibitor', 'ace-inhibitor', 'ace抑制剂', '血管紧张素转换酶抑制剂', '普利类'],
  arb: ['arb', 'angiotensin receptor blocker', '血管紧张素受体拮抗剂', '血管紧张素ii受体拮抗剂', '沙坦类'],
  arni: ['arni', '血管紧张素受体脑啡肽酶抑制剂'],
  'ccb-dhp': [
    'dihydropyridine ccb',
    'dihydropyridine',
    '二氢吡啶类钙通道阻滞剂',
    '二氢吡啶类ccb',
    '二氢吡啶类钙拮抗剂',
    '地平类',
  ],
  'ccb-non-dhp': [
    'non-dihydropyridine ccb',
    'non-dihydropyridine',
    '非二氢吡啶类钙通道阻滞剂',
    '非二氢吡啶类ccb',
  ],
  'beta-blocker': [
    'beta-blocker',
    'beta blocker',
    'β-blocker',
    'β blocker',
    'β受体阻滞剂',
    'β阻滞剂',
    '洛尔类',
  ],
  thiazide: ['thiazide', 'thiazide diuretic', '噻嗪类利尿剂', '噻嗪类'],
  mra: ['mra', 'mineralocorticoid receptor antagonist', '醛固酮受体拮抗剂', '盐皮质激素受体拮抗剂'],
  loop: ['loop diuretic', '袢利尿剂'],
  nsaid: ['nsaid', 'nsaids', '非甾体抗炎药'],
  statin: ['statin', '他汀类', '他汀'],
  nitrate: ['nitrate', 'nitrates', '硝酸酯类', '硝酸酯'],
  pde5i: ['pde-5 inhibitor', 'pde5 inhibitor', 'pde5抑制剂'],
  'potassium-supplement': ['potassium supplement', '补钾', '钾补充剂'],
};

interface Key {
  key: string;
  latin: boolean;
  drug?: DrugEntry;
  classId?: DrugClassId;
}

const cache = new WeakMap<DrugKnowledgeBase, Map<string, Key[]>>();

/** Keys grouped by first character, longest first. */
function keysFor(kb: DrugKnowledgeBase): Map<string, Key[]> {
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
  for (const [id, cls] of Object.entries(DRUG_CLASSES) as [
    DrugClassId,
    (typeof DRUG_CLASSES)[DrugClassId],
  ][]) {
    add(cls.names.en, { classId: id });
    add(cls.names.zh, { classId: id });
    for (const a of CLASS_ALIASES[id] ?? []) add(a, { classId: id });
  }
  const byFirst = new Map<string, Key[]>();
  for (const k of keys) {
    const first = k.key[0] as string;
    byFirst.set(first, [...(byFirst.get(first) ?? []), k]);
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
    const candidates = index.get(hay[i] as string);
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
