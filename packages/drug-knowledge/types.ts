/**
 * Types of the drug knowledge base. Every clinical fact carries `source`, an id into SOURCES (sources.ts),
 * so a finding can say where its number came from.
 */
export type SourceId = string;

export interface Source {
  id: SourceId;
  /** Short label shown on cards, e.g. "REFERENCE §6 row 6 (FDA 2011 simvastatin)". */
  label: string;
  citation: string;
  url?: string;
}

export interface Bilingual {
  en: string;
  zh: string;
}

export type DrugClassId =
  | 'acei'
  | 'arb'
  | 'arni'
  | 'renin-inhibitor'
  | 'ccb-dhp'
  | 'ccb-non-dhp'
  | 'thiazide'
  | 'thiazide-like'
  | 'loop'
  | 'mra'
  | 'k-sparing'
  | 'beta-blocker'
  | 'alpha-blocker'
  | 'central-alpha2'
  | 'vasodilator'
  | 'statin'
  | 'antiplatelet'
  | 'anticoagulant'
  | 'biguanide'
  | 'sglt2i'
  | 'sulfonylurea'
  | 'dpp4i'
  | 'nsaid'
  | 'potassium-supplement'
  | 'lithium'
  | 'pde5i'
  | 'nitrate'
  | 'penicillin'
  | 'cephalosporin'
  | 'macrolide'
  | 'fluoroquinolone'
  | 'azole-antifungal'
  | 'cardiac-glycoside';

/** A set of condition codes: ICD-10 codes match by prefix (I44 matches I44.2), SNOMED CT codes exactly. */
export interface ConditionSet {
  id: string;
  label: Bilingual;
  icd10?: string[];
  snomed?: string[];
  /** Free-text keywords (lower case English, Chinese) matched when a condition has no code. */
  keywords?: string[];
}

export interface ContraindicationFact {
  id: string;
  condition: ConditionSet;
  severity: 'contraindicated' | 'caution';
  text: Bilingual;
  source: SourceId;
}

export interface DoseFact {
  unit: 'mg' | 'g' | 'mcg' | 'mmol';
  /** Usual adult daily dose range. */
  usualDaily?: [number, number];
  maxDaily?: number;
  maxSingle?: number;
  /** Usual doses per day, e.g. [1, 2]. */
  timesPerDay?: number[];
  /** Older adults (≥65): suggested start / maximum where the label says so. */
  elderlyStart?: number;
  /** The usual adult starting dose (mg/day) where REFERENCE §5.1a verifies it (a stated start above it is wrong). */
  adultStart?: number;
  /** The starting dose (mg/day) when the patient already takes a diuretic, where the label says so (lisinopril:
   * "5 mg if on a diuretic", REFERENCE §5.1a); a stated start above it alongside a diuretic is wrong. */
  diureticStart?: number;
  source: SourceId;
  note?: string;
}

/** Renal rule: applies when the renal measure is below `below` (and at or above `atLeast` when given). */
export interface RenalFact {
  id: string;
  measure: 'eGFR' | 'CrCl';
  below: number;
  atLeast?: number;
  action: 'contraindicated' | 'avoid' | 'reduce-dose' | 'caution';
  maxDaily?: number;
  /** The starting dose at this renal function (mg per day), as the rule's text and source state it. */
  startMg?: number;
  text: Bilingual;
  source: SourceId;
}

export interface HepaticFact {
  id: string;
  /** Lowest impairment level the rule applies to. */
  from: 'mild' | 'moderate' | 'severe';
  action: 'contraindicated' | 'avoid' | 'reduce-dose' | 'caution';
  maxDaily?: number;
  text: Bilingual;
  source: SourceId;
}

export interface ReproductiveFact {
  /** contraindicated / avoid → finding; caution → info finding; compatible / preferred → no finding. */
  level: 'contraindicated' | 'avoid' | 'caution' | 'compatible' | 'preferred';
  text: Bilingual;
  source: SourceId;
}

export interface LabFact {
  id: string;
  lab: 'potassium' | 'egfr' | 'creatinine';
  /** Fires when value > above (or < below). Units: potassium mmol/L, eGFR mL/min/1.73 m². */
  above?: number;
  below?: number;
  severity: 'critical' | 'warning' | 'info';
  text: Bilingual;
  source: SourceId;
}

/**
 * A vital-sign rule: applies when the patient's latest reading is below `below` (heart rate in beats/min). The
 * reading shows `condition` (HR <50 is bradycardia), so a coded condition of the same set is not reported again.
 */
export interface VitalFact {
  id: string;
  vital: 'heartRate';
  below: number;
  /** Ingredient ids the rule is limited to (a class rule whose number one member's label gives); absent: every member. */
  drugs?: string[];
  severity: 'contraindicated' | 'caution';
  condition: ConditionSet;
  text: Bilingual;
  source: SourceId;
}

export interface Brand {
  en?: string;
  zh?: string;
}

export interface Salt {
  en: string;
  zh?: string;
  /**
   * The salt form's own Chinese generic name as Chinese labels write it: acid salts in front (苯磺酸氨氯地平,
   * 硫酸氢氯吡格雷), metal cations, esters and amine salts after (氯沙坦钾, 坎地沙坦酯, 培哚普利叔丁胺); hydrates
   * and solvates are not named (阿莫西林). Screens show this rather than composing a name (issue 20 item 5).
   */
  zhName?: string;
}

export interface DrugEntry {
  id: string;
  names: Bilingual;
  /** Other generic spellings / INN variants (e.g. "acetylsalicylic acid", "乙酰水杨酸"). */
  synonyms?: string[];
  brands?: Brand[];
  salts?: Salt[];
  classes: DrugClassId[];
  /** Ingredient ids for single-pill combinations; absent for single ingredients. */
  components?: string[];
  /** Allergy groups for cross-sensitivity (e.g. 'penicillin', 'beta-lactam', 'nsaid'). */
  allergyGroups?: string[];
  /** Tags used by interaction rules (e.g. 'cyp3a4-strong-inhibitor'). */
  tags?: string[];
  atc?: string[];
  /** RxNorm ingredient (IN) or clinical drug RxCUIs; only codes we are sure of, otherwise absent. */
  rxnorm?: string[];
  strengths?: string[];
  routes?: string[];
  dose?: DoseFact;
  renal?: RenalFact[];
  hepatic?: HepaticFact[];
  contraindications?: ContraindicationFact[];
  pregnancy?: ReproductiveFact;
  lactation?: ReproductiveFact;
  labs?: LabFact[];
  /** Where the identity facts (names, ATC, class) come from. */
  source: SourceId;
}

/** Several classes counted as one for therapeutic duplication, with the rule's own name and source. */
export interface DuplicationGroup {
  id: string;
  names: Bilingual;
  source: SourceId;
}

/** Class-level facts inherited by every member drug (drug-level facts are added, not replaced). */
export interface DrugClass {
  id: DrugClassId;
  names: Bilingual;
  atcPrefixes?: string[];
  antihypertensive: boolean;
  /** Two members of a class with this flag at once are a therapeutic duplication. */
  duplicationIsProblem: boolean;
  /**
   * Classes sharing a group (same `id`) are one class for duplication: a member of one with a member of another
   * is a therapeutic duplication too (e.g. a thiazide with a thiazide-like diuretic).
   */
  duplicationGroup?: DuplicationGroup;
  contraindications?: ContraindicationFact[];
  /** Contraindications by a vital-sign reading (β-blocker at HR <50, REFERENCE §5.2). */
  vitals?: VitalFact[];
  pregnancy?: ReproductiveFact;
  lactation?: ReproductiveFact;
  labs?: LabFact[];
  allergyGroups?: string[];
  source: SourceId;
}

/** Selects drugs by class, id or tag. */
export type DrugSelector = { class: DrugClassId } | { drug: string } | { tag: string };

export type InteractionSeverity = 'contraindicated' | 'major' | 'moderate';

export interface InteractionRule {
  id: string;
  /** 2 or 3 members, each "any of" these selectors; each member must be matched by a different medication. */
  members: DrugSelector[][];
  severity: InteractionSeverity;
  /** Report as this finding type (default 'interaction'); ACEi + ARB is a guideline problem. */
  findingType?: 'interaction' | 'guideline' | 'lab';
  /** Only when the patient has one of these conditions (e.g. aliskiren + ACEi in diabetes). */
  onlyWithCondition?: ConditionSet;
  /** Dose cap: fire only when the capped drug's daily dose exceeds maxDaily (or is unknown). */
  doseCap?: { drug: string; maxDaily: number; unit: 'mg' };
  /** Lab gate: fire only when the lab is above the threshold; with the lab missing, fire as `missingSeverity`. */
  labGate?: { lab: 'potassium'; above: number; missingSeverity: 'info' | 'none' };
  /** Rule ids this rule replaces when both fire on the same (or a subset of the same) medications. */
  supersedes?: string[];
  mechanism: Bilingual;
  management: Bilingual;
  summary: Bilingual;
  source: SourceId;
}

export interface AllergyGroup {
  id: string;
  names: string[];
  snomed?: string[];
  /** Cross-sensitivity to other groups: severity of the finding when the allergy is to this group. */
  crossTo?: { group: string; severity: 'critical' | 'warning' | 'info'; text: Bilingual; source: SourceId }[];
}
