/** Allergens the intake names without the drug knowledge base (intake-allergies.ts). Pure data. */

export type AllergyCategory = 'medication' | 'food' | 'environment';

export interface Substance {
  key: string;
  terms: string[];
  name: { en: string; zh: string };
  category: AllergyCategory;
}

/**
 * Drug classes the knowledge base has no single entry for (its allergy groups match them by text:
 * kb.matchAllergen), foods and environmental allergens. Longest term wins.
 */
export const SUBSTANCES: Substance[] = [
  {
    key: 'penicillin',
    terms: ['青霉素类', '青霉素', '盘尼西林', 'penicillins', 'penicillin', 'pcn'],
    name: { en: 'Penicillin', zh: '青霉素' },
    category: 'medication',
  },
  {
    key: 'cephalosporin',
    terms: ['头孢菌素类', '头孢菌素', '头孢类', '头孢', 'cephalosporins', 'cephalosporin'],
    name: { en: 'Cephalosporins', zh: '头孢菌素类' },
    category: 'medication',
  },
  {
    key: 'sulfonamide',
    terms: ['磺胺类', '磺胺', 'sulfonamides', 'sulfonamide', 'sulfa drugs', 'sulfa', 'sulpha'],
    name: { en: 'Sulfonamides', zh: '磺胺类' },
    category: 'medication',
  },
  {
    key: 'ace-inhibitor',
    terms: ['普利类', '普利', 'ace inhibitors', 'ace inhibitor', 'acei'],
    name: { en: 'ACE inhibitors', zh: 'ACEI（普利类）' },
    category: 'medication',
  },
  {
    key: 'nsaid',
    terms: ['非甾体抗炎药', '非甾体', 'nsaids', 'nsaid'],
    name: { en: 'NSAIDs', zh: '非甾体抗炎药' },
    category: 'medication',
  },
  {
    key: 'iodinated-contrast',
    terms: ['碘造影剂', '含碘造影剂', '造影剂', 'iodinated contrast', 'contrast dye', 'iodine contrast'],
    name: { en: 'Iodinated contrast media', zh: '碘造影剂' },
    category: 'medication',
  },
  {
    key: 'seafood',
    terms: ['海鲜', 'seafood', 'shellfish'],
    name: { en: 'Seafood', zh: '海鲜' },
    category: 'food',
  },
  { key: 'shrimp', terms: ['虾', 'shrimp', 'prawns'], name: { en: 'Shrimp', zh: '虾' }, category: 'food' },
  { key: 'crab', terms: ['螃蟹', 'crab'], name: { en: 'Crab', zh: '螃蟹' }, category: 'food' },
  {
    key: 'peanut',
    terms: ['花生', 'peanuts', 'peanut'],
    name: { en: 'Peanut', zh: '花生' },
    category: 'food',
  },
  {
    key: 'tree-nut',
    terms: ['坚果', 'tree nuts', 'nuts'],
    name: { en: 'Tree nuts', zh: '坚果' },
    category: 'food',
  },
  { key: 'egg', terms: ['鸡蛋', '蛋类', 'eggs', 'egg'], name: { en: 'Egg', zh: '鸡蛋' }, category: 'food' },
  {
    key: 'milk',
    terms: ['牛奶', '奶制品', 'milk', 'dairy'],
    name: { en: 'Milk', zh: '牛奶' },
    category: 'food',
  },
  { key: 'mango', terms: ['芒果', 'mango'], name: { en: 'Mango', zh: '芒果' }, category: 'food' },
  { key: 'wheat', terms: ['小麦', 'wheat', 'gluten'], name: { en: 'Wheat', zh: '小麦' }, category: 'food' },
  { key: 'fish', terms: ['鱼类', 'fish'], name: { en: 'Fish', zh: '鱼类' }, category: 'food' },
  {
    key: 'latex',
    terms: ['乳胶', '橡胶手套', 'latex'],
    name: { en: 'Latex', zh: '乳胶' },
    category: 'environment',
  },
  {
    key: 'pollen',
    terms: ['花粉', 'pollen'],
    name: { en: 'Pollen', zh: '花粉' },
    category: 'environment',
  },
  {
    key: 'dust-mite',
    terms: ['尘螨', 'dust mites', 'dust mite'],
    name: { en: 'House dust mite', zh: '尘螨' },
    category: 'environment',
  },
];
