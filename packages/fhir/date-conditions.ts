import type { DatePrefix, DateRow, DateValue } from './types.ts';

/**
 * A predicate over an index row's [start, end) written as a tree the store can translate into SQL:
 * `{ kind: 'compare', column: 'end', op: '>', value: '2021-01-01T00:00:00.000Z' }` → `end > $1`.
 * Values are ISO instants; row columns may hold '-infinity' / 'infinity'.
 */
export type DateCondition =
  | { kind: 'compare'; column: 'start' | 'end'; op: '<' | '<=' | '>' | '>='; value: string }
  | { kind: 'and' | 'or'; conditions: DateCondition[] }
  | { kind: 'not'; condition: DateCondition };

const cmp = (column: 'start' | 'end', op: '<' | '<=' | '>' | '>=', value: string): DateCondition => ({
  kind: 'compare',
  column,
  op,
  value,
});
const and = (...conditions: DateCondition[]): DateCondition => ({ kind: 'and', conditions });
const or = (...conditions: DateCondition[]): DateCondition => ({ kind: 'or', conditions });

/**
 * FHIR R4 date-prefix semantics (search.html §3.1.1.4.2 "prefix"), for a row range R = [R.start, R.end) and a
 * search value V = [V.start, V.end), both half-open:
 *   eq  V contains R                    R.start >= V.start AND R.end <= V.end
 *   ne  not eq                          NOT (R.start >= V.start AND R.end <= V.end)
 *   gt  range above V overlaps R         R.end > V.end
 *   lt  range below V overlaps R         R.start < V.start
 *   ge  gt OR eq                        R.end > V.end OR (R.start >= V.start AND R.end <= V.end)
 *   le  lt OR eq                        R.start < V.start OR (R.start >= V.start AND R.end <= V.end)
 *   sa  R starts after V ends           R.start >= V.end
 *   eb  R ends before V starts          R.end <= V.start
 *   ap  R overlaps V (no 10 % widening)  R.start < V.end AND R.end > V.start
 */
export function dateRangeCondition(prefix: DatePrefix, value: { start: string; end: string }): DateCondition {
  const eq = and(cmp('start', '>=', value.start), cmp('end', '<=', value.end));
  switch (prefix) {
    case 'eq':
      return eq;
    case 'ne':
      return { kind: 'not', condition: eq };
    case 'gt':
      return cmp('end', '>', value.end);
    case 'lt':
      return cmp('start', '<', value.start);
    case 'ge':
      return or(cmp('end', '>', value.end), eq);
    case 'le':
      return or(cmp('start', '<', value.start), eq);
    case 'sa':
      return cmp('start', '>=', value.end);
    case 'eb':
      return cmp('end', '<=', value.start);
    case 'ap':
      return and(cmp('start', '<', value.end), cmp('end', '>', value.start));
  }
}

function toMs(v: string): number {
  if (v === '-infinity') return -Infinity;
  if (v === 'infinity') return Infinity;
  return Date.parse(v);
}

/** Evaluates a DateCondition against a row in memory (reference implementation for the SQL translation). */
export function evaluateDateCondition(
  condition: DateCondition,
  row: Pick<DateRow, 'start' | 'end'>,
): boolean {
  switch (condition.kind) {
    case 'compare': {
      const a = toMs(row[condition.column]);
      const b = toMs(condition.value);
      switch (condition.op) {
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '>':
          return a > b;
        case '>=':
          return a >= b;
      }
      return false;
    }
    case 'and':
      return condition.conditions.every((c) => evaluateDateCondition(c, row));
    case 'or':
      return condition.conditions.some((c) => evaluateDateCondition(c, row));
    case 'not':
      return !evaluateDateCondition(condition.condition, row);
  }
}

/** True when the row matches the date search value (prefix semantics above). */
export function dateMatchesPredicate(row: Pick<DateRow, 'start' | 'end'>, value: DateValue): boolean {
  return evaluateDateCondition(dateRangeCondition(value.prefix, value), row);
}
