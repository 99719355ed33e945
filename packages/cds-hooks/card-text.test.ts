/**
 * Local times on cards (card-text.ts): the zone's formatter is built once per zone (issue 19: building an
 * Intl.DateTimeFormat per time was a tenth of an order-sign call), with the same text as a fresh formatter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localTime, withLocalTimes } from './card-text.ts';

/** The text as it was built before: a new formatter for every time. */
function fresh(iso: string, timeZone: string): string {
  const p: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const part of format.formatToParts(new Date(iso))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'UTC',
  'Europe/London',
  'Australia/Adelaide',
  'Asia/Kathmandu',
];

describe('localTime', () => {
  it('gives the same text as a fresh formatter, zone after zone (DST changes and midnight included)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1990-01-01T00:00:00Z'),
          max: new Date('2040-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        (at, zone) => {
          const iso = at.toISOString();
          expect(localTime(iso, zone)).toBe(fresh(iso, zone));
        },
      ),
      { numRuns: 2000 },
    );
    expect(localTime('2026-03-08T06:59:00Z', 'America/New_York')).toBe('2026-03-08 01:59');
    expect(localTime('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026-03-08 03:00');
    expect(localTime('2026-11-20T16:00:00Z', 'Asia/Shanghai')).toBe('2026-11-21 00:00');
  });

  it('keeps date-only and unreadable values as written, and refuses an unknown zone as before', () => {
    expect(localTime('2026-11-20', 'Asia/Shanghai')).toBe('2026-11-20');
    expect(localTime('not a time', 'Asia/Shanghai')).toBe('not a time');
    expect(() => localTime('2026-11-20T08:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
    // A refused zone is not remembered as valid.
    expect(() => localTime('2026-11-20T08:00:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });

  it('rewrites every ISO time in a text', () => {
    expect(
      withLocalTimes('K⁺ 5.6 at 2026-11-20T08:00:00Z, eGFR at 2026-11-19T23:30+00:00', 'Asia/Shanghai'),
    ).toBe('K⁺ 5.6 at 2026-11-20 16:00, eGFR at 2026-11-20 07:30');
  });
});
