/**
 * Types of the hypertension-care engine (pure): emergency triage from symptoms + readings, the treatment
 * proposal (guideline algorithm), the home-monitoring plan with reminders and adherence, follow-up intervals,
 * lifestyle goals, and the clinician panel ranking. Every decision explains itself (rule, source, inputs).
 */
import type {
  BpReading,
  BpValue,
  Explanation,
  Guideline,
  TargetPopulation,
  Text,
} from '@qihuang/engines/blood-pressure';

export type { BpReading, BpValue, Explanation, Guideline, Text };

// ---------------------------------------------------------------------------------------------- triage

/** Red-flag symptom groups (acute target-organ damage, REFERENCE §1.5 "evidence of new or worsening TOD"). */
export type RedFlagCode =
  | 'chest-pain'
  | 'dyspnoea'
  | 'neuro-deficit' // one-sided weakness/numbness, facial droop, speech difficulty
  | 'confusion'
  | 'severe-headache'
  | 'vision-loss'
  | 'seizure'
  | 'tearing-back-pain' // aortic dissection
  | 'reduced-urine'
  | 'pregnancy-headache'; // pre-eclampsia signs

export interface RedFlag {
  code: RedFlagCode;
  /** The words in the patient's text that matched (exact substring); the code itself for structured symptoms. */
  matched: string;
  display: Text;
  /** Where the flag came from: the free text or the structured `symptoms` list. */
  origin?: 'text' | 'structured';
}

export interface TriageInput {
  /** Free text the patient wrote (any language; zh and en lexicons); negated mentions ("没有胸痛", "no chest pain") do not count. */
  text?: string;
  /** Symptom codes already structured (e.g. from a questionnaire checkbox). */
  symptoms?: RedFlagCode[];
  /** Readings to consider (latest first or any order); only readings within `windowHours` of `now` count. */
  readings?: readonly Pick<BpReading, 'sbp' | 'dbp' | 'time' | 'id'>[];
  now: string;
  /** Default 24. */
  windowHours?: number;
  guideline: Guideline;
}

export type TriageLevel = 'emergency' | 'urgent' | 'none';

export interface TriageResult extends Explanation {
  level: TriageLevel;
  /** true for 'emergency': the conversation stops and the instruction is shown at once. */
  stop: boolean;
  redFlags: RedFlag[];
  /** The crisis-level reading that contributed, if any (SBP >180 or DBP >120, REFERENCE §1.5). */
  crisisReading?: Pick<BpReading, 'sbp' | 'dbp' | 'time' | 'id'>;
  /** What to tell the patient (bilingual, fixed text, never model-written). */
  instruction: Text;
}

// ------------------------------------------------------------------------------------------- treatment

export type AntihypertensiveClass =
  | 'acei'
  | 'arb'
  | 'ccb-dhp'
  | 'ccb-nondhp'
  | 'thiazide' // thiazide and thiazide-like
  | 'loop'
  | 'mra'
  | 'beta-blocker'
  | 'alpha-blocker'
  | 'central'
  | 'other';

export interface CurrentMedication {
  /** Engine agent id (e.g. 'amlodipine', 'losartan'); SPCs are given as their components. */
  agent: string;
  cls: AntihypertensiveClass;
  dailyDoseMg?: number;
  /** Signed and awaiting the pharmacist's review: already ordered, not yet taken (treatment/awaiting-review.ts). */
  pending?: true;
}

export interface TreatmentInput {
  guideline: Guideline;
  /** Unknown stays unknown: omit it (never a default); the proposal lists it in `missing`. */
  age?: number;
  /** Unknown stays unknown: omit it; the proposal lists it in `missing`. */
  sex?: 'male' | 'female';
  /** BP the decision uses: confirmed office or out-of-office mean (mmHg). */
  bp: BpValue;
  /** Where `bp` came from (out-of-office means are compared with out-of-office thresholds by the caller). */
  bpSource: 'office' | 'home' | 'ambulatory';
  /** China 2018 risk level (REFERENCE §3.4) when known. */
  chinaRisk?: 'low' | 'medium' | 'high' | 'very-high';
  /** 10-year ASCVD risk (PCE, fraction 0–1) when known (ACC/AHA 2017 §7.1 ≥10% rule). */
  ascvdRisk10y?: number;
  /**
   * The treatment-target population as every screen reads it from the chart (bp-monitoring targetPopulation);
   * when absent it is derived from `age` and `conditions` (diabetes, ckd, albuminuria, stroke, coronary).
   */
  population?: TargetPopulation;
  conditions: {
    diabetes?: boolean;
    ckd?: boolean;
    albuminuria?: boolean;
    ascvd?: boolean; // CAD, prior MI, stroke, PAD
    /** Stroke or TIA (China 2018 post-stroke target, REFERENCE §7.3). */
    stroke?: boolean;
    /** Coronary artery disease / angina / prior MI specifically (compelling β-blocker indication, REFERENCE §7.1). */
    coronaryArteryDisease?: boolean;
    heartFailureReducedEf?: boolean;
    atrialFibrillation?: boolean;
    gout?: boolean;
    asthma?: boolean;
    /** 2nd/3rd-degree AV block or sick sinus without a pacemaker (β-blocker, non-DHP CCB contraindicated, §5.2). */
    avBlock?: boolean;
    /** Marked bradycardia (HR <50–60; β-blocker, non-DHP CCB, §5.2). */
    bradycardia?: boolean;
    /** History of angioedema (any ACEi, hereditary or idiopathic; ACEi contraindicated, §5.2). */
    angioedemaHistory?: boolean;
    /** Bilateral renal artery stenosis or stenosis of a solitary kidney (ACEi/ARB contraindicated, §5.2). */
    bilateralRenalArteryStenosis?: boolean;
    pregnancy?: boolean;
    /** Pregnancy planned: treated like pregnancy for drug choice (ACEi/ARB/MRA/aliskiren stopped, §5.2). */
    pregnancyPlanned?: boolean;
    /** Woman of child-bearing potential without reliable contraception (ACEi/ARB avoided for new starts, §5.2). */
    pregnancyPossible?: boolean;
    /** Black ancestry (ACC/AHA 2017: thiazide or CCB first without HF/CKD, §7.1). */
    blackAncestry?: boolean;
    frail?: boolean;
  };
  labs?: { potassium?: number; egfr?: number };
  /** Classes the patient is allergic/intolerant to (e.g. ACEi cough → 'acei'). */
  intolerances?: AntihypertensiveClass[];
  current: CurrentMedication[];
  /**
   * When the current regimen last started or changed and when the readings behind `bp` began (dates as data):
   * BP from before the regimen had been in place long enough does not judge it (treatment/regimen-timing.ts).
   * Absent: no known change (a long-standing regimen), `bp` judges it.
   */
  regimen?: RegimenTiming;
  /** Months on the current regimen without reaching target (0 = just started / unknown). */
  monthsOnCurrentRegimen?: number;
  /** Untreated patients: months of lifestyle therapy already tried (drug after lifestyle failure, REFERENCE §7.2/§7.3). */
  lifestyleMonths?: number;
}

export interface RegimenTiming {
  /** Latest start or change of a current antihypertensive (ISO date-time). */
  changedAt: string;
  /** The proposal's time (ISO date-time; the engine reads no clock). */
  now: string;
  /** When the first reading behind `bp` was taken (ISO date-time); unknown is not taken as on the regimen. */
  bpFrom?: string;
  /** `bp` is enough to judge on: an office visit, or a home mean with enough readings (REFERENCE §2.3). */
  bpSufficient: boolean;
  /** Offset of the patient's local day (minutes east of UTC) for the dates the proposal names; default 0. */
  utcOffsetMinutes?: number;
}

export type TreatmentDecision =
  | 'no-drug' // at target or no hypertension
  | 'lifestyle-first' // drug not yet indicated by the guideline (e.g. low-risk stage 1 / grade 1)
  | 'start-monotherapy'
  | 'start-combination'
  | 'increase-dose'
  | 'add-class'
  | 'resistant-review' // ≥3 classes incl. diuretic at optimal dose and still above target
  | 'change-regimen' // a current agent is contraindicated or above its renal maximum: stop / reduce / replace
  | 'maintain'
  | 'too-early'; // on a regimen whose readings since its latest change are too recent or too few to judge it

export interface ProposedOrder {
  agent: string; // engine agent id (must be in the drug knowledge base: same ids)
  /** For a single-pill combination: its components' agent ids; `agent` is then the SPC id (e.g. 'amlodipine-valsartan'). */
  components?: string[];
  classes: AntihypertensiveClass[];
  display: Text; // e.g. { en: 'Amlodipine 5 mg once daily', zh: '氨氯地平 5 mg 每日一次' }
  /**
   * Per-component daily doses when an SPC; else one entry. `doseMg` is the total daily dose (mg/day), given in
   * `timesPerDay` doses (e.g. labetalol 100 mg twice daily = { doseMg: 200, timesPerDay: 2 }).
   */
  doses: { agent: string; doseMg: number; timesPerDay: number }[];
  /**
   * 'start' | 'increase' (from → to) | 'add' | 'replace' (takes the place of `replaces`, which is in `stops`) |
   * 'reduce' (a current agent, from → to). Every order has at least one dose: callers turn orders into drafts.
   */
  action: 'start' | 'increase' | 'add' | 'replace' | 'reduce';
  /** 'increase' / 'reduce': the current total daily dose (mg/day, as `CurrentMedication.dailyDoseMg`). */
  fromDoseMg?: number;
  /** 'replace': the current agent this order replaces. */
  replaces?: string;
  rationale: Text;
  source: string;
}

/** A current agent to stop (never a prescription draft: listed apart from `orders`). */
export interface StopOrder {
  agent: string;
  cls: AntihypertensiveClass;
  /** The current total daily dose when known (mg/day). */
  fromDoseMg?: number;
  display: Text; // e.g. { en: 'Stop Losartan', zh: '停用氯沙坦' }
  rationale: Text;
  source: string;
}

export interface AvoidedClass {
  cls: AntihypertensiveClass;
  reason: Text;
  source: string;
}

export interface TreatmentProposal extends Explanation {
  decision: TreatmentDecision;
  /** `rule` in English; `display` the same rule per language. */
  target: { sbp: number; dbp?: number; rule: string; display?: Text; source: string };
  orders: ProposedOrder[];
  /** Current agents to stop (contraindicated, K⁺ ≥6.0, ACEi + ARB); replacements are in `orders` ('replace'). */
  stops: StopOrder[];
  avoided: AvoidedClass[];
  /** Preferred classes given the comorbidities (e.g. CKD+albuminuria → ACEi/ARB). */
  preferred: { cls: AntihypertensiveClass; reason: Text; source: string }[];
  followUpDays: number;
  /**
   * The follow-up line in each language ("14 天后随访" / "Follow up in 14 days"); crisis-range BP says that an
   * emergency is assessed first (REFERENCE §1.5) and the interval applies once one is excluded. Callers that
   * override `followUpDays` (an open emergency: 0 = now) override this text too.
   */
  followUpText: Text;
  /** Everything the clinician should know besides the orders (e.g. "check K⁺ and creatinine in 1–2 weeks"). */
  notes: Text[];
  /** Inputs the decision needed but did not get ('age', 'sex'); never replaced by defaults. */
  missing?: ('age' | 'sex')[];
  /** Crisis-range office BP: assess hypertensive emergency vs urgency before any ordinary start (REFERENCE §1.5). */
  urgent?: { rule: string; source: string; display: Text };
}

// ------------------------------------------------------------------------------------------ monitoring

export type MonitoringPhase = 'diagnosis' | 'titration' | 'maintenance';

export interface MonitoringSession {
  name: 'morning' | 'evening';
  /** Local clock window "HH:MM"–"HH:MM". */
  window: [string, string];
  readings: number; // readings per session (2 per ESH/ACC; China 2–3 → 2)
  instruction: Text;
}

export interface MonitoringPlan extends Explanation {
  guideline: Guideline;
  phase: MonitoringPhase;
  /** 'daily' for `days` consecutive days (diagnosis, titration), or 'weekly' (one day a week, maintenance). */
  schedule: 'daily' | 'weekly';
  days: number; // consecutive days per block (7)
  discardFirstDay: boolean;
  sessions: MonitoringSession[];
  /** For weekly schedules: ISO weekday 1–7 of the measurement day (default 1 = Monday). */
  weekday?: number;
  startDate: string; // local YYYY-MM-DD
}

export interface ReminderDue {
  date: string; // local YYYY-MM-DD
  session: 'morning' | 'evening';
  window: [string, string];
  /** 'due' = window open now and not done; 'upcoming' = later today; 'missed' = window closed, not done. */
  state: 'due' | 'upcoming' | 'missed' | 'done';
  readingsTaken: number;
  readingsPlanned: number;
}

export interface Adherence {
  plannedSessions: number;
  completedSessions: number; // sessions with ≥1 reading inside the window (full = ≥ planned readings)
  fullSessions: number;
  fraction: number; // completed / planned, 0 when none planned
  from: string;
  to: string;
}

// ------------------------------------------------------------------------------------------- lifestyle

export type LifestyleDomain = 'salt' | 'weight' | 'exercise' | 'alcohol' | 'smoking' | 'diet' | 'potassium';

export interface LifestyleGoal {
  domain: LifestyleDomain;
  goal: Text; // e.g. salt < 5 g/day
  advice: Text;
  /** Expected SBP reduction when given by the source (mmHg, approximate). */
  expectedSbpReduction?: number;
  source: string;
}

export interface LifestyleInput {
  guideline: Guideline;
  bmi?: number;
  smoker?: boolean;
  alcoholDrinksPerWeek?: number;
  saltGramsPerDay?: number;
  exerciseMinutesPerWeek?: number;
  sex?: 'male' | 'female';
  /** CKD, K⁺-sparing drugs or ACEi/ARB with raised K⁺: the potassium-rich-diet goal is replaced by a caution. */
  hyperkalaemiaRisk?: boolean;
}

// --------------------------------------------------------------------------------------------- panel

export interface PanelEntry {
  patientId: string;
  /** Latest home mean vs target. */
  controlled?: boolean;
  excessSbp?: number; // mmHg above target SBP (0 when at target)
  openAlerts: number;
  crisisAlerts: number;
  adherenceFraction?: number; // monitoring adherence 0–1 over the last 14 days
  medicationAdherence?: number; // doses taken / planned 0–1 over the last 14 days
  daysOverdue?: number; // follow-up overdue by N days (0/undefined = not overdue)
  pendingDrafts?: number; // unsigned prescription drafts
}

export interface PanelRank {
  patientId: string;
  score: number;
  reasons: {
    code: 'crisis' | 'alerts' | 'uncontrolled' | 'non-adherent' | 'overdue' | 'drafts';
    display: Text;
  }[];
}
