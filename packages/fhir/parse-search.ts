import { QihuangError, type Issue } from '@qihuang/contracts';
import { dateRange } from './fhir-values.ts';
import { normaliseString, parseReference } from './fhir-values.ts';
import { isResourceType } from './resource-types.ts';
import { SEARCH_PARAMETERS, type SearchParameterDefinition } from './search-parameters.ts';
import type {
  DatePrefix,
  DateValue,
  Filter,
  IncludeRule,
  NumberValue,
  ParsedSearch,
  QuantityValue,
  ReferenceValue,
  SearchModifier,
  SortRule,
  StringValue,
  TokenValue,
} from './types.ts';

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 1000;
/**
 * Distinct `_sort` keys allowed in one search. Each key is an ORDER BY term over an index table; more than a
 * few never changes a page a person reads, and an unbounded list was a denial of service (issue 15 item 4).
 */
export const MAX_SORT_KEYS = 3;

const PREFIXES: readonly DatePrefix[] = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'];
const IGNORED = new Set(['_format', '_pretty']);
const SORTABLE = new Set(['date', 'string', 'token']);
const MODIFIERS: Record<string, readonly string[]> = {
  string: ['exact', 'contains', 'missing'],
  token: ['missing', 'not', 'text'],
  reference: ['missing'],
  date: ['missing'],
  quantity: ['missing'],
  number: ['missing'],
  uri: ['missing'],
};
const NUMBER_RE = /^[+-]?(\d+)(?:\.(\d+))?(?:[eE][+-]?\d+)?$/;

function fail(message: string, param: string, code = 'invalid'): never {
  const issue: Issue = { severity: 'error', code, message, expression: [param] };
  throw new QihuangError('invalid-input', message, { issues: [issue] });
}

/** Splits on unescaped `sep`, unescaping `\,` `\|` `\$` `\\`. */
export function splitEscaped(value: string, sep: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && i + 1 < value.length) {
      current += value[++i];
    } else if (ch === sep) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function splitPrefix(raw: string): { prefix: DatePrefix; rest: string } {
  const p = raw.slice(0, 2);
  if (/^[a-z]{2}/.test(raw) && (PREFIXES as readonly string[]).includes(p))
    return { prefix: p as DatePrefix, rest: raw.slice(2) };
  return { prefix: 'eq', rest: raw };
}

function parseDate(param: string, raw: string): DateValue {
  const { prefix, rest } = splitPrefix(raw);
  if (/^[a-z]{2}/.test(raw) && prefix === 'eq' && !raw.startsWith('eq')) {
    fail(
      `Invalid prefix '${raw.slice(0, 2)}' in ${param}=${raw}: expected one of ${PREFIXES.join(', ')}`,
      param,
    );
  }
  const range = dateRange(rest);
  if (!range)
    fail(
      `Invalid date '${rest}' in ${param}: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.sss]][Z|±hh:mm]`,
      param,
    );
  return { prefix, ...range };
}

function parseNumberText(param: string, text: string): { value: number; low: number; high: number } {
  const m = NUMBER_RE.exec(text);
  if (!m) fail(`Invalid number '${text}' in ${param}`, param);
  const value = Number(text);
  const decimals = m[2]?.length ?? 0;
  const exp = /[eE]([+-]?\d+)/.exec(text);
  // Half a unit of the last significant digit written: 100 → ±0.5, 5.40 → ±0.005, 1e2 → ±50.
  const half = 0.5 * 10 ** ((exp ? Number(exp[1]) : 0) - decimals);
  return { value, low: value - half, high: value + half };
}

function parseNumber(param: string, raw: string): NumberValue {
  const { prefix, rest } = splitPrefix(raw);
  if (/^[a-z]/i.test(raw) && prefix === 'eq' && !raw.startsWith('eq')) {
    fail(
      `Invalid number '${raw}' in ${param}: expected [prefix]number, prefix one of ${PREFIXES.join(', ')}`,
      param,
    );
  }
  return { prefix, ...parseNumberText(param, rest) };
}

function parseQuantity(param: string, raw: string): QuantityValue {
  const [num = '', system, code, ...extra] = splitEscaped(raw, '|');
  if (extra.length > 0)
    fail(`Invalid quantity '${raw}' in ${param}: expected [prefix]number[|system|code]`, param);
  const n = parseNumber(param, num);
  return { ...n, ...(system ? { system } : {}), ...(code ? { code } : {}) };
}

function parseToken(param: string, raw: string, modifier: SearchModifier | undefined): TokenValue {
  if (modifier === 'text') return { text: normaliseString(raw) };
  const parts = splitEscaped(raw, '|');
  if (parts.length > 2) fail(`Invalid token '${raw}' in ${param}: expected [system|]code`, param);
  if (parts.length === 1) {
    if (!parts[0]) fail(`Empty token value in ${param}`, param);
    return { code: parts[0] };
  }
  const [system = '', code = ''] = parts;
  if (!system && !code) fail(`Invalid token '${raw}' in ${param}: expected [system|]code`, param);
  return { system: system === '' ? null : system, ...(code ? { code } : {}) };
}

function parseReferenceValue(
  def: SearchParameterDefinition,
  param: string,
  raw: string,
  typeModifier?: string,
): ReferenceValue {
  if (!raw) fail(`Empty reference value in ${param}`, param);
  const single = def.targets?.length === 1 ? def.targets[0] : undefined;
  let result: ReferenceValue;
  if (/^[A-Za-z0-9\-.]{1,64}$/.test(raw)) {
    const targetType = typeModifier ?? single;
    result = { id: raw, ...(targetType ? { targetType } : {}) };
  } else {
    const { targetType, targetId } = parseReference(raw);
    if (targetType && targetId) {
      result = { targetType, id: targetId, ...(raw.includes('://') ? { url: raw } : {}) };
    } else if (/^(https?:\/\/|urn:(uuid|oid):)\S+$/.test(raw)) {
      result = { url: raw };
    } else fail(`Invalid reference '${raw}' in ${param}: expected id, Type/id or an absolute URL`, param);
  }
  if (result.targetType) {
    if (!isResourceType(result.targetType))
      fail(`Unknown resource type '${result.targetType}' in ${param}`, param);
    if (typeModifier && result.targetType !== typeModifier)
      fail(`Reference '${raw}' does not match ${param}`, param);
    if (def.targets && !def.targets.includes(result.targetType)) {
      fail(`${param} cannot refer to ${result.targetType} (allowed: ${def.targets.join(', ')})`, param);
    }
  }
  return result;
}

/** Largest `_count`/`_offset` accepted: the database's int4 (a bigger one cannot be a row number here). */
const MAX_INTEGER = 2_147_483_647;

function parseInteger(param: string, raw: string): number {
  if (!/^\d+$/.test(raw)) fail(`Invalid ${param} '${raw}': expected a non-negative integer`, param);
  const value = Number(raw);
  if (value > MAX_INTEGER) fail(`Invalid ${param}: larger than ${MAX_INTEGER}`, param);
  return value;
}

function parseInclude(resourceType: string, key: string, raw: string, reverse: boolean): IncludeRule {
  const parts = raw.split(':');
  const [sourceType = '', param = '', targetType, ...extra] = parts;
  const iterate = key.endsWith(':iterate') || key.endsWith(':recurse');
  if (raw === '*' || param === '*')
    fail(`${key}=${raw}: wildcard includes are not supported`, key, 'not-supported');
  if (extra.length > 0 || !sourceType || !param)
    fail(`Invalid ${key} '${raw}': expected Type:param[:TargetType]`, key);
  if (!isResourceType(sourceType)) fail(`Unknown resource type '${sourceType}' in ${key}`, key);
  if (!reverse && !iterate && sourceType !== resourceType) {
    fail(`${key}=${raw}: source type must be ${resourceType} (use _include:iterate for others)`, key);
  }
  const def = SEARCH_PARAMETERS[sourceType]?.[param];
  if (!def) fail(`Unknown search parameter '${param}' for ${sourceType} in ${key}`, key, 'not-supported');
  if (def.type !== 'reference') fail(`${key}=${raw}: '${param}' is not a reference parameter`, key);
  if (targetType !== undefined) {
    if (!isResourceType(targetType)) fail(`Unknown resource type '${targetType}' in ${key}`, key);
    if (def.targets && !def.targets.includes(targetType))
      fail(`${sourceType}:${param} cannot refer to ${targetType}`, key);
  }
  if (reverse && !iterate && def.targets && !def.targets.includes(resourceType)) {
    fail(`${key}=${raw}: ${sourceType}:${param} cannot refer to ${resourceType}`, key);
  }
  return { sourceType, param, ...(targetType ? { targetType } : {}), ...(iterate ? { iterate } : {}) };
}

/**
 * Parses FHIR search parameters for `resourceType` (strict: unknown parameters and bad values throw
 * QihuangError('invalid-input') with an issue whose expression names the parameter). See README.md.
 */
export function parseSearch(
  resourceType: string,
  params: URLSearchParams | Iterable<readonly [string, string]>,
): ParsedSearch {
  const defs = SEARCH_PARAMETERS[resourceType];
  if (!defs || !isResourceType(resourceType)) {
    throw new QihuangError('not-found', `Unknown resource type '${resourceType}'`, {
      issues: [
        {
          severity: 'error',
          code: 'not-supported',
          message: `Unknown resource type '${resourceType}'`,
          expression: [resourceType],
        },
      ],
    });
  }
  const result: ParsedSearch = {
    resourceType,
    filters: [],
    count: DEFAULT_COUNT,
    offset: 0,
    sort: [],
    includes: [],
    revincludes: [],
  };
  for (const [key, raw] of params) {
    // Every caller (HTTP, If-None-Exist, bundle entries, the CLI) meets the same rule: the database refuses NUL.
    if (key.includes('\0') || raw.includes('\0')) fail('A search parameter may not contain NUL', key || '?');
    if (IGNORED.has(key)) continue;
    switch (key) {
      case '_count':
        result.count = Math.min(parseInteger(key, raw), MAX_COUNT);
        continue;
      case '_offset':
        result.offset = parseInteger(key, raw);
        continue;
      case '_summary':
        if (raw === 'count') result.summary = 'count';
        else if (raw !== 'false')
          fail(`_summary=${raw} is not supported (only count, false)`, key, 'not-supported');
        continue;
      case '_total':
        if (raw === 'none') result.total = 'none';
        else if (raw === 'accurate' || raw === 'estimate') result.total = 'accurate';
        else fail(`Invalid _total '${raw}': expected none, estimate or accurate`, key);
        continue;
      case '_sort':
        result.sort = mergeSort(result.sort, parseSort(defs, raw));
        continue;
      case '_elements':
        result.elements = [
          ...(result.elements ?? []),
          ...raw
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ];
        continue;
    }
    if (key === '_include' || key.startsWith('_include:')) {
      result.includes.push(...raw.split(',').map((r) => parseInclude(resourceType, key, r, false)));
      continue;
    }
    if (key === '_revinclude' || key.startsWith('_revinclude:')) {
      result.revincludes.push(...raw.split(',').map((r) => parseInclude(resourceType, key, r, true)));
      continue;
    }
    result.filters.push(parseFilter(resourceType, defs, key, raw));
  }
  return result;
}

function parseSort(defs: Readonly<Record<string, SearchParameterDefinition>>, raw: string): SortRule[] {
  return raw.split(',').map((part) => {
    const descending = part.startsWith('-');
    const param = descending ? part.slice(1) : part;
    const def = defs[param];
    if (!def) fail(`Unknown sort parameter '${param}'`, '_sort', 'not-supported');
    if (!SORTABLE.has(def.type))
      fail(`Cannot sort by '${param}' (type ${def.type})`, '_sort', 'not-supported');
    return { param, descending };
  });
}

/**
 * Adds sort keys, dropping a key already present (the first occurrence and its direction win: a later key on
 * the same parameter can never change the order), and refuses more than MAX_SORT_KEYS distinct keys.
 */
function mergeSort(current: SortRule[], added: SortRule[]): SortRule[] {
  const out = [...current];
  for (const rule of added) {
    if (out.some((r) => r.param === rule.param)) continue;
    if (out.length >= MAX_SORT_KEYS)
      fail(
        `_sort accepts at most ${MAX_SORT_KEYS} distinct keys (got more: ${[...out, rule].map((r) => r.param).join(', ')}, …)`,
        '_sort',
        'too-costly',
      );
    out.push(rule);
  }
  return out;
}

function parseFilter(
  resourceType: string,
  defs: Readonly<Record<string, SearchParameterDefinition>>,
  key: string,
  raw: string,
): Filter {
  const colon = key.indexOf(':');
  const code = colon < 0 ? key : key.slice(0, colon);
  const modifierText = colon < 0 ? undefined : key.slice(colon + 1);
  if (code.includes('.')) fail(`Chained parameter '${key}' is not supported`, key, 'not-supported');
  const def = defs[code];
  if (!def) fail(`Unknown search parameter '${code}' for ${resourceType}`, key, 'not-supported');
  let modifier: SearchModifier | undefined;
  let typeModifier: string | undefined;
  if (modifierText !== undefined) {
    if (def.type === 'reference' && /^[A-Z]/.test(modifierText)) {
      if (!isResourceType(modifierText))
        fail(`Unknown resource type modifier '${modifierText}' on ${code}`, key);
      if (def.targets && !def.targets.includes(modifierText))
        fail(`${code} cannot refer to ${modifierText}`, key);
      typeModifier = modifierText;
    } else if (MODIFIERS[def.type]?.includes(modifierText)) {
      modifier = modifierText as SearchModifier;
    } else
      fail(
        `Modifier ':${modifierText}' is not supported on ${def.type} parameter '${code}'`,
        key,
        'not-supported',
      );
  }
  const base = { param: code, ...(modifier ? { modifier } : {}) };
  if (modifier === 'missing') {
    if (raw !== 'true' && raw !== 'false') fail(`Invalid ${key} '${raw}': expected true or false`, key);
    return { ...base, type: def.type, missing: raw === 'true', values: [] } as Filter;
  }
  const parts =
    def.type === 'token' ||
    def.type === 'quantity' ||
    def.type === 'reference' ||
    def.type === 'string' ||
    def.type === 'uri'
      ? splitEscapedKeep(raw)
      : splitEscaped(raw, ',');
  if (parts.some((p) => p === '')) fail(`Empty value in ${key}=${raw}`, key);
  switch (def.type) {
    case 'token':
      return { ...base, type: 'token', values: parts.map((p) => parseToken(key, p, modifier)) };
    case 'string':
      return {
        ...base,
        type: 'string',
        values: parts.map((p): StringValue => ({ value: normaliseString(unescape(p)), raw: unescape(p) })),
      };
    case 'date':
      return { ...base, type: 'date', values: parts.map((p) => parseDate(key, p)) };
    case 'reference':
      return {
        ...base,
        type: 'reference',
        values: parts.map((p) => parseReferenceValue(def, key, unescape(p), typeModifier)),
      };
    case 'quantity':
      return { ...base, type: 'quantity', values: parts.map((p) => parseQuantity(key, p)) };
    case 'number':
      return { ...base, type: 'number', values: parts.map((p) => parseNumber(key, p)) };
    case 'uri':
      return { ...base, type: 'uri', values: parts.map((p) => ({ value: unescape(p) })) };
  }
}

/** Splits on unescaped commas but keeps other escapes (`\|`) for the value parser. */
function splitEscapedKeep(value: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[++i];
      current += next === ',' ? ',' : `\\${next}`;
    } else if (ch === ',') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}
