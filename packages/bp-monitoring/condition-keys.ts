/**
 * The patient's chart conditions as the engines' keys (diabetes, ckd, coronary, …), matched by code first
 * and by text only with an exclusion list, so that "Prediabetes"/"糖尿病前期" is never diabetes, "Family history of
 * stroke" is not a stroke and "Heat stroke" is not cerebrovascular disease.
 *
 * Codes: ICD-10 (WHO) blocks and SNOMED CT concepts as Synthea (the demo data) codes them. Prediabetes (SNOMED
 * 714628002, 15777000; ICD-10 R73.0x) and gestational diabetes (SNOMED 11687002; ICD-10 O24.4) are not diabetes
 * for the BP target (REFERENCE §7.1/§7.4 "diabetes" = diabetes mellitus); prediabetes is the China 2018
 * impaired-glucose risk factor instead (REFERENCE §3.4, care chart-factors.ts).
 *
 * One reader for every screen (issue 20): the BP context (patient-context.ts) and with it the target population
 * (target-population.ts), and the care service's chart (care re-exports it as condition-match.ts).
 */

export interface ConditionCoding {
  system?: string;
  code?: string;
  display?: string;
}

export interface ConditionConcept {
  text?: string;
  codes?: readonly ConditionCoding[];
}

interface KeyRule {
  key: string;
  snomed: readonly string[];
  icd10: RegExp;
  terms: RegExp;
  /** Text that names something else although it contains a term ("prediabetes", "heat stroke"). */
  exclude?: RegExp;
  /** "history of X" is the condition itself (a past MI or stroke is established CVD, REFERENCE §3.4/§7.1). */
  historyCounts?: boolean;
}

/** Codes that are never any of the keys although their words contain a term. */
const EXCLUDED_CODES = new Set([
  '714628002', // prediabetes
  '15777000', // prediabetes
  '9414007', // impaired glucose tolerance
  '390951007', // impaired fasting glucose
  '11687002', // gestational diabetes
]);
const EXCLUDED_ICD10 = /^(R73|O24|Z8[0-4]|Z86|Z87|Z13|N17)/; // abnormal glucose, pregnancy DM, family/personal history, screening, AKI

const RULES: readonly KeyRule[] = [
  {
    key: 'hypertension',
    snomed: ['38341003', '59621000', '1201005', '78975002'], // REFERENCE §8.4
    icd10: /^I1[0-5]/, // REFERENCE §8.5 I10–I15
    terms: /高血压|hypertension|high blood pressure/i,
    exclude:
      /妊娠(期)?高血压|gestational hypertension|pregnancy[- ]induced|white[- ]coat|白大衣|pulmonary hypertension|肺动脉高压|ocular hypertension|intracranial hypertension/i,
  },
  {
    key: 'diabetes',
    // 73211009 DM, 44054006 type 2, 46635009 type 1, and Synthea's diabetic complications (127013003 diabetic
    // renal disease, 90781000119102 microalbuminuria due to T2DM, 422034002 diabetic retinopathy,
    // 1551000119108 non-proliferative diabetic retinopathy, 368581000119106 neuropathy due to T2DM,
    // 157141000119108 proteinuria due to T2DM).
    snomed: [
      '73211009',
      '44054006',
      '46635009',
      '127013003',
      '90781000119102',
      '422034002',
      '1551000119108',
      '368581000119106',
      '157141000119108',
    ],
    icd10: /^E1[0-4]/, // ICD-10 E10–E14 diabetes mellitus
    terms: /糖尿病|diabetes|diabetic/i,
    exclude:
      /糖尿病前期|前驱糖尿病|pre-?diabet|borderline diabet|妊娠(期)?糖尿病|gestational diabet|diabetes insipidus|尿崩症|impaired (glucose|fasting)/i,
  },
  {
    key: 'ckd',
    // 709044004 CKD, 431855005/431856006/433144002/431857002 CKD stage 1–4, 433146000 stage 5, 46177005 ESRD,
    // 127013003 diabetic renal disease.
    snomed: [
      '709044004',
      '431855005',
      '431856006',
      '433144002',
      '431857002',
      '433146000',
      '46177005',
      '127013003',
    ],
    icd10: /^(N18|I12|I13|E1[0-4]\.2)/, // N18 CKD, I12/I13 hypertensive renal disease, E1x.2 diabetic kidney
    terms: /慢性肾病|慢性肾脏病|肾功能不全|肾病|kidney disease|\bckd\b|renal failure|renal insufficiency/i,
    exclude: /急性肾|acute (kidney|renal)|\baki\b/i,
  },
  {
    key: 'coronary',
    // 53741008 CAD, 414545008 ischaemic heart disease, 22298006 MI, 401303003 / 401314000 acute STEMI/NSTEMI,
    // 399211009 history of MI, 194828000 angina, 371806006 progressive angina, 414795007 myocardial ischaemia.
    snomed: [
      '53741008',
      '414545008',
      '22298006',
      '401303003',
      '401314000',
      '399211009',
      '194828000',
      '371806006',
    ],
    icd10: /^I2[0-5]/, // ICD-10 I20–I25 ischaemic heart diseases
    terms: /冠心病|心肌梗死|心梗|心绞痛|coronary|heart attack|myocardial infarction|angina/i,
    historyCounts: true,
  },
  {
    key: 'stroke',
    // 230690007 CVA, 422504002 ischaemic stroke, 274100004 haemorrhagic CVA, 266257000 TIA (REFERENCE §3.4
    // cerebrovascular disease includes TIA).
    snomed: ['230690007', '422504002', '274100004', '266257000', '432504007'],
    icd10: /^(I6[0-4]|I69|G45)/, // I60–I64 stroke, I69 sequelae, G45 TIA
    terms: /脑卒中|中风|脑梗|脑出血|stroke|cerebrovascular accident|\btia\b/i,
    exclude: /heat ?stroke|sun ?stroke|中暑/i,
    historyCounts: true,
  },
  {
    key: 'heart-failure',
    // 84114007 HF, 88805009 chronic congestive HF (Synthea), 42343007 CHF, 703272007 HFrEF, 85232009 left HF.
    snomed: ['84114007', '88805009', '42343007', '703272007', '85232009'],
    icd10: /^(I50|I11\.0|I13\.[02])/,
    terms: /心衰|心力衰竭|heart failure/i,
    historyCounts: true,
  },
  {
    key: 'albuminuria',
    // ICD-10 R80 proteinuria; SNOMED 274769005 albuminuria, 29738008 proteinuria, 312975006 microalbuminuria (the
    // same codes as care chart-factors.ts): the CKD-with-proteinuria target (REFERENCE §7.3, decision 0005 item 3).
    snomed: ['274769005', '29738008', '312975006'],
    icd10: /^R80/,
    terms: /蛋白尿|白蛋白尿|albuminuria|proteinuria/i,
  },
  { key: 'gout', snomed: ['90560007'], icd10: /^M10/, terms: /痛风|gout/i },
  { key: 'asthma', snomed: ['195967001', '233678006'], icd10: /^J45/, terms: /哮喘|asthma/i },
  {
    key: 'hyperlipidemia',
    snomed: ['55822004', '13644009', '302870006', '370992007'],
    icd10: /^E78/,
    terms: /高血脂|高脂血症|血脂高|high cholesterol|hyperlipid|dyslipid|hypercholesterol/i,
  },
  {
    key: 'atrial-fibrillation',
    snomed: ['49436004', '282825002'],
    icd10: /^I48/,
    terms: /房颤|心房颤动|atrial fibrillation/i,
    historyCounts: true,
  },
];

/** Words that make a condition someone else's, screened for or not the patient's own. */
const NOT_OWN =
  /family history|家族史|fh of|screening for|筛查|no (known )?history|rule out|排除|可疑|suspected|risk of/i;
const HISTORY_OF = /history of|h\/o\b|既往(有)?|曾患|resolved|已治愈/i;

function codeMatches(coding: ConditionCoding, rule: KeyRule): boolean {
  const code = (coding.code ?? '').trim();
  if (!code) return false;
  const system = coding.system ?? '';
  if (/snomed/i.test(system)) return rule.snomed.includes(code);
  if (/icd-?10/i.test(system)) return rule.icd10.test(code);
  return !system && (rule.snomed.includes(code) || rule.icd10.test(code));
}

function codedExcluded(coding: ConditionCoding): boolean {
  const code = (coding.code ?? '').trim();
  const system = coding.system ?? '';
  if (/snomed/i.test(system) || !system) if (EXCLUDED_CODES.has(code)) return true;
  return (/icd-?10/i.test(system) || !system) && EXCLUDED_ICD10.test(code);
}

/** The care keys one chart condition stands for (empty when it is none of them). */
export function conditionKeys(concept: ConditionConcept): Set<string> {
  const out = new Set<string>();
  const codes = concept.codes ?? [];
  for (const rule of RULES) if (codes.some((c) => codeMatches(c, rule))) out.add(rule.key);
  if (out.size > 0) return out;
  // A code that names something else on purpose (prediabetes, family history, AKI) is not read as text.
  if (codes.some(codedExcluded)) return out;
  const text = [concept.text ?? '', ...codes.map((c) => c.display ?? '')].join(' ').trim();
  if (!text || NOT_OWN.test(text)) return out;
  const history = HISTORY_OF.test(text);
  for (const rule of RULES) {
    if (history && !rule.historyCounts) continue;
    const cleaned = rule.exclude ? text.replace(new RegExp(rule.exclude.source, 'gi'), ' ') : text;
    if (rule.terms.test(cleaned)) out.add(rule.key);
  }
  return out;
}

/**
 * Whether words around a mention name something else than the condition (intake text): "糖尿病前期",
 * "妊娠期糖尿病", "heat stroke", "急性肾衰竭".
 */
export function excludedMention(key: string, text: string, start: number, end: number): boolean {
  const rule = RULES.find((r) => r.key === key);
  if (!rule?.exclude) return false;
  // Excluded only when the excluding phrase covers the mention itself.
  for (const m of text.matchAll(new RegExp(rule.exclude.source, 'gi')))
    if (m.index < end && m.index + m[0].length > start) return true;
  return false;
}

/** The care keys of all chart conditions. */
export function chartConditionKeys(concepts: readonly ConditionConcept[]): Set<string> {
  const out = new Set<string>();
  for (const c of concepts) for (const k of conditionKeys(c)) out.add(k);
  return out;
}
