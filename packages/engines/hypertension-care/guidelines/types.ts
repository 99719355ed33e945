/**
 * A guideline edition as a variant: everything the treatment engine does differently per edition lives in one
 * typed object (one folder per edition), registered in `registry.ts`. Adding an edition = one new folder + one
 * registry row (plus the blood-pressure engine's classification/target tables for that edition).
 */
import type { BpValue, Guideline, Text, TreatmentDecision, TreatmentInput } from '../types.ts';

export interface FollowUp {
  days: number;
  source: string;
  /** The source as users read it, in each language (issue 20); `source` stays the English key. */
  sourceText?: Text;
}

/** The initiation step's result for an untreated patient. */
export interface Initiation {
  decision: Extract<
    TreatmentDecision,
    'no-drug' | 'lifestyle-first' | 'start-monotherapy' | 'start-combination'
  >;
  rule: string;
  /** Short bilingual reason used in order rationales. */
  why: Text;
  source: string;
  notes: Text[];
}

export interface InitiationArgs {
  input: TreatmentInput;
  /** mmHg above the target limit (target "<130" → limit 130). */
  over: { sbp: number; dbp: number };
}

export interface AddStep {
  /** The step's name (English, used in the rule and the rationale). */
  step: string;
  /** Chinese suffix naming the step in the rationale ('' when none). */
  zhSuffix: string;
}

export interface GuidelineEdition {
  id: Guideline;
  /** Display name of the edition (user-facing). */
  title: Text;
  /** User-facing citation of the treatment algorithm (e.g. "ACC/AHA 2017 §8.1, Figure 4"). */
  treatmentSource: string;
  followUp: {
    changed: FollowUp;
    controlled: FollowUp;
    lifestyle: FollowUp;
    /** Crisis-range BP (the edition's `crisis` test): follow-up within days, never the routine interval. */
    crisis: FollowUp;
    /** Severe BP below the crisis range that the edition follows up sooner (China grade 3), if any. */
    severe?: { test(bp: BpValue): boolean; followUp: FollowUp };
  };
  /** Initiation for an untreated patient above target (the caller handles "at target"). */
  initiation(args: InitiationArgs): Initiation;
  /** Thiazide agent the edition starts with. */
  thiazideAgent: 'chlorthalidone' | 'hydrochlorothiazide';
  /** ACEi before ARB in CKD/albuminuria (ACC/AHA 2017). */
  aceiFirstInCkd: boolean;
  /** DHP CCB + β-blocker is a routine initial pair (China 2018). */
  ccbBetaBlockerPair: boolean;
  /** Add a class before up-titrating (ESH step 1 → step 2), given the classes on board. */
  addClassFirst(input: TreatmentInput, classesOnBoard: number): boolean;
  /** Text of the add-a-class step. */
  addStep(classesOnBoard: number): AddStep;
  /** Crisis range for an office BP (REFERENCE §1.5): assess emergency vs urgency before an ordinary start. */
  crisis: { test(bp: BpValue): boolean; rule: string; source: string };
  /** Edition-specific notes appended to every proposal. */
  notes(input: TreatmentInput): Text[];
}
