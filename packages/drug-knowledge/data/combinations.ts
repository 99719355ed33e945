import type { DrugClassId, DrugEntry } from '../types.ts';

/**
 * Single-pill combinations (SPCs). Classes are the union of the components' classes; dose checks apply to
 * components only when the order states a per-component strength (not attempted here). ATC per WHO
 * C09BB/C09DA/C09DB/C09BA (REFERENCE §5.1 ATC group summary); ingredient-level ATC where the combination code
 * is not certain is left absent.
 */
function spc(
  id: string,
  en: string,
  zh: string,
  components: string[],
  classes: DrugClassId[],
  brands: { en?: string; zh?: string }[],
  synonyms: string[] = [],
): DrugEntry {
  return { id, names: { en, zh }, components, classes, brands, synonyms, source: 'ref-5.1' };
}

export const COMBINATION_DRUGS: DrugEntry[] = [
  spc('amlodipine-benazepril', 'amlodipine/benazepril', '氨氯地平贝那普利', ['amlodipine', 'benazepril'], ['ccb-dhp', 'acei'], [{ en: 'Lotrel' }], ['benazepril/amlodipine', '贝那普利氨氯地平']),
  spc('losartan-hydrochlorothiazide', 'losartan/hydrochlorothiazide', '氯沙坦钾氢氯噻嗪', ['losartan', 'hydrochlorothiazide'], ['arb', 'thiazide'], [{ en: 'Hyzaar', zh: '海捷亚' }], ['losartan hctz', '氯沙坦氢氯噻嗪']),
  spc('valsartan-hydrochlorothiazide', 'valsartan/hydrochlorothiazide', '缬沙坦氢氯噻嗪', ['valsartan', 'hydrochlorothiazide'], ['arb', 'thiazide'], [{ en: 'Diovan HCT', zh: '复代文' }], ['valsartan hctz']),
  spc('irbesartan-hydrochlorothiazide', 'irbesartan/hydrochlorothiazide', '厄贝沙坦氢氯噻嗪', ['irbesartan', 'hydrochlorothiazide'], ['arb', 'thiazide'], [{ en: 'Avalide' }, { en: 'CoAprovel', zh: '安博诺' }], ['irbesartan hctz']),
  spc('telmisartan-hydrochlorothiazide', 'telmisartan/hydrochlorothiazide', '替米沙坦氢氯噻嗪', ['telmisartan', 'hydrochlorothiazide'], ['arb', 'thiazide'], [{ en: 'Micardis HCT', zh: '美嘉素' }], ['telmisartan hctz']),
  spc('olmesartan-hydrochlorothiazide', 'olmesartan/hydrochlorothiazide', '奥美沙坦酯氢氯噻嗪', ['olmesartan', 'hydrochlorothiazide'], ['arb', 'thiazide'], [{ en: 'Benicar HCT', zh: '复傲坦' }], ['奥美沙坦氢氯噻嗪']),
  spc('amlodipine-valsartan', 'amlodipine/valsartan', '氨氯地平缬沙坦', ['amlodipine', 'valsartan'], ['ccb-dhp', 'arb'], [{ en: 'Exforge', zh: '倍博特' }], ['valsartan/amlodipine', '缬沙坦氨氯地平']),
  spc('olmesartan-amlodipine', 'olmesartan/amlodipine', '奥美沙坦酯氨氯地平', ['olmesartan', 'amlodipine'], ['arb', 'ccb-dhp'], [{ en: 'Azor' }, { zh: '思卫卡' }], ['amlodipine/olmesartan', '奥美沙坦氨氯地平']),
  spc('telmisartan-amlodipine', 'telmisartan/amlodipine', '替米沙坦氨氯地平', ['telmisartan', 'amlodipine'], ['arb', 'ccb-dhp'], [{ en: 'Twynsta', zh: '双嘉' }], ['amlodipine/telmisartan']),
  spc('perindopril-indapamide', 'perindopril/indapamide', '培哚普利吲达帕胺', ['perindopril', 'indapamide'], ['acei', 'thiazide-like'], [{ en: 'Bipreterax', zh: '百普乐' }, { en: 'Preterax' }]),
  spc('lisinopril-hydrochlorothiazide', 'lisinopril/hydrochlorothiazide', '赖诺普利氢氯噻嗪', ['lisinopril', 'hydrochlorothiazide'], ['acei', 'thiazide'], [{ en: 'Zestoretic' }], ['lisinopril hctz']),
  spc('enalapril-hydrochlorothiazide', 'enalapril/hydrochlorothiazide', '依那普利氢氯噻嗪', ['enalapril', 'hydrochlorothiazide'], ['acei', 'thiazide'], [{ en: 'Vaseretic' }]),
  spc('bisoprolol-hydrochlorothiazide', 'bisoprolol/hydrochlorothiazide', '比索洛尔氢氯噻嗪', ['bisoprolol', 'hydrochlorothiazide'], ['beta-blocker', 'thiazide'], [{ en: 'Ziac' }]),
  spc('amlodipine-atorvastatin', 'amlodipine/atorvastatin', '氨氯地平阿托伐他汀钙', ['amlodipine', 'atorvastatin'], ['ccb-dhp', 'statin'], [{ en: 'Caduet', zh: '多达一' }], ['氨氯地平阿托伐他汀']),
  spc('amoxicillin-clavulanate', 'amoxicillin/clavulanate', '阿莫西林克拉维酸钾', ['amoxicillin', 'clavulanic-acid'], ['penicillin'], [{ en: 'Augmentin', zh: '安灭菌' }], ['amoxicillin-clavulanate', 'amoxicillin clavulanate', 'co-amoxiclav', 'amoxicillin and clavulanate potassium', '阿莫西林克拉维酸', '阿莫西林/克拉维酸钾']),
  // Co-trimoxazole (WHO ATC J01EE01): its trimethoprim takes part in REFERENCE §6 row 3 through the ingredient unit.
  { ...spc('sulfamethoxazole-trimethoprim', 'sulfamethoxazole/trimethoprim', '复方磺胺甲噁唑', ['sulfamethoxazole', 'trimethoprim'], [], [{ en: 'Bactrim' }, { en: 'Septra' }], ['co-trimoxazole', 'cotrimoxazole', 'trimethoprim/sulfamethoxazole', 'trimethoprim-sulfamethoxazole', 'sulfamethoxazole-trimethoprim', 'smx-tmp', 'tmp-smx', 'smz-tmp', 'smzco', '复方新诺明', '复方磺胺甲恶唑', '磺胺甲噁唑甲氧苄啶']), atc: ['J01EE01'], source: 'who-atc' },
  spc('piperacillin-tazobactam', 'piperacillin/tazobactam', '哌拉西林他唑巴坦', ['piperacillin', 'tazobactam'], ['penicillin'], [{ en: 'Zosyn', zh: '特治星' }, { en: 'Tazocin' }]),
];

/** Known product-level RxCUIs (clinical drug, SCD) that map to an entry. */
export const PRODUCT_RXNORM: Record<string, string> = {
  // RxNorm SCD "Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML Oral Suspension" (CDS Hooks order-sign example)
  '617993': 'amoxicillin-clavulanate',
};
