import { describe, expect, it } from 'vitest';
import { formatInZone, zoneAbbreviation, zoneHour } from './zone-time.ts';

// 13:00 UTC on a winter day: 21:00 in China (UTC+8, no DST), 08:00 in New York (EST, UTC−5).
const INSTANT = '2026-01-15T13:00:00Z';

describe('times in the patient/hospital zone, not the browser zone', () => {
  it("formats 13:00Z as 21:00 for Asia/Shanghai and 08:00 for America/New_York, whatever the browser's zone", () => {
    for (const browserZone of ['UTC', 'Europe/Berlin', 'America/Los_Angeles']) {
      expect(formatInZone(INSTANT, 'Asia/Shanghai', 'zh-CN', { browserZone })).toMatch(/^2026-01-15 21:00 /);
      expect(formatInZone(INSTANT, 'America/New_York', 'en', { browserZone })).toMatch(/^2026-01-15 08:00 /);
    }
  });

  it("names the zone only when the browser's clock would differ", () => {
    expect(formatInZone(INSTANT, 'Asia/Shanghai', 'en', { browserZone: 'Asia/Shanghai' })).toBe(
      '2026-01-15 21:00',
    );
    // Same offset under another name: nothing to warn about.
    expect(formatInZone(INSTANT, 'Asia/Shanghai', 'en', { browserZone: 'Asia/Hong_Kong' })).toBe(
      '2026-01-15 21:00',
    );
    expect(formatInZone(INSTANT, 'Asia/Shanghai', 'en', { browserZone: 'UTC' })).toBe(
      '2026-01-15 21:00 GMT+8',
    );
    expect(formatInZone(INSTANT, 'America/New_York', 'en', { browserZone: 'Asia/Shanghai' })).toBe(
      '2026-01-15 08:00 EST',
    );
    expect(zoneAbbreviation('America/New_York', new Date(INSTANT), 'zh-CN')).toBe('GMT-5');
  });

  it('gives the clock hour in a zone', () => {
    expect(zoneHour(INSTANT, 'Asia/Shanghai')).toBe(21);
    expect(zoneHour(INSTANT, 'America/New_York')).toBe(8);
    expect(zoneHour(INSTANT, 'Not/AZone')).toBeUndefined();
  });

  it('keeps dates without a time, and falls back to the browser zone without a known zone', () => {
    expect(formatInZone('2026-01-15', 'Asia/Shanghai', 'en')).toBe('2026-01-15');
    expect(formatInZone(INSTANT, 'Asia/Shanghai', 'en', { withTime: false, browserZone: 'UTC' })).toBe(
      '2026-01-15',
    );
    expect(formatInZone(INSTANT, 'Not/AZone', 'en')).toMatch(/^2026-01-1\d \d\d:\d\d$/);
    expect(formatInZone(undefined, 'Asia/Shanghai', 'en')).toBe('');
  });
});
