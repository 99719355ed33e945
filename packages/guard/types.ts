import type { DrugEntry, DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Guideline, Setting } from '@qihuang/engines/blood-pressure';

/** A passage the answer was given, cited in the answer as [id]. */
export interface GuardPassage {
  id: string;
  title?: string;
  text: string;
}

export interface PatientContext {
  age?: number;
  sex?: 'female' | 'male';
  weightKg?: number;
  creatinine?: { value: number; unit: 'mg/dL' | 'umol/L' };
  /** mL/min/1.73 m² (computed from creatinine with CKD-EPI 2021 when absent). */
  egfr?: number;
  /** mL/min (computed with Cockcroft–Gault when creatinine, age, sex and weight are given). */
  crcl?: number;
  /** Free-text or coded condition names (matched against the drug knowledge base's condition keywords). */
  conditions?: string[];
  pregnant?: boolean;
  /** Medicines the patient takes (drug-knowledge ids or names, zh/en): combined with drugs the answer calls fine. */
  drugs?: string[];
  /** Serum potassium, mmol/L. */
  potassium?: number;
}

export type ClaimKind =
  | 'dose'
  | 'bp-threshold'
  | 'bp-target'
  | 'lab-threshold'
  | 'interaction'
  | 'drug-condition'
  | 'attribution'
  | 'citation'
  /** A medical statement the guard reads but has no check for: always listed, always unverifiable. */
  | 'assertion';

export type VerdictKind = 'supported' | 'contradicted' | 'unverifiable';

export interface Evidence {
  /** Where the fact comes from: a passage id, a drug knowledge source label, an engine rule. */
  source: string;
  text: string;
}

export interface Verdict {
  verdict: VerdictKind;
  evidence: Evidence[];
  /** One sentence for people: why. */
  reason: string;
}

/** A drug (or drug class) named in the answer. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  drug?: DrugEntry;
  /** Class id when the mention names a class (ACEI, β受体阻滞剂 …). */
  classId?: string;
}

export interface DoseData {
  drug: DrugEntry;
  /** mg per administration (or per day when `perDay`), low end of a range. */
  amountMg: number;
  /** High end of a stated range (mg). */
  amountMaxMg?: number;
  perDay: boolean;
  timesPerDay?: number;
  /** The sentence states a maximum ("最大剂量 …", "maximum …", "不超过 …"). */
  statesMaximum: boolean;
  /** The amount is a starting dose ("起始剂量 …", "start at …", "should be started at …"). */
  statesStart?: boolean;
  /** The sentence, or the one before it, says no (renal) adjustment is needed: the start is for this patient. */
  noAdjustmentSaid?: boolean;
  raw: string;
  /** Other drugs named in the sentence (for dose caps in combination, e.g. simvastatin with amlodipine). */
  with?: Mention[];
}

export interface BpData {
  guideline?: Guideline;
  /** 'hypertension' (diagnostic threshold) or a category id of the blood-pressure engine (grade-1, stage-2 …). */
  category: string;
  setting: Setting;
  /** A reading said to be in the category; the category's range; or its lower threshold. */
  form: 'reading' | 'range' | 'threshold' | 'correspond' | 'upper';
  /** form 'correspond': the office value the out-of-office value (sbp/dbp, in `setting`) is said to correspond to. */
  office?: { sbp: number; dbp: number };
  sbp?: [number, number | undefined];
  dbp?: [number, number | undefined];
  /** "≥140/90", "starts at", "from": lower bound only. */
  lowerBoundOnly: boolean;
  /** No edition named but a family ("中国指南", "the Chinese guideline"): its editions, all of which must disagree. */
  family?: Guideline[];
  /** A reading said NOT to be hypertension ("below the threshold", "未达到"). */
  negated?: boolean;
  /** A category stated by the systolic pressure alone ("按收缩压分级属于1级"): checked against its systolic band. */
  axisOnly?: 'sbp';
  /** category 'isolated-systolic': the relation stated for each pressure (at least / below the value). */
  isolated?: { sbp: 'ge' | 'lt'; dbp: 'ge' | 'lt' };
}

export interface TargetData {
  guideline?: Guideline;
  /** Office (default), home or ambulatory target. */
  setting?: Setting;
  sbp: number;
  dbp?: number;
  /** A systolic band ("a systolic of 140–149"): checked by its upper end against verified targets only. */
  sbpBand?: [number, number];
  population: { age?: number; diabetes?: boolean; ckd?: boolean; proteinuria?: boolean; tolerated?: boolean };
  /** A target the answer denies ("advises against going below 130/80", "<140/90 is not enough"). */
  negated?: boolean;
}

export interface InteractionData {
  /** Two or more drugs/classes said to be combined (the patient's current medicines included). */
  members: Mention[];
  /** The members the sentence itself calls safe or harmful (the rest are the patient's current medicines): a rule
   * among current medicines only is not what the sentence claims. */
  said?: Mention[];
  /** The answer says the combination is safe (true) or harmful / to be avoided (false). */
  safe: boolean;
  /** Context the rules need: potassium (mmol/L), eGFR, and daily doses (mg) by drug id. */
  potassium?: number;
  egfr?: number;
  dailyMg: Record<string, number>;
  /** The sentence itself holds the combination back at a potassium level ("…，但血钾 5.6 时应暂缓"): the safety it
   * states is conditional on potassium, so potassium gates do not contradict it. */
  potassiumHeld?: boolean;
  /** The patient's conditions (request and answer) that rules may need (aliskiren + ARB in diabetes). */
  conditions?: string[];
  /** A switch between the members with the interval stated, in hours (0: "no gap", "the same day"). */
  washoutHours?: number;
  /** The interval is between doses taken apart ("错开几个小时吃"), not a switch: without a timed rule, the combination
   * is checked as a combination. */
  spaced?: boolean;
  /** "X and Y don't interact", "这两个药之间没有明显影响": an interaction denied outright. */
  denied?: boolean;
  /** "must never be co-prescribed", "a contraindicated pair", "禁止联用": an absolute prohibition. */
  absolute?: boolean;
  /** Stopping both, the member said to be stopped first ("先停可乐定，再停美托洛尔"). */
  stopFirst?: Mention;
}

export interface DrugConditionData {
  mention: Mention;
  conditionId: string;
  conditionLabel: string;
  safe: boolean;
  /** A renal statement ("eGFR 25 可以使用二甲双胍"): the measure and value stated or known. */
  renal?: { measure: 'eGFR' | 'CrCl'; value: number };
  /** "No dose adjustment is needed" at that renal function. */
  noAdjustment?: boolean;
  /** A potassium gate: the drug said fit (or not) to start or add at this serum potassium (mmol/L). */
  potassium?: number;
  /** The condition is stated in its severe form ("bilateral renal artery stenosis"), here or where it was stated. */
  bilateral?: boolean;
  /** A hepatic statement ("重度肝功能不全（Child-Pugh C）可以使用奈必洛尔"): the impairment level stated. */
  hepatic?: 'mild' | 'moderate' | 'severe';
}

export interface AttributionData {
  citations: string[];
  numbers: string[];
  mentions: Mention[];
}

export interface Claim {
  /** The sentence (or part) that makes the claim. */
  text: string;
  kind: ClaimKind;
  /** Character offsets of the sentence in the answer. */
  start: number;
  end: number;
  citations: string[];
  dose?: DoseData;
  bp?: BpData;
  target?: TargetData;
  /** KDIGO GFR category with a value ("eGFR 38 is G3b"), a range ("G4 is 15–29"), "≥90" or "below 15". */
  lab?: { stage: string; low: number; high?: number; form: 'value' | 'range' | 'at-least' | 'below' | 'top' };
  /** An eGFR (CKD-EPI 2021) or CrCl (Cockcroft–Gault) computed in the answer from the patient's numbers. */
  renalCalc?: import('./extract-labs-calc.ts').RenalCalcData;
  /** KDIGO albuminuria category with an ACR value or range ("ACR 250 mg/g is A2"). */
  acr?: {
    stage: 'A1' | 'A2' | 'A3';
    low: number;
    high?: number;
    unit: 'mg/g' | 'mg/mmol';
    bound?: 'below' | 'above' | 'at-least';
    /** The category comes first ("A3 >300 mg/g"): the bound is said to be the category's edge. */
    edge?: boolean;
  };
  /** Control of treated hypertension stated from office and home readings (REFERENCE §2.5 treated matrix). */
  phenotype?: import('./extract-bp-phenotype.ts').PhenotypeData;
  /** A reading compared with a threshold or range the answer states ("178/116 已超过 180/120"). */
  bpCompare?: import('./extract-bp-compare.ts').BpCompareData;
  /** An eGFR said to lie in an eGFR range stated in the same sentence. */
  egfrInRange?: import('./extract-ckd.ts').EgfrInRangeData;
  /** A CKD diagnosis stated for an eGFR ≥60 with the ACR stated (REFERENCE §4.3: G1/G2 with A1 is not CKD). */
  ckdDiagnosis?: import('./extract-ckd.ts').CkdDiagnosisData;
  ckdDuration?: import('./extract-ckd.ts').CkdDurationData;
  /** A KDIGO heat-map cell's risk ("G3a with A2 is high risk") and a creatinine unit conversion. */
  kdigoRisk?: import('./extract-labs-risk.ts').KdigoRiskData;
  creatinineConversion?: import('./extract-labs-risk.ts').CreatinineConversionData;
  interaction?: InteractionData;
  condition?: DrugConditionData;
  attribution?: AttributionData;
  /** A pair said to be on the ONC high-priority interaction list (Phansalkar 2012). */
  oncList?: import('./extract-onc-list.ts').OncListData;
  /** "Losartan is an ACE inhibitor" / "氨氯地平属于非二氢吡啶类CCB": a drug said to belong to a class. */
  membership?: { mention: Mention; classMention: Mention };
  citation?: string;
  /** Patient values the answer stated or carried (used with the request's patient context). */
  /** `otherPatient`: the claim is about a second patient of the answer (甲/乙), not the request's patient. */
  context?: {
    egfr?: number;
    crcl?: number;
    potassium?: number;
    otherPatient?: boolean;
    /** Drug ids the sentence before named: the subject of a clause that names none (clauses.ts). */
    subjectDrugs?: string[];
  };
  /** What an unverifiable assertion is about (e.g. "drug", "blood pressure"). */
  assertion?: string;
}

export interface CheckContext {
  drugs: DrugKnowledgeBase;
  /** Language of the answer: reasons and evidence are written in it (one language per answer). */
  lang: 'zh' | 'en';
  passages: Map<string, GuardPassage>;
  patient?: PatientContext & { egfr?: number; crcl?: number };
  guideline?: Guideline;
}

/** One check: looks at claims of the kinds it knows and returns a verdict, or undefined to abstain. */
export interface GuardCheck {
  id: string;
  kinds: ClaimKind[];
  check(claim: Claim, context: CheckContext): Verdict | undefined;
}

export interface CheckedClaim {
  text: string;
  kind: ClaimKind;
  verdict: VerdictKind;
  evidence: Evidence[];
  reason: string;
  /** Check ids that gave a verdict. */
  checks: string[];
  start: number;
  end: number;
  citations: string[];
}

export type Policy = 'block' | 'annotate' | 'revise';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Asks the model once (the gateway supplies it). */
export type CompleteFn = (messages: ChatMessage[]) => Promise<string>;

export interface GuardResult {
  claims: CheckedClaim[];
  summary: { total: number; supported: number; contradicted: number; unverifiable: number; text: string };
  /** What happened: pass (nothing contradicted), annotated, blocked or revised. */
  action: 'pass' | 'annotate' | 'block' | 'revise';
  /** The answer to show: original (pass), annotated, revised, or empty when blocked. */
  answer: string;
  notes: string[];
  /** For revise: the verdicts on the revised answer. */
  revision?: { claims: CheckedClaim[]; contradicted: number };
}
