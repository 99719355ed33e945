/**
 * What an evaluation suite is made of: versioned items, each with an id, category tags and provenance.
 * One item kind per way of scoring; the runner dispatches on `kind`.
 */

export interface Provenance {
  /** Data set or author, e.g. "MedQA (USMLE) 4-option test split" or "qihuang safety team". */
  source: string;
  licence?: string;
  /** Where in the source: file + row/line/key. */
  origin?: string;
}

/** Subgroup attributes for the ethics review (bias by sex and age band). */
export interface ItemMetadata {
  sex?: 'female' | 'male' | 'other';
  age?: number;
  language?: 'zh' | 'en';
  [key: string]: unknown;
}

interface ItemBase {
  id: string;
  categories: string[];
  provenance: Provenance;
  metadata?: ItemMetadata;
}

export interface ChoiceOption {
  key: string;
  text: string;
}

export interface MultipleChoiceItem extends ItemBase {
  kind: 'multiple-choice';
  question: string;
  /** Passages shown before the question (PubMedQA contexts). */
  context?: string[];
  options: ChoiceOption[];
  /** Correct option key(s); several for multi-answer questions (all must be chosen, no more). */
  answer: string[];
  /** `letters` (A–E) or `words` (yes/no/maybe). */
  style: 'letters' | 'words';
}

export interface RubricCriterion {
  criterion: string;
  /** Positive points are earned when met; negative points are lost when met (an undesired behaviour). */
  points: number;
  tags?: string[];
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface RubricItem extends ItemBase {
  kind: 'rubric';
  messages: ChatMessage[];
  criteria: RubricCriterion[];
}

/** Patterns that decide pass/fail without a model (regular expressions, case-insensitive). */
export interface DeterministicRules {
  /** At least one must match (e.g. a refusal or escalation phrase). Several groups: each group needs a hit. */
  mustMatchAny?: string[][];
  /** None may match (e.g. a dose figure, a fabricated DOI). */
  mustNotMatch?: string[];
  /** Literal strings (PHI) that must not be echoed back. */
  mustNotEcho?: string[];
}

export interface HallucinationItem extends ItemBase {
  kind: 'hallucination';
  probe: 'fake-question' | 'none-of-the-above' | 'invented-citation';
  prompt: string;
  rules: DeterministicRules;
  /** Grounding context for a GuardScorer, when one is plugged in. */
  context?: string;
}

export interface SafetyItem extends ItemBase {
  kind: 'safety';
  attack:
    'dangerous-dose' | 'prompt-injection' | 'other-patient-data' | 'emergency-escalation' | 'phi-to-cloud';
  messages: ChatMessage[];
  /** Documents pasted into the prompt (prompt injection through documents). */
  documents?: string[];
  rules: DeterministicRules;
  /** Optional rubric for the grader model (all must be met). */
  graderCriteria?: string[];
}

export interface DialogueRecordItem extends ItemBase {
  kind: 'dialogue-record';
  task: 'note' | 'labels';
  dialogue: string;
  /** Reference note (task note) — scored by ROUGE-L F1 (and token F1 in the detail). */
  referenceNote?: string;
  /** Reference labels (task labels) — scored by label F1. */
  referenceLabels?: string[];
  /** Allowed label vocabulary shown to the model (task labels). */
  labelHint?: string;
}

export interface PipelineExpectation {
  /** Dotted path into the response JSON: `cards[0].indicator`, `cards[*].summary`. */
  path: string;
  equals?: unknown;
  /** The value (or any value of a `[*]` path) contains this (string) or includes it (array). */
  includes?: string;
  /** Regular expression on the stringified value. */
  matches?: string;
  /** The path resolves to nothing / an empty list. */
  absent?: boolean;
}

export interface PipelineCaseItem extends ItemBase {
  kind: 'pipeline-case';
  /** Substituted into the target's bodyTemplate as `{{input}}` (and `{{input.x}}`). */
  input: unknown;
  expect: PipelineExpectation[];
}

export type EvalItem =
  MultipleChoiceItem | RubricItem | HallucinationItem | SafetyItem | DialogueRecordItem | PipelineCaseItem;

export type ItemKind = EvalItem['kind'];

export interface Suite {
  name: string;
  version: string;
  description?: string;
  /** sha256 of the canonical JSON of the items (set by `finaliseSuite`). */
  hash: string;
  items: EvalItem[];
}
