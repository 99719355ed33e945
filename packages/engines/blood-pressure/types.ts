/** Shared types of the blood-pressure engine. */

/** Guideline editions the engine knows. `china-2024` reuses China 2018 tables except where noted (REFERENCE §1.4). */
export const GUIDELINES = ['acc-aha-2017', 'esh-2023', 'china-2018', 'china-2024'] as const;
export type Guideline = (typeof GUIDELINES)[number];

export function isGuideline(value: unknown): value is Guideline {
  return typeof value === 'string' && (GUIDELINES as readonly string[]).includes(value);
}

/** Bilingual display text. */
export interface Text {
  zh: string;
  en: string;
}

/** Why a result came out as it did: the rule, its source section and the inputs it used. */
export interface Explanation {
  rule: string;
  /** The rule as users read it, in each language (issue 20: one language per screen); `rule` stays the English key. */
  ruleText?: Text;
  source: string;
  inputs: Record<string, unknown>;
  display: Text;
}

export interface BpValue {
  sbp: number;
  dbp: number;
}

/** One accepted blood-pressure reading (mmHg), time as ISO 8601 with offset. */
export interface BpReading extends BpValue {
  id: string;
  time: string;
  heartRate?: number;
  deviceId?: string;
  patientId?: string;
  /**
   * The id this reading takes when its own id is already held by a different reading (issue 20): a reading
   * known only by device and time whose time another reading with other values holds (two readings in one
   * minute), or a record that would replace a crisis-range reading. Derived from the id and the values, so a
   * retry lands on the same one.
   */
  distinctId?: string;
  /** True when the sender named the record (its id is the record's, not device and time). */
  byRecord?: boolean;
}

export const SOURCE_TITLE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017',
  'esh-2023': 'ESH 2023',
  'china-2018': '中国高血压防治指南2018',
  'china-2024': '中国高血压防治指南2024',
};
