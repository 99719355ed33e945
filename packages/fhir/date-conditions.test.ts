import { describe, expect, it } from 'vitest';
import { dateMatchesPredicate, dateRangeCondition } from './date-conditions.ts';
import { dateRange } from './fhir-values.ts';
import type { DatePrefix } from './types.ts';

const r = (text: string) => dateRange(text)!;
const match = (row: string | { start: string; end: string }, prefix: DatePrefix, value: string) =>
  dateMatchesPredicate(typeof row === 'string' ? r(row) : row, { prefix, ...r(value) });

describe('dateRange', () => {
  it('partial dates, time zones, precision', () => {
    expect(r('2020')).toEqual({ start: '2020-01-01T00:00:00.000Z', end: '2021-01-01T00:00:00.000Z' });
    expect(r('2020-02')).toEqual({ start: '2020-02-01T00:00:00.000Z', end: '2020-03-01T00:00:00.000Z' });
    expect(r('2020-12-31')).toEqual({ start: '2020-12-31T00:00:00.000Z', end: '2021-01-01T00:00:00.000Z' });
    expect(r('2020-03-04T10:00:00+02:00')).toEqual({
      start: '2020-03-04T08:00:00.000Z',
      end: '2020-03-04T08:00:01.000Z',
    });
    expect(r('2020-03-04T10:00:00.123Z')).toEqual({
      start: '2020-03-04T10:00:00.123Z',
      end: '2020-03-04T10:00:00.124Z',
    });
    expect(r('2020-03-04T10:00')).toEqual({
      start: '2020-03-04T10:00:00.000Z',
      end: '2020-03-04T10:01:00.000Z',
    });
    expect(dateRange('2020-02-30')).toBeUndefined();
    expect(dateRange('20')).toBeUndefined();
  });
});

describe('date prefixes (R4 search §3.1.1.4.2)', () => {
  it('eq/ne: value range contains row range', () => {
    expect(match('2020-03-04', 'eq', '2020')).toBe(true);
    expect(match('2020', 'eq', '2020-03')).toBe(false);
    expect(match('2020', 'ne', '2020-03')).toBe(true);
  });
  it('gt/lt/ge/le/sa/eb/ap', () => {
    expect(match('2021-01-01', 'gt', '2020')).toBe(true);
    expect(match('2020-06-01', 'gt', '2020')).toBe(false);
    expect(match('2020-06-01', 'ge', '2020')).toBe(true);
    expect(match('2019-12-31', 'lt', '2020')).toBe(true);
    expect(match('2020-01-01', 'le', '2020')).toBe(true);
    expect(match('2021-01-01', 'sa', '2020')).toBe(true);
    expect(match('2019-12-31', 'eb', '2020')).toBe(true);
    expect(match({ start: '2019-06-01T00:00:00.000Z', end: 'infinity' }, 'ap', '2020')).toBe(true);
    expect(match({ start: '-infinity', end: '2020-01-01T00:00:00.000Z' }, 'lt', '2020')).toBe(true);
  });
  it('returns a condition tree the store can translate', () => {
    expect(dateRangeCondition('gt', r('2020'))).toEqual({
      kind: 'compare',
      column: 'end',
      op: '>',
      value: '2021-01-01T00:00:00.000Z',
    });
  });
});
