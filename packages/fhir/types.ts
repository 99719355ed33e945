/**
 * Public types of @qihuang/fhir: index rows (what the store writes per resource) and parsed searches (what
 * the store turns into SQL). See README.md for the exact semantics of each field.
 */

export type SearchParamType = 'token' | 'string' | 'date' | 'reference' | 'quantity' | 'number' | 'uri';

/** A token row: CodeableConcept/Coding/Identifier/code/boolean/ContactPoint. `null` = element had none. */
export interface TokenRow {
  param: string;
  system: string | null;
  code: string | null;
  /** Display / CodeableConcept.text / Identifier.type.text, for `:text` searches (normalised like strings). */
  text?: string | null;
}

/** A string row: value normalised with `normaliseString` (lower-case, accents removed, whitespace collapsed). */
export interface StringRow {
  param: string;
  value: string;
}

/**
 * A date row covering the instant range [start, end) — start INCLUSIVE, end EXCLUSIVE — as ISO-8601 UTC
 * instants with millisecond precision (`2020-03-01T00:00:00.000Z`). Open ends are the strings
 * `'-infinity'` / `'infinity'` (PostgreSQL timestamptz accepts both). Dates and dateTimes without a
 * timezone are read as UTC. A Period with start = end (or a full-precision instant) gets end = start + 1 ms.
 */
export interface DateRow {
  param: string;
  start: string;
  end: string;
}

/** A reference row. `url` is the reference as written (`Patient/123`, absolute URL, `urn:uuid:…`, `#id`). */
export interface ReferenceRow {
  param: string;
  /** Resource type when the reference is `Type/id` or `…/Type/id` (absolute), else null. */
  targetType: string | null;
  /** Logical id in the same cases, else null. */
  targetId: string | null;
  url: string;
}

export interface QuantityRow {
  param: string;
  value: number;
  system: string | null;
  code: string | null;
  unit: string | null;
}

export interface NumberRow {
  param: string;
  value: number;
}

export interface UriRow {
  param: string;
  value: string;
}

export interface IndexRows {
  tokens: TokenRow[];
  strings: StringRow[];
  dates: DateRow[];
  references: ReferenceRow[];
  quantities: QuantityRow[];
  numbers: NumberRow[];
  uris: UriRow[];
}

export type DatePrefix = 'eq' | 'ne' | 'gt' | 'lt' | 'ge' | 'le' | 'sa' | 'eb' | 'ap';

/** Token value: system undefined = any system; null = no system (`|code`); code undefined = any code (`system|`). */
export interface TokenValue {
  system?: string | null;
  code?: string;
  /** Only with the `:text` modifier: the search text, normalised like strings (match TokenRow.text). */
  text?: string;
}
/** Date value as the range [start, end) — same conventions as DateRow (UTC, end exclusive). */
export interface DateValue {
  prefix: DatePrefix;
  start: string;
  end: string;
}
export interface StringValue {
  /** Normalised with `normaliseString` (for `:exact`, the raw value is kept in `raw`). */
  value: string;
  raw: string;
}
export interface ReferenceValue {
  targetType?: string;
  id?: string;
  /** Set for absolute URLs / urn:uuid values that are not `…/Type/id` on our own base. */
  url?: string;
}
/**
 * `low`/`high`: the implicit precision range of the value as written, [low, high) — `100` → [99.5, 100.5),
 * `5.40` → [5.395, 5.405). Used by `eq`/`ne`; other prefixes compare with `value` (see README).
 */
export interface QuantityValue {
  prefix: DatePrefix;
  value: number;
  low: number;
  high: number;
  /** undefined = any system; a `value||code` search leaves it undefined. */
  system?: string;
  code?: string;
}
export interface NumberValue {
  prefix: DatePrefix;
  value: number;
  low: number;
  high: number;
}
export interface UriValue {
  value: string;
}

export type SearchModifier =
  | 'exact'
  | 'contains'
  | 'missing'
  | 'not'
  | 'text'
  | 'above'
  | 'below'
  | 'in'
  | 'not-in'
  | 'of-type'
  | 'identifier';

interface FilterBase<T extends SearchParamType, V> {
  /** Search parameter code, e.g. `birthdate`, `_id`, `_lastUpdated`. */
  param: string;
  type: T;
  modifier?: SearchModifier;
  /** For `:missing` the single value is `{ missing: boolean }` in `missing`; `values` is then empty. */
  missing?: boolean;
  /** Reference filter `param:Type=id` puts Type here as well as in each value. */
  values: V[];
}

/** One `param=value1,value2` → values are ORed. Several filters are ANDed. */
export type Filter =
  | FilterBase<'token', TokenValue>
  | FilterBase<'string', StringValue>
  | FilterBase<'date', DateValue>
  | FilterBase<'reference', ReferenceValue>
  | FilterBase<'quantity', QuantityValue>
  | FilterBase<'number', NumberValue>
  | FilterBase<'uri', UriValue>;

export type FilterValue = Filter['values'][number];

export interface SortRule {
  /** Param code (`birthdate`, `_id`, `_lastUpdated`). */
  param: string;
  descending: boolean;
}

export interface IncludeRule {
  sourceType: string;
  param: string;
  targetType?: string;
  /** `:iterate` (or R3 `:recurse`) was given. */
  iterate?: boolean;
}

export interface ParsedSearch {
  resourceType: string;
  filters: Filter[];
  count: number;
  offset: number;
  sort: SortRule[];
  summary?: 'count';
  total?: 'none' | 'accurate';
  includes: IncludeRule[];
  revincludes: IncludeRule[];
  elements?: string[];
}
