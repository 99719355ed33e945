/** Types of the clinical-language package (pure; no I/O). */

/** Triage's red-flag codes (same strings as `RedFlagCode` in @qihuang/engines/hypertension-care). */
export type RedFlagCode =
  | 'chest-pain'
  | 'dyspnoea'
  | 'neuro-deficit'
  | 'confusion'
  | 'severe-headache'
  | 'vision-loss'
  | 'seizure'
  | 'tearing-back-pain'
  | 'reduced-urine'
  | 'pregnancy-headache';

export type ConceptKind = 'red-flag' | 'symptom' | 'condition' | 'drug' | 'finding';

/** Key of a row in the SOURCES table (lexicon/sources.ts). */
export type SourceId =
  | 'befast'
  | 'stroke120'
  | 'ref-1.5'
  | 'aha-heart-attack'
  | 'aha-dissection'
  | 'preeclampsia'
  | 'patient-education'
  | 'ref-5.1'
  | 'ref-8.4'
  | 'intake'
  | 'aha-crisis';

export interface Codes {
  /** SNOMED CT concept id (http://snomed.info/sct), only where the code is certain. */
  snomed?: string;
  /** WHO ICD-10 code. */
  icd10?: string;
  /** WHO ATC code (drugs). */
  atc?: string;
}

export interface Concept {
  id: string;
  kind: ConceptKind;
  display: { zh: string; en: string };
  codes: Codes;
  /** The red flag this concept means for triage, if any. */
  redFlag?: RedFlagCode;
  /** An affirmed, current mention is an emergency by itself (call 120), whatever the reading. */
  emergency?: boolean;
  /**
   * With a crisis reading (>180/120), an affirmed current mention is a sign of target-organ damage, like a red
   * flag (AHA "Hypertensive crisis: when you should call 911": back pain, numbness).
   */
  crisisSign?: boolean;
  /** Chinese surface forms (simplified; matched after normalisation). */
  zh: readonly string[];
  /** English surface forms (lower case; whole words; typos tolerated on words of 5+ letters). */
  en: readonly string[];
  /** Regular-expression sources for wording with gaps (matched on the normalised text, flag `g`). */
  patterns?: readonly string[];
  /** A mention followed by this (regular-expression source, anchored at the mention's end) is not the concept. */
  notFollowedBy?: string;
  sources: readonly SourceId[];
}

export type Experiencer = 'patient' | 'other';

export interface Modifiers {
  negated: boolean;
  historical: boolean;
  hypothetical: boolean;
  experiencer: Experiencer;
  uncertain: boolean;
  /**
   * Someone not with the writer: a person in a news report, article or video, or someone else's relative
   * ("同事的爸爸中风了"). Set only when true; such a mention is never current (no emergency, nothing recorded).
   */
  remote?: boolean;
}

export interface Span {
  start: number;
  end: number;
}

export interface Mention extends Span {
  concept: string;
  kind: ConceptKind;
  codes: Codes;
  redFlag?: RedFlagCode;
  emergency: boolean;
  /** The exact substring of the original text. */
  text: string;
  modifiers: Modifiers;
  /** Cue words that set the modifiers (for explanation). */
  cues: string[];
}

export type VitalKind = 'bp' | 'heart-rate' | 'glucose';

export interface Vital extends Span {
  kind: VitalKind;
  text: string;
  /** mmHg (bp; converted from kPa if needed), beats/min, mmol/L (glucose; converted from mg/dL). */
  sbp?: number;
  dbp?: number;
  value?: number;
  unit: 'mm[Hg]' | '/min' | 'mmol/L';
  /** Unit the patient wrote, when converted. */
  writtenUnit?: 'kPa' | 'mg/dL';
  plausible: boolean;
  modifiers: Modifiers;
  cues: string[];
}

export interface Analysis {
  text: string;
  mentions: Mention[];
  vitals: Vital[];
}
