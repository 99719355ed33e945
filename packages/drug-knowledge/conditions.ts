import type { ConditionSet } from './types.ts';

/**
 * Condition code sets used by contraindication and interaction rules. ICD-10 (WHO, and ICD-10-CM where noted)
 * codes match by prefix; SNOMED CT codes exactly. Codes per REFERENCE §8.4–§8.5 and WHO ICD-10; SNOMED codes are
 * only those we are confident of (others absent; free-text keywords cover the rest).
 */
export const CONDITIONS = {
  pregnancy: {
    id: 'pregnancy',
    label: { en: 'pregnancy', zh: '妊娠' },
    icd10: ['Z33', 'O'], // Z33 pregnant state; chapter XV O00–O99
    snomed: ['77386006'], // Pregnancy (finding)
    keywords: ['pregnan', '妊娠', '怀孕', '孕期'],
  },
  gout: {
    id: 'gout',
    label: { en: 'gout', zh: '痛风' },
    icd10: ['M10', 'M1A'], // M1A chronic gout (ICD-10-CM)
    snomed: ['90560007'], // Gout (disorder)
    keywords: ['gout', '痛风'],
  },
  asthma: {
    id: 'asthma',
    label: { en: 'asthma', zh: '哮喘' },
    icd10: ['J45', 'J46'],
    snomed: ['195967001'], // Asthma (disorder)
    keywords: ['asthma', '哮喘'],
  },
  angioedema: {
    id: 'angioedema',
    label: { en: 'history of angioedema', zh: '血管神经性水肿史' },
    icd10: ['T78.3', 'D84.1'], // angioneurotic oedema; hereditary angioedema (C1 esterase defect)
    snomed: ['41291007'], // Angioedema (disorder)
    keywords: ['angioedema', '血管性水肿', '血管神经性水肿'],
  },
  renalArteryStenosis: {
    id: 'renal-artery-stenosis',
    label: { en: 'renal artery stenosis', zh: '肾动脉狭窄' },
    icd10: ['I70.1', 'I15.0'], // atherosclerosis of renal artery; renovascular hypertension
    keywords: ['renal artery stenosis', '肾动脉狭窄'],
  },
  avBlockHighGrade: {
    id: 'av-block-2-3',
    label: {
      en: '2nd/3rd-degree AV block or sick sinus syndrome',
      zh: '二/三度房室传导阻滞或病态窦房结综合征',
    },
    icd10: ['I44.1', 'I44.2', 'I49.5'],
    snomed: ['27885002'], // Complete atrioventricular block
    keywords: ['av block', 'heart block', '房室传导阻滞', 'sick sinus', '病态窦房结'],
  },
  bradycardia: {
    id: 'bradycardia',
    label: { en: 'bradycardia', zh: '心动过缓' },
    icd10: ['R00.1'],
    keywords: ['bradycardia', '心动过缓'],
  },
  hfref: {
    id: 'hfref',
    label: { en: 'heart failure with reduced ejection fraction', zh: '射血分数降低的心力衰竭' },
    icd10: ['I50.2'], // ICD-10-CM systolic (congestive) heart failure
    snomed: ['703272007'], // Heart failure with reduced ejection fraction
    keywords: [
      'hfref',
      'reduced ejection fraction',
      'systolic heart failure',
      '射血分数降低',
      '收缩性心力衰竭',
    ],
  },
  diabetes: {
    id: 'diabetes',
    label: { en: 'diabetes mellitus', zh: '糖尿病' },
    icd10: ['E10', 'E11', 'E12', 'E13', 'E14'],
    snomed: ['73211009', '44054006', '46635009'], // DM; type 2 DM; type 1 DM
    keywords: ['diabetes', '糖尿病'],
  },
  hyperkalaemia: {
    id: 'hyperkalaemia',
    label: { en: 'hyperkalaemia', zh: '高钾血症' },
    icd10: ['E87.5'],
    snomed: ['14140009'], // Hyperkalemia
    keywords: ['hyperkal', '高钾', '高血钾'],
  },
  addison: {
    id: 'addison',
    label: { en: 'Addison disease', zh: '艾迪生病' },
    icd10: ['E27.1', 'E27.2'],
    snomed: ['363732003'], // Addison's disease
    keywords: ['addison', '艾迪生', '肾上腺皮质功能减退'],
  },
  anuria: {
    id: 'anuria',
    label: { en: 'anuria', zh: '无尿' },
    icd10: ['R34'],
    keywords: ['anuria', '无尿'],
  },
  activeLiverDisease: {
    id: 'active-liver-disease',
    label: { en: 'active liver disease / decompensated cirrhosis', zh: '活动性肝病/失代偿期肝硬化' },
    icd10: ['K70.4', 'K71.1', 'K72', 'K74.6', 'B15', 'B16', 'B17'], // alcoholic hepatic failure, toxic liver disease with necrosis, hepatic failure, cirrhosis, acute viral hepatitis
    snomed: ['19943007'], // Cirrhosis of liver
    keywords: ['cirrhosis', 'hepatic failure', 'liver failure', '肝硬化', '肝衰竭', '急性肝炎'],
  },
  myastheniaGravis: {
    id: 'myasthenia-gravis',
    label: { en: 'myasthenia gravis', zh: '重症肌无力' },
    icd10: ['G70.0'],
    snomed: ['91637004'], // Myasthenia gravis
    keywords: ['myasthenia', '重症肌无力'],
  },
  hypertension: {
    id: 'hypertension',
    label: { en: 'hypertension', zh: '高血压' },
    icd10: ['I10', 'I11', 'I12', 'I13', 'I15', 'I16'],
    snomed: ['38341003', '59621000'],
    keywords: ['hypertension', '高血压'],
  },
} satisfies Record<string, ConditionSet>;

export interface ConditionLike {
  codes?: { system?: string; code?: string }[];
  text?: string;
}

const ICD10_SYSTEMS = [
  'http://hl7.org/fhir/sid/icd-10',
  'http://hl7.org/fhir/sid/icd-10-cm',
  'icd-10',
  'icd10',
];
const SNOMED = 'http://snomed.info/sct';

function isIcd10(system: string | undefined): boolean {
  if (!system) return false;
  const s = system.toLowerCase();
  return ICD10_SYSTEMS.some((x) => s === x) || s.includes('icd-10') || s.includes('icd10');
}

/** Whether a patient condition belongs to a set: by code first, free text when no code matched. */
export function conditionMatches(set: ConditionSet, condition: ConditionLike): boolean {
  for (const coding of condition.codes ?? []) {
    const code = coding.code?.trim().toUpperCase();
    if (!code) continue;
    if (coding.system === SNOMED && set.snomed?.includes(code)) return true;
    if (isIcd10(coding.system) && set.icd10?.some((p) => code.startsWith(p))) return true;
  }
  const text = condition.text?.toLowerCase();
  if (text && set.keywords?.some((k) => text.includes(k))) return true;
  return false;
}
