/**
 * Finds drug and drug-class names in an answer (Chinese and English), longest first, non-overlapping. Latin
 * names need word boundaries (a plural s is allowed); Chinese names do not.
 */
import { DRUG_CLASSES, type DrugClassId, type DrugEntry, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Mention } from './types.ts';

// Common abbreviations and Chinese names for classes (in addition to DRUG_CLASSES names).
const CLASS_ALIASES: Partial<Record<DrugClassId, string[]>> = {
  acei: ['acei', 'ace inhibitor', 'ace-inhibitor', 'ace抑制剂', '血管紧张素转换酶抑制剂', '普利类'],
  arb: ['arb', 'angiotensin receptor blocker', '血管紧张素受体拮抗剂', '血管紧张素ii受体拮抗剂', '沙坦类'],
  arni: ['arni', '血管紧张素受体脑啡肽酶抑制剂'],
  'ccb-dhp': ['dihydropyridine ccb', 'dihydropyridine', '二氢吡啶类钙通道阻滞剂', '二氢吡啶类ccb', '二氢吡啶类钙拮抗剂', '地平类'],
  'ccb-non-dhp': ['non-dihydropyridine ccb', 'non-dihydropyridine', '非二氢吡啶类钙通道阻滞剂', '非二氢吡啶类ccb'],
  'beta-blocker': ['beta-blocker', 'beta blocker', 'β-blocker', 'β blocker', 'β受体阻滞剂', 'β阻滞剂', '洛尔类'],
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

const cache = new WeakMap<DrugKnowledgeBase, Key[]>();

function keysFor(kb: DrugKnowledgeBase): Key[] {
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
  for (const [id, cls] of Object.entries(DRUG_CLASSES) as [DrugClassId, (typeof DRUG_CLASSES)[DrugClassId]][]) {
    add(cls.names.en, { classId: id });
    add(cls.names.zh, { classId: id });
    for (const a of CLASS_ALIASES[id] ?? []) add(a, { classId: id });
  }
  keys.sort((a, b) => b.key.length - a.key.length);
  cache.set(kb, keys);
  return keys;
}

const isLatin = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/i.test(ch);

/** Mentions in `text` (offsets into `text`), in order. */
export function findMentions(text: string, kb: DrugKnowledgeBase): Mention[] {
  const lower = text.normalize('NFKC').toLowerCase();
  // NFKC can change length (e.g. full-width forms keep length; ligatures do not): fall back to raw lower-case.
  const hay = lower.length === text.length ? lower : text.toLowerCase();
  const taken = new Array<boolean>(hay.length).fill(false);
  const found: Mention[] = [];
  for (const k of keysFor(kb)) {
    let from = 0;
    for (;;) {
      const at = hay.indexOf(k.key, from);
      if (at < 0) break;
      from = at + 1;
      let end = at + k.key.length;
      if (k.latin) {
        if (isLatin(hay[at - 1])) continue;
        if (hay[end] === 's' && !isLatin(hay[end + 1])) end += 1;
        else if (isLatin(hay[end])) continue;
      }
      let free = true;
      for (let i = at; i < end; i++) if (taken[i]) free = false;
      if (!free) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      found.push({
        start: at,
        end,
        text: text.slice(at, end),
        ...(k.drug ? { drug: k.drug } : {}),
        ...(k.classId ? { classId: k.classId } : {}),
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Every name a drug goes by (lower case), for checking that a cited passage names it. */
export function namesOf(drug: DrugEntry): string[] {
  return [drug.names.en, drug.names.zh, ...(drug.synonyms ?? []), ...(drug.brands ?? []).flatMap((b) => [b.en, b.zh])]
    .filter((n): n is string => !!n)
    .map((n) => n.normalize('NFKC').toLowerCase());
}
