/**
 * The guard's one drug-class vocabulary, built from @qihuang/drug-knowledge: each class's English and Chinese
 * names (DRUG_CLASSES, including the abbreviation in brackets, e.g. "…(ACEI)"), the allergy-group names that
 * name a class (ALLERGY_GROUPS), plus the abbreviations and colloquial forms drug-knowledge does not carry yet
 * (EXTRA — to move into drug-knowledge; see docs/decisions). No other class list is used by the guard.
 */
import { ALLERGY_GROUPS, DRUG_CLASSES, type DrugClassId } from '@qihuang/drug-knowledge';

const GROUP_TO_CLASS: Record<string, DrugClassId> = { nsaid: 'nsaid', 'ace-inhibitor': 'acei' };

// Abbreviations and colloquial names in answers (not yet in drug-knowledge). Generic "CCB" / "calcium channel
// blocker" means the dihydropyridines in hypertension guidelines (REFERENCE §7.1 and §7.3 first-line lists);
// a generic "diuretic" is read as a thiazide (the first-line diuretic, §7.1/§7.3).
const EXTRA: Partial<Record<DrugClassId, string[]>> = {
  acei: ['ace inhibitor', 'ace-inhibitor', 'ace抑制剂', '血管紧张素转换酶抑制剂', '普利类'],
  arb: ['arb', 'angiotensin receptor blocker', '血管紧张素受体拮抗剂', '沙坦类'],
  arni: ['arni'],
  'ccb-dhp': [
    'dihydropyridine ccb',
    'dihydropyridine',
    'calcium channel blocker',
    'calcium-channel blocker',
    'calcium antagonist',
    'ccb',
    '二氢吡啶类ccb',
    '二氢吡啶类钙拮抗剂',
    '二氢吡啶ccb',
    '钙通道阻滞剂',
    '钙拮抗剂',
    '地平类',
  ],
  'ccb-non-dhp': ['non-dihydropyridine ccb', 'non-dihydropyridine', '非二氢吡啶类ccb', '非二氢吡啶ccb'],
  'beta-blocker': ['beta blocker', 'β-blocker', 'β blocker', 'β受体阻滞剂', 'β阻滞剂', '洛尔类'],
  thiazide: ['thiazide', 'thiazides', 'thiazide-type diuretic', '噻嗪类', 'diuretic', '利尿剂'],
  mra: ['mra', '盐皮质激素受体拮抗剂'],
  nsaid: ['cox-2 inhibitor', '非甾体抗炎药', '非甾体类抗炎药'],
  statin: ['他汀'],
  nitrate: ['nitrates', '硝酸酯'],
  pde5i: ['pde-5 inhibitor', 'pde5 inhibitor', 'pde5抑制剂'],
  // A potassium salt substitute is potassium chloride at the table (REFERENCE §6.3 potassium-raising).
  'potassium-supplement': [
    'potassium supplement',
    'potassium supplements',
    '钾补充剂',
    '补钾',
    '氯化钾',
    'salt substitute',
    'salt substitutes',
    'potassium-based salt',
    '含钾代盐',
    '含钾盐',
    '代盐',
    '低钠盐',
  ],
};

/** Every class name (lower case, NFKC) with its class id. */
export function classNames(): { name: string; classId: DrugClassId }[] {
  const out: { name: string; classId: DrugClassId }[] = [];
  const add = (name: string, classId: DrugClassId) => {
    const n = name.normalize('NFKC').toLowerCase().trim();
    if (n.length >= 2) out.push({ name: n, classId });
  };
  for (const [id, cls] of Object.entries(DRUG_CLASSES) as [
    DrugClassId,
    (typeof DRUG_CLASSES)[DrugClassId],
  ][]) {
    for (const name of [cls.names.en, cls.names.zh]) {
      add(name, id);
      const abbr = /[(（]([^)）]+)[)）]/.exec(name);
      if (abbr) {
        add(name.replace(abbr[0], ''), id);
        add(abbr[1] as string, id);
      }
    }
    for (const name of EXTRA[id] ?? []) add(name, id);
  }
  for (const g of ALLERGY_GROUPS) {
    const id = GROUP_TO_CLASS[g.id] ?? (g.id in DRUG_CLASSES ? (g.id as DrugClassId) : undefined);
    if (id) for (const name of g.names) add(name, id);
  }
  return out;
}
