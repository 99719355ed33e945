import type { Bilingual, Coding, DrugClassId, DrugEntry } from '@qihuang/drug-knowledge';

export type Severity = 'info' | 'warning' | 'critical';
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

export type FindingType =
  | 'interaction'
  | 'duplication'
  | 'dose'
  | 'renal'
  | 'hepatic'
  | 'allergy'
  | 'contraindication'
  /** Use with caution (慎用): a relative contraindication, e.g. a β-blocker at heart rate 50–59/min. */
  | 'caution'
  | 'pregnancy'
  | 'lab'
  | 'guideline'
  | 'unknown-drug';

/** A medication, active or draft: a knowledge-base id, codes (RxNorm, ATC, local) and/or free text. */
export interface MedicationInput {
  /** Stable id, e.g. "MedicationRequest/123". */
  id: string;
  text?: string;
  codes?: Coding[];
  drugId?: string;
  /** Dose per administration; when absent it is parsed from `text`. */
  dose?: { value: number; unit: string };
  /** Administrations per day (qd = 1, bid = 2 …); when absent parsed from `text`/`frequency`. */
  timesPerDay?: number;
  frequency?: string;
  route?: string;
  /**
   * Signed and awaiting the pharmacist's review (issue 20): part of the regimen an order is reviewed against,
   * named as such in findings; not yet the patient's medication.
   */
  pending?: boolean;
  /**
   * How the caller's screen tells this order from another of the same text (issue 20): prescriber and time written,
   * as the pharmacist's card shows them ("Min Li 2026-12-07 10:00 开具"). Passed in: the engine reads no names or clock.
   */
  orderLabel?: Bilingual;
  /** Days of supply and total quantity (FHIR dispenseRequest), when the order carries both. */
  supply?: { days: number; quantity: { value: number; unit: string } };
}

export interface ConditionInput {
  codes?: Coding[];
  text?: string;
}

export interface AllergyInput {
  codes?: Coding[];
  text?: string;
  criticality?: 'low' | 'high' | 'unable-to-assess';
  /** The text's zh-CN translation (FHIR translation extension on code.text), for zh findings. */
  textZh?: string;
  /** Reported by the patient and not yet confirmed by a clinician: it counts, and the finding says so. */
  unconfirmed?: boolean;
}

export interface LabValue {
  value: number;
  /** ISO date-time of the observation, carried into evidence. */
  at?: string;
}

export interface PatientContext {
  id?: string;
  ageYears?: number;
  sex?: 'male' | 'female' | 'other' | 'unknown';
  weightKg?: number;
  pregnant?: boolean;
  lactating?: boolean;
  hepaticImpairment?: 'mild' | 'moderate' | 'severe';
  conditions: ConditionInput[];
  allergies: AllergyInput[];
  medications: MedicationInput[];
  labs: {
    /** Serum creatinine, mg/dL. */
    creatinine?: LabValue;
    /** eGFR, mL/min/1.73 m². */
    egfr?: LabValue;
    /** Creatinine clearance, mL/min. */
    crcl?: LabValue;
    /** Potassium, mmol/L. */
    potassium?: LabValue;
  };
  bp?: { systolic: number; diastolic: number; at?: string };
  /** Latest heart rate, beats/min (LOINC 8867-4, REFERENCE §8.1): β-blocker at HR <50–60 (§5.2). */
  heartRate?: LabValue;
  /**
   * When the chart was read (ISO date-time; buildReviewInput sets it from its `now`): a vital sign older than the
   * window (ReviewOptions.vitalWindowDays) is not treated as the current one. Absent: readings are taken as current.
   */
  asOf?: string;
}

export interface ReviewInput {
  patient: PatientContext;
  drafts: MedicationInput[];
}

export interface ReviewOptions {
  /** Findings below this severity are dropped (default 'info': keep all). */
  severityThreshold?: Severity;
  /** Rule ids ("acei-arb"), finding ids, or "type:<type>" never reported. */
  suppress?: string[];
  /** 'drafts' (default): only findings involving a draft order; 'all': review the whole regimen. */
  scope?: 'drafts' | 'all';
  /**
   * A vital sign (heart rate) older than this many days before `patient.asOf` is an old reading: "recheck", at info,
   * not the contraindication (default VITAL_WINDOW_DAYS, docs/decisions/0028).
   */
  vitalWindowDays?: number;
  /** IANA zone in which dates of readings are shown (default: the date as the reading's timestamp writes it). */
  timeZone?: string;
}

export interface FindingSource {
  id: string;
  label: string;
  citation: string;
  url?: string;
}

export interface Finding {
  /** Stable: rule id + involved order ids, used for de-duplication and overrides. */
  id: string;
  ruleId: string;
  type: FindingType;
  severity: Severity;
  summary: Bilingual;
  detail: Bilingual;
  /** Drug names involved (English generic names; unknown drugs by their text). */
  drugs: string[];
  evidence: {
    /** `pending`: signed, awaiting the pharmacist's review (MedicationInput.pending). */
    orders: { id: string; text: string; draft: boolean; pending?: true }[];
    /** Knowledge facts used, e.g. "interaction:acei-arb", "dose:amlodipine", "lab:potassium=5.4". */
    facts: string[];
  };
  source: FindingSource;
}

export interface ReviewResult {
  findings: Finding[];
  knowledgeVersion: string;
}

/** A medication resolved against the knowledge base. */
export interface ResolvedMedication {
  input: MedicationInput;
  draft: boolean;
  /** Subject of review (a draft, or anything with scope 'all'). */
  subject: boolean;
  drug?: DrugEntry;
  /** Ingredient-level units (a combination gives several; an ARNI also gives itself). */
  units: { drug: DrugEntry; classes: Set<DrugClassId>; tags: Set<string> }[];
  classes: Set<DrugClassId>;
  allergyGroups: string[];
  label: string;
  text: string;
  doseMg?: number;
  timesPerDay?: number;
  dailyMg?: number;
}

export interface RenalStatus {
  egfr?: number;
  crcl?: number;
  /** How the values were obtained, for the evidence trail. */
  basis: string[];
}
