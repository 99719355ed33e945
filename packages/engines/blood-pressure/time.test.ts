import { describe, expect, it } from 'vitest';
import { isTimeZone, zonedHour, zoneOffsetMinutes } from './time.ts';

describe('time zones passed in (issue 17 item 4: bucket in the patient/hospital zone, not UTC)', () => {
  it('Asia/Shanghai is UTC+8 all year; New York changes with DST', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', Date.parse('2026-01-15T00:00:00Z'))).toBe(480);
    expect(zoneOffsetMinutes('Asia/Shanghai', Date.parse('2026-07-15T00:00:00Z'))).toBe(480);
    expect(zoneOffsetMinutes('America/New_York', Date.parse('2026-01-15T12:00:00Z'))).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', Date.parse('2026-07-15T12:00:00Z'))).toBe(-240);
  });

  it('a reading sent in UTC (Z) at 23:30 is a morning reading (07:30) in China', () => {
    expect(zonedHour('2026-03-08T23:30:00Z', 480)).toBe(7);
    expect(zonedHour('2026-03-09T07:30:00+08:00', 480)).toBe(7);
    expect(zonedHour('2026-03-09T13:00:00Z', 480)).toBe(21);
  });

  it('knows real zone names only', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
