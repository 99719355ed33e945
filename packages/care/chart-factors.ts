/**
 * What the treatment engine and the China 2018 risk count need from the chart, read from coded Conditions
 * (ICD-10 and SNOMED CT), Observations (UACR, lipids, glucose, BMI, waist, homocysteine, smoking, pregnancy
 * intention), FamilyMemberHistory and the Patient (issue 17 item 7). Pure: the resources come in.
 *
 * Codes: REFERENCE §8.4 lists only the hypertension codes. The others are standard ICD-10 (WHO) categories
 * and SNOMED CT concepts as Synthea and Chinese HIS exports code them, and LOINC codes as published by
 * Regenstrief; not in REFERENCE (checked against the code systems' public browsers, not a terminology server).
 */
import type { FhirResource } from '@qihuang/store';

type Coding = { system?: string; code?: string; display?: string };
type Concept = { coding?: Coding[]; text?: string };

export interface ChartConditionRule {
  key: ChartConditionKey;
  icd10: RegExp;
  snomed: string[];
  terms: RegExp;
}

export type ChartConditionKey =
  | 'av-block'
  | 'bradycardia'
  | 'angioedema'
  | 'renal-artery-stenosis'
  | 'albuminuria'
  | 'pregnancy'
  | 'pregnancy-planned'
  | 'smoking'
  | 'impaired-glucose'
  | 'dyslipidaemia'
  | 'obesity'
  | 'family-history-cvd'
  | 'hyperhomocysteinaemia'
  | 'lvh'
  | 'peripheral-artery-disease'
  | 'retinopathy'
  | 'diabetes-complications'
  | 'frailty';

const RULES: ChartConditionRule[] = [
  // ICD-10 I44.1 second-degree, I44.2 complete AV block; SNOMED 195042002 second degree, 28189009 Mobitz II,
  // 27885002 complete. First-degree block (I44.0) is not a contraindication (REFERENCE §5.2 "2nd/3rd degree").
  {
    key: 'av-block',
    icd10: /^I44\.[12]/,
    snomed: ['195042002', '28189009', '27885002', '54016002'],
    terms:
      /(二度|三度|高度|完全性).{0,4}房室传导阻滞|(second|third)[- ]degree (av|atrioventricular|heart) block|complete heart block|mobitz/i,
  },
  // ICD-10 R00.1 bradycardia, I49.5 sick sinus; SNOMED 48867003 bradycardia, 49710005 sinus bradycardia,
  // 36083008 sick sinus syndrome.
  {
    key: 'bradycardia',
    icd10: /^(R00\.1|I49\.5)/,
    snomed: ['48867003', '49710005', '36083008'],
    terms: /心动过缓|病态窦房结|bradycardia|sick sinus/i,
  },
  // ICD-10 T78.3 angioneurotic oedema, D84.1 hereditary; SNOMED 41291007 angioedema, 82966003 hereditary.
  {
    key: 'angioedema',
    icd10: /^(T78\.3|D84\.1)/,
    snomed: ['41291007', '82966003'],
    terms: /血管性水肿|血管神经性水肿|angioedema|angio-oedema/i,
  },
  // ICD-10 I70.1 atherosclerosis of renal artery, I15.0 renovascular hypertension; SNOMED 302233006 renal
  // artery stenosis. Bilateral stenosis (the §5.2 contraindication) is rarely coded apart: any coded renal
  // artery stenosis is passed as bilateral/solitary-kidney risk, the conservative reading.
  {
    key: 'renal-artery-stenosis',
    icd10: /^(I70\.1|I15\.0)/,
    snomed: ['302233006', '236488009'],
    terms: /肾动脉狭窄|renal artery stenosis|renovascular/i,
  },
  // ICD-10 R80 proteinuria; SNOMED 274769005 albuminuria, 29738008 proteinuria, 312975006 microalbuminuria.
  {
    key: 'albuminuria',
    icd10: /^R80/,
    snomed: ['274769005', '29738008', '312975006'],
    terms: /蛋白尿|白蛋白尿|albuminuria|proteinuria/i,
  },
  // ICD-10 Z33 pregnant state, O00–O9A; SNOMED 77386006 pregnancy.
  {
    key: 'pregnancy',
    icd10: /^(Z33|O\d)/,
    snomed: ['77386006', '72892002'],
    terms: /^(妊娠|怀孕)$|pregnan(t|cy)$/i,
  },
  // ICD-10 Z31 procreative management; SNOMED 698588004 "planning pregnancy" is not used by Synthea: text too.
  {
    key: 'pregnancy-planned',
    icd10: /^Z31/,
    snomed: ['698588004'],
    terms: /备孕|计划(怀孕|妊娠)|planning (a )?pregnancy|trying to conceive/i,
  },
  // ICD-10 F17 nicotine dependence, Z72.0 tobacco use; SNOMED 77176002 smoker, 65568007 cigarette smoker,
  // 449868002 smokes tobacco daily.
  {
    key: 'smoking',
    icd10: /^(F17|Z72\.0)/,
    snomed: ['77176002', '65568007', '449868002', '428041000124106'],
    terms: /吸烟|抽烟|smoker|tobacco use/i,
  },
  // ICD-10 R73.0 abnormal glucose (R73.01 IFG, R73.02 IGT in ICD-10-CM); SNOMED 9414007 IGT, 390951007 IFG,
  // 15777000 and 714628002 prediabetes (REFERENCE §3.4 "impaired glucose tolerance and/or impaired fasting glucose").
  {
    key: 'impaired-glucose',
    icd10: /^R73\.0/,
    snomed: ['9414007', '390951007', '15777000', '714628002'],
    terms: /糖耐量(异常|受损)|空腹血糖(受损|异常)|糖尿病前期|prediabetes|impaired (glucose|fasting)/i,
  },
  // ICD-10 E78 disorders of lipoprotein metabolism; SNOMED 55822004 hyperlipidaemia, 13644009
  // hypercholesterolaemia, 302870006 hypertriglyceridaemia, 370992007 dyslipidaemia.
  {
    key: 'dyslipidaemia',
    icd10: /^E78/,
    snomed: ['55822004', '13644009', '302870006', '370992007'],
    terms: /血脂异常|高脂血症|高胆固醇|高血脂|hyperlipid|dyslipid|hypercholesterol/i,
  },
  // ICD-10 E66 obesity; SNOMED 414916001 obesity, 162864005 BMI 30+, 408512008 BMI 40+.
  {
    key: 'obesity',
    icd10: /^E66/,
    snomed: ['414916001', '162864005', '408512008'],
    terms: /肥胖|obesity|obese/i,
  },
  // ICD-10 Z82.4 family history of ischaemic heart disease, Z82.3 of stroke (age of onset is not coded:
  // FamilyMemberHistory below carries it; a coded family-history Condition counts, the conservative reading).
  {
    key: 'family-history-cvd',
    icd10: /^Z82\.[34]/,
    snomed: ['266894000', '429959009'],
    terms: /早发心血管病家族史|family history of (premature )?(cardiovascular|coronary|ischaemic|ischemic)/i,
  },
  // ICD-10 E72.1 (disorders of sulfur-bearing amino-acid metabolism incl. hyperhomocysteinaemia);
  // SNOMED 71444005 hyperhomocysteinaemia.
  {
    key: 'hyperhomocysteinaemia',
    icd10: /^E72\.1/,
    snomed: ['71444005'],
    terms: /高同型半胱氨酸|hyperhomocystein/i,
  },
  // Target-organ damage (REFERENCE §3.4 TOD): ICD-10 I51.7 cardiomegaly/LVH; SNOMED 55827005 LVH.
  {
    key: 'lvh',
    icd10: /^I51\.7/,
    snomed: ['55827005'],
    terms: /左心室肥厚|左室肥厚|left ventricular hypertrophy/i,
  },
  // Clinical complications (REFERENCE §3.4): PAD ICD-10 I73.9/I70.2, SNOMED 399957001; retinopathy H35.0,
  // SNOMED 4855003 (diabetic), 390834004 (proliferative diabetic); diabetes with complications E1x.2–E1x.7.
  // (399211009 is "history of myocardial infarction" in SNOMED CT, Synthea's code: coronary disease, not retinopathy.)
  {
    key: 'peripheral-artery-disease',
    icd10: /^(I73\.9|I70\.2)/,
    snomed: ['399957001', '840580004'],
    terms: /外周动脉疾病|下肢动脉硬化闭塞|peripheral arter/i,
  },
  {
    key: 'retinopathy',
    icd10: /^H35\.0/,
    snomed: ['4855003', '390834004'],
    terms: /视网膜病变|retinopathy/i,
  },
  {
    key: 'diabetes-complications',
    icd10: /^E1[0-4]\.[2-7]/,
    snomed: ['127013003', '368581000119106', '422034002', '157141000119108'],
    terms: /糖尿病(肾病|视网膜病变|神经病变|足)|diabetic (nephropathy|kidney|retinopathy|neuropathy)/i,
  },
];

RULES.push(
  // ICD-10 R54 age-related physical debility (frailty); SNOMED 248279007 frailty.
  { key: 'frailty', icd10: /^R54/, snomed: ['248279007'], terms: /衰弱|frailty|frail\b/i },
);

const INACTIVE = new Set(['inactive', 'resolved', 'remission']);
const REFUTED = new Set(['refuted', 'entered-in-error']);

function activeConditions(resources: readonly FhirResource[]): Concept[] {
  return resources
    .filter((r) => r.resourceType === 'Condition')
    .filter((r) => {
      const c = r as {
        clinicalStatus?: Concept;
        verificationStatus?: Concept;
        abatementDateTime?: string;
      };
      const clinical = c.clinicalStatus?.coding?.[0]?.code;
      const verification = c.verificationStatus?.coding?.[0]?.code;
      if (clinical && INACTIVE.has(clinical)) return false;
      if (verification && REFUTED.has(verification)) return false;
      return !c.abatementDateTime;
    })
    .map((r) => (r as { code?: Concept }).code ?? {});
}

function matches(concept: Concept, rule: ChartConditionRule): boolean {
  for (const coding of concept.coding ?? []) {
    const code = coding.code ?? '';
    const system = coding.system ?? '';
    if (/snomed/i.test(system) && rule.snomed.includes(code)) return true;
    if (/icd-?10/i.test(system) && rule.icd10.test(code)) return true;
    if (!system && (rule.snomed.includes(code) || rule.icd10.test(code))) return true;
  }
  const text = [concept.text ?? '', ...(concept.coding ?? []).map((c) => c.display ?? '')].join(' ');
  return rule.terms.test(text.trim());
}

/** Chart condition keys found among active Conditions. */
export function chartConditions(resources: readonly FhirResource[]): Set<ChartConditionKey> {
  const out = new Set<ChartConditionKey>();
  for (const concept of activeConditions(resources))
    for (const rule of RULES) if (matches(concept, rule)) out.add(rule.key);
  return out;
}

export interface Lab {
  value: number;
  unit: string;
  date: string;
}

const effective = (o: FhirResource): string => {
  const r = o as { effectiveDateTime?: string; effectivePeriod?: { start?: string }; issued?: string };
  return r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued ?? '';
};

/** Latest numeric Observation with one of the LOINC codes (final/amended/corrected or no status). */
export function latestLab(resources: readonly FhirResource[], loinc: readonly string[]): Lab | undefined {
  let best: Lab | undefined;
  for (const r of resources) {
    if (r.resourceType !== 'Observation') continue;
    const o = r as {
      status?: string;
      code?: Concept;
      valueQuantity?: { value?: number; unit?: string; code?: string };
    };
    if (o.status && !['final', 'amended', 'corrected', 'preliminary'].includes(o.status)) continue;
    if (!(o.code?.coding ?? []).some((c) => loinc.includes(c.code ?? ''))) continue;
    const value = o.valueQuantity?.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const date = effective(r);
    if (!best || date > best.date)
      best = { value, unit: o.valueQuantity?.unit ?? o.valueQuantity?.code ?? '', date };
  }
  return best;
}

/** LOINC codes read here (REFERENCE §8.1 lists BP/renal/lipid codes; the others are standard LOINC). */
export const FACTOR_LOINC = {
  uacr: ['9318-7', '14959-1', '32294-1', '14958-3'], // albumin/creatinine ratio in urine (mass and molar)
  totalCholesterol: ['2093-3'],
  ldl: ['18262-6', '2089-1', '13457-7'],
  hdl: ['2085-9'],
  fastingGlucose: ['1558-6', '14771-0'],
  bmi: ['39156-5'],
  waist: ['8280-0', '56086-2'],
  homocysteine: ['13965-9'],
  smoking: ['72166-2'],
  pregnancyIntention: ['86645-9'],
} as const;

export const FACTOR_OBSERVATION_CODES: readonly string[] = Object.values(FACTOR_LOINC).flat();

/** UACR in mg/g: mg/mmol × 10 (REFERENCE §4.3 albuminuria table pairs 30 mg/g = 3 mg/mmol, 300 = 30). */
export function uacrMgPerG(lab: Lab | undefined): number | undefined {
  if (!lab) return undefined;
  return /mmol/i.test(lab.unit) ? lab.value * 10 : lab.value;
}

/** mmol/L from mg/dL or mmol/L (cholesterol: REFERENCE §3.4 pairs 5.2 mmol/L = 200 mg/dL → ÷38.67). */
function cholesterolMmol(lab: Lab | undefined): number | undefined {
  if (!lab) return undefined;
  return /mmol/i.test(lab.unit) ? lab.value : lab.value / 38.67;
}

/** Fasting glucose in mmol/L (REFERENCE §3.4 6.1–6.9 mmol/L; mg/dL ÷ 18.0). */
function glucoseMmol(lab: Lab | undefined): number | undefined {
  if (!lab) return undefined;
  return /mmol/i.test(lab.unit) ? lab.value : lab.value / 18.0;
}

function smokingFromObservation(resources: readonly FhirResource[]): boolean | undefined {
  const latest = resources
    .filter(
      (r) =>
        r.resourceType === 'Observation' &&
        ((r as { code?: Concept }).code?.coding ?? []).some((c) => c.code === '72166-2'),
    )
    .sort((a, b) => effective(b).localeCompare(effective(a)))[0];
  if (!latest) return undefined;
  const value = (latest as { valueCodeableConcept?: Concept }).valueCodeableConcept;
  const code = value?.coding?.[0]?.code ?? '';
  const text = `${value?.text ?? ''} ${value?.coding?.[0]?.display ?? ''}`;
  // SNOMED 449868002 every-day, 428041000124106 some-day, 77176002 smoker, 65568007 cigarette smoker;
  // 266919005 never, 8517006 ex-smoker (LOINC 72166-2 answer list).
  if (
    ['449868002', '428041000124106', '77176002', '65568007', '428071000124103', '428061000124105'].includes(
      code,
    )
  )
    return true;
  if (['266919005', '8517006', '266927001'].includes(code)) return false;
  if (/never|former|ex-/i.test(text)) return false;
  return /smok/i.test(text) ? true : undefined;
}

/** Family history of premature CVD (REFERENCE §3.4: first-degree relative, men <55, women <65). */
function prematureFamilyCvd(resources: readonly FhirResource[]): boolean {
  return resources
    .filter((r) => r.resourceType === 'FamilyMemberHistory')
    .some((r) => {
      const h = r as {
        status?: string;
        sex?: Concept;
        relationship?: Concept;
        condition?: { code?: Concept; onsetAge?: { value?: number } }[];
      };
      if (h.status === 'entered-in-error' || h.status === 'health-unknown') return false;
      // v3 RoleCode first-degree relatives: parents, siblings, children.
      const rel = h.relationship?.coding?.[0]?.code ?? '';
      const firstDegree = [
        'FTH',
        'MTH',
        'PRN',
        'NPRN',
        'BRO',
        'SIS',
        'SIB',
        'NSIB',
        'SON',
        'DAU',
        'CHILD',
        'NCHILD',
      ];
      if (rel && !firstDegree.includes(rel)) return false;
      const female = ['MTH', 'SIS', 'DAU'].includes(rel) || h.sex?.coding?.[0]?.code === 'female';
      return (h.condition ?? []).some((c) => {
        const text = [
          c.code?.text ?? '',
          ...(c.code?.coding ?? []).map((x) => `${x.display ?? ''} ${x.code ?? ''}`),
        ].join(' ');
        // Coronary disease, MI, stroke (ICD-10 I20–I25, I60–I64; SNOMED 53741008, 22298006, 230690007).
        const cvd =
          /I2[0-5]|I6[0-4]|53741008|22298006|230690007|冠心病|心肌梗|心梗|脑卒中|中风|coronary|myocardial infarction|heart attack|stroke/i.test(
            text,
          );
        const age = c.onsetAge?.value;
        if (!cvd) return false;
        // Without an onset age it is not known to be premature: not counted.
        return age !== undefined && age < (female ? 65 : 55);
      });
    });
}

export interface ChinaRiskFactor {
  key: string;
  label: { zh: string; en: string };
}

export interface ChartFactors {
  conditions: Set<ChartConditionKey>;
  /** UACR mg/g (latest). */
  uacr?: number;
  /** Albuminuria from a coded Condition or UACR ≥30 mg/g (REFERENCE §3.4 TOD; KDIGO A2 §4.3). */
  albuminuria: boolean;
  /** UACR >300 mg/g (REFERENCE §3.4 clinical complication "proteinuria ≥300 mg/24 h"; KDIGO A3 §4.3). */
  severeAlbuminuria: boolean;
  smoker?: boolean;
  bmi?: number;
  /** China 2018 "other risk factors" found (REFERENCE §3.4), age/sex included. */
  chinaRiskFactors: ChinaRiskFactor[];
  targetOrganDamage: boolean;
  clinicalComplications: string[];
  blackAncestry: boolean;
  /** LOINC 86645-9 "pregnancy intention in the next year" answered yes (latest). */
  pregnancyIntended: boolean;
}

function pregnancyIntended(resources: readonly FhirResource[]): boolean {
  const latest = resources
    .filter(
      (r) =>
        r.resourceType === 'Observation' &&
        ((r as { code?: Concept }).code?.coding ?? []).some((c) => c.code === '86645-9'),
    )
    .sort((a, b) => effective(b).localeCompare(effective(a)))[0];
  const value = (latest as { valueCodeableConcept?: Concept; valueBoolean?: boolean } | undefined) ?? {};
  if (value.valueBoolean !== undefined) return value.valueBoolean;
  const answer = value.valueCodeableConcept;
  const text = `${answer?.text ?? ''} ${(answer?.coding ?? []).map((c) => `${c.code ?? ''} ${c.display ?? ''}`).join(' ')}`;
  // LOINC answer LA33-6 "Yes"; free text "yes"/"want to become pregnant"/"是".
  return /\bLA33-6\b|\byes\b|want to become pregnant|^\s*是/i.test(text);
}

/** US Core race OMB category "Black or African American" (urn:oid:2.16.840.1.113883.6.238 2054-5). */
function blackAncestry(patient: FhirResource | undefined): boolean {
  const ext = (
    patient as { extension?: { url?: string; extension?: { valueCoding?: Coding }[] }[] } | undefined
  )?.extension;
  return (ext ?? []).some(
    (e) =>
      /us-core-race/.test(e.url ?? '') && (e.extension ?? []).some((x) => x.valueCoding?.code === '2054-5'),
  );
}

export function chartFactors(
  resources: readonly FhirResource[],
  patient: { age?: number; sex?: string; bmiFromWeightHeight?: number },
): ChartFactors {
  const conditions = chartConditions(resources);
  const uacr = uacrMgPerG(latestLab(resources, FACTOR_LOINC.uacr));
  const albuminuria = conditions.has('albuminuria') || (uacr !== undefined && uacr >= 30); // §3.4 UACR ≥30 mg/g
  const severeAlbuminuria = uacr !== undefined && uacr > 300; // §4.3 A3 >300 mg/g (exactly 300 is A2)
  const smoker = smokingFromObservation(resources) ?? (conditions.has('smoking') ? true : undefined);
  const bmi = latestLab(resources, FACTOR_LOINC.bmi)?.value ?? patient.bmiFromWeightHeight;
  const waist = latestLab(resources, FACTOR_LOINC.waist);
  const waistCm = waist
    ? /in/i.test(waist.unit) && !/cm/i.test(waist.unit)
      ? waist.value * 2.54
      : waist.value
    : undefined;
  const tc = cholesterolMmol(latestLab(resources, FACTOR_LOINC.totalCholesterol));
  const ldl = cholesterolMmol(latestLab(resources, FACTOR_LOINC.ldl));
  const hdl = cholesterolMmol(latestLab(resources, FACTOR_LOINC.hdl));
  const fpg = glucoseMmol(latestLab(resources, FACTOR_LOINC.fastingGlucose));
  const hcy = latestLab(resources, FACTOR_LOINC.homocysteine)?.value;
  const male = patient.sex === 'male';
  const female = patient.sex === 'female';
  const factors: ChinaRiskFactor[] = [];
  const add = (key: string, zh: string, en: string) => factors.push({ key, label: { zh, en } });
  const age = patient.age;
  if (age !== undefined && ((male && age > 55) || (female && age > 65)))
    add('age', '年龄（男>55岁/女>65岁）', 'age (men >55, women >65)'); // §3.4 age
  if (smoker) add('smoking', '吸烟', 'smoking'); // §3.4 smoking
  // §3.4 IGT 2-h 7.8–11.0 and/or IFG 6.1–6.9 mmol/L
  if (conditions.has('impaired-glucose') || (fpg !== undefined && fpg >= 6.1 && fpg < 7.0))
    add('impaired-glucose', '糖耐量受损和/或空腹血糖异常', 'impaired glucose tolerance or fasting glucose');
  // §3.4 dyslipidaemia: TC ≥5.2 or LDL-C ≥3.4 or HDL-C <1.0 mmol/L
  if (
    conditions.has('dyslipidaemia') ||
    (tc !== undefined && tc >= 5.2) ||
    (ldl !== undefined && ldl >= 3.4) ||
    (hdl !== undefined && hdl < 1.0)
  )
    add('dyslipidaemia', '血脂异常', 'dyslipidaemia');
  if (conditions.has('family-history-cvd') || prematureFamilyCvd(resources))
    add('family-history', '早发心血管病家族史', 'family history of premature CVD'); // §3.4
  // §3.4 obesity BMI ≥28 kg/m²; abdominal obesity waist ≥90 cm men, ≥85 cm women
  if (
    conditions.has('obesity') ||
    (bmi !== undefined && bmi >= 28) ||
    (waistCm !== undefined && ((male && waistCm >= 90) || (female && waistCm >= 85)))
  )
    add('obesity', '肥胖或腹型肥胖', 'obesity or abdominal obesity');
  if (conditions.has('hyperhomocysteinaemia') || (hcy !== undefined && hcy >= 15))
    add('homocysteine', '高同型半胱氨酸血症', 'hyperhomocysteinaemia'); // §3.4 ≥15 μmol/L
  const complications: string[] = [];
  if (conditions.has('peripheral-artery-disease')) complications.push('peripheral artery disease');
  if (conditions.has('retinopathy')) complications.push('retinopathy');
  if (severeAlbuminuria) complications.push('proteinuria'); // §3.4 kidney disease: proteinuria ≥300 mg/24 h
  if (conditions.has('diabetes-complications')) complications.push('diabetes with complications');
  return {
    conditions,
    ...(uacr !== undefined ? { uacr } : {}),
    albuminuria,
    severeAlbuminuria,
    ...(smoker !== undefined ? { smoker } : {}),
    ...(bmi !== undefined ? { bmi } : {}),
    chinaRiskFactors: factors,
    // §3.4 TOD: LVH, microalbuminuria 30–300 mg/24 h or UACR ≥30 mg/g (eGFR 30–59 is passed as CKD stage 3)
    targetOrganDamage: conditions.has('lvh') || albuminuria,
    clinicalComplications: complications,
    blackAncestry: blackAncestry(resources.find((r) => r.resourceType === 'Patient')),
    pregnancyIntended: pregnancyIntended(resources),
  };
}
