import { dateRange, NEG_INFINITY, normaliseString, parseReference, POS_INFINITY } from './fhir-values.ts';
import { SEARCH_PARAMETERS, type SearchParameterDefinition } from './search-parameters.ts';
import type { DateRow, IndexRows, QuantityRow, ReferenceRow, StringRow, TokenRow } from './types.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Values at a dotted path; arrays flattened at each step; `x[x]` matches any `xType` choice element. */
export function valuesAtPath(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const segment of path.split('.')) {
    const next: unknown[] = [];
    const choice = segment.endsWith('[x]') ? segment.slice(0, -3) : undefined;
    for (const item of current) {
      if (!isObject(item)) continue;
      let value: unknown;
      if (choice === undefined) value = item[segment];
      else {
        for (const key of Object.keys(item)) {
          const c = key.charCodeAt(choice.length);
          if (key.startsWith(choice) && c >= 65 && c <= 90) {
            value = item[key];
            break;
          }
        }
      }
      if (Array.isArray(value))
        for (const v of value) next.push(v); // no spread: arrays may be huge
      else if (value !== undefined && value !== null) next.push(value);
    }
    current = next;
  }
  return current;
}

function elementValues(resource: unknown, def: SearchParameterDefinition): unknown[] {
  if (def.derive) return isObject(resource) ? def.derive(resource) : [];
  const out: unknown[] = [];
  for (const path of def.paths) {
    for (const v of valuesAtPath(resource, path))
      if (!def.where || (isObject(v) && def.where(v))) out.push(v);
  }
  return out;
}

const CONTACT_KINDS = new Set(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']);

function tokenRows(param: string, v: unknown, def: SearchParameterDefinition, out: TokenRow[]): void {
  if (typeof v === 'string') out.push({ param, system: def.system ?? null, code: v });
  else if (typeof v === 'boolean') out.push({ param, system: null, code: String(v) });
  else if (isObject(v)) {
    if (
      Array.isArray(v['coding']) ||
      (typeof v['text'] === 'string' && v['code'] === undefined && v['value'] === undefined)
    ) {
      // CodeableConcept
      const text = str(v['text']);
      const codings = (v['coding'] as unknown[] | undefined) ?? [];
      for (const c of codings) {
        if (isObject(c)) out.push(codingRow(param, c, text));
      }
      if (codings.length === 0 && text)
        out.push({ param, system: null, code: null, text: normaliseString(text) });
    } else if ('value' in v && !('code' in v)) {
      // Identifier, or ContactPoint whose `system` is a kind (phone, email …), not a URI → system null.
      const system = str(v['system']);
      const typeText = isObject(v['type']) ? str(v['type']['text']) : null;
      out.push({
        param,
        system: system && CONTACT_KINDS.has(system) ? null : system,
        code: str(v['value']),
        ...(typeText ? { text: normaliseString(typeText) } : {}),
      });
    } else out.push(codingRow(param, v, null));
  }
}

function codingRow(param: string, c: Json, conceptText: string | null): TokenRow {
  const text = conceptText ?? str(c['display']);
  return {
    param,
    system: str(c['system']),
    code: str(c['code']),
    ...(text ? { text: normaliseString(text) } : {}),
  };
}

const NAME_PARTS = ['text', 'family', 'given', 'prefix', 'suffix'];
const ADDRESS_PARTS = ['text', 'line', 'city', 'district', 'state', 'postalCode', 'country'];

function stringRows(param: string, v: unknown, out: StringRow[]): void {
  if (typeof v === 'string') {
    const value = normaliseString(v);
    if (value) out.push({ param, value });
  } else if (isObject(v)) {
    const parts =
      'family' in v || 'given' in v
        ? NAME_PARTS
        : ADDRESS_PARTS.some((p) => p in v)
          ? ADDRESS_PARTS
          : NAME_PARTS;
    for (const part of parts) {
      const x = v[part];
      for (const s of Array.isArray(x) ? x : [x]) if (typeof s === 'string') stringRows(param, s, out);
    }
  }
}

function dateRows(param: string, v: unknown, out: DateRow[]): void {
  if (typeof v === 'string') {
    const r = dateRange(v);
    if (r) out.push({ param, ...r });
  } else if (isObject(v)) {
    if ('start' in v || 'end' in v) {
      // Period: [start of start, end of end); a missing end is ongoing (infinity).
      const s = typeof v['start'] === 'string' ? dateRange(v['start']) : undefined;
      const e = typeof v['end'] === 'string' ? dateRange(v['end']) : undefined;
      if (s || e) out.push({ param, start: s?.start ?? NEG_INFINITY, end: e?.end ?? POS_INFINITY });
    } else if (Array.isArray(v['event'])) {
      // Timing: each event
      for (const ev of v['event']) dateRows(param, ev, out);
    }
  }
}

function referenceRows(def: SearchParameterDefinition, v: unknown, out: ReferenceRow[]): void {
  if (!isObject(v)) {
    // canonical / uri used as reference
    if (typeof v === 'string') out.push({ param: def.code, targetType: null, targetId: null, url: v });
    return;
  }
  const url = str(v['reference']);
  if (!url) return;
  const { targetType, targetId } = parseReference(url);
  if (def.targets && targetType && !def.targets.includes(targetType)) return;
  if (def.targets && !targetType && typeof v['type'] === 'string' && !def.targets.includes(v['type'])) return;
  out.push({ param: def.code, targetType: targetType ?? str(v['type']), targetId, url });
}

function quantityRows(param: string, v: unknown, out: QuantityRow[]): void {
  if (isObject(v) && typeof v['value'] === 'number') {
    out.push({
      param,
      value: v['value'],
      system: str(v['system']),
      code: str(v['code']),
      unit: str(v['unit']),
    });
  }
}

export function emptyIndexRows(): IndexRows {
  return { tokens: [], strings: [], dates: [], references: [], quantities: [], numbers: [], uris: [] };
}

/**
 * Index rows for every search parameter of the resource's type (see SEARCH_PARAMETERS), excluding the
 * store-column params `_id` and `_lastUpdated`. Unknown types yield empty rows. Pure; does not validate.
 */
export function extractIndexRows(resource: { resourceType: string }): IndexRows {
  const rows = emptyIndexRows();
  const params = SEARCH_PARAMETERS[resource.resourceType];
  if (!params) return rows;
  for (const def of Object.values(params)) {
    if (def.storeColumn) continue;
    for (const v of elementValues(resource, def)) {
      switch (def.type) {
        case 'token':
          tokenRows(def.code, v, def, rows.tokens);
          break;
        case 'string':
          stringRows(def.code, v, rows.strings);
          break;
        case 'date':
          dateRows(def.code, v, rows.dates);
          break;
        case 'reference':
          referenceRows(def, v, rows.references);
          break;
        case 'quantity':
          quantityRows(def.code, v, rows.quantities);
          break;
        case 'number':
          if (typeof v === 'number') rows.numbers.push({ param: def.code, value: v });
          break;
        case 'uri':
          if (typeof v === 'string') rows.uris.push({ param: def.code, value: v });
          break;
      }
    }
  }
  return rows;
}

/** Reference rows of the given params only (used for compartments). */
export function extractReferenceRows(
  resource: { resourceType: string },
  codes: readonly string[],
): ReferenceRow[] {
  const out: ReferenceRow[] = [];
  const params = SEARCH_PARAMETERS[resource.resourceType];
  if (!params) return out;
  for (const code of codes) {
    const def = params[code];
    if (def?.type !== 'reference') continue;
    for (const v of elementValues(resource, def)) referenceRows(def, v, out);
  }
  return out;
}
