/**
 * Issue 20: the alert's contact-time field was read in the browser's zone. A nurse in a browser set to New York
 * typing 14:30 for a call made at 14:30 Shanghai time stored 18:30 UTC (02:30 next day in Shanghai). The field is
 * the patient's/hospital's zone, the one every care screen shows times in (patient-time-zone.ts).
 */
import { describe, expect, it } from 'vitest';
import { instantFromZonedInput, zonedInputValue } from './zoned-input.ts';

describe('datetime-local values in the patient’s zone, whatever the browser’s', () => {
  it('shows an instant as the zone’s wall clock', () => {
    expect(zonedInputValue(new Date('2026-03-10T06:30:00Z'), 'Asia/Shanghai')).toBe('2026-03-10T14:30');
    expect(zonedInputValue(new Date('2026-03-10T06:30:00Z'), 'America/New_York')).toBe('2026-03-10T02:30');
  });

  it('reads the typed wall clock in the zone: 14:30 in Shanghai is 06:30 UTC', () => {
    expect(instantFromZonedInput('2026-03-10T14:30', 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-03-10T06:30:00.000Z',
    );
  });

  it('daylight saving time: New York wall clock on both sides of the change (EST −5, EDT −4)', () => {
    expect(instantFromZonedInput('2026-03-07T09:00', 'America/New_York')?.toISOString()).toBe(
      '2026-03-07T14:00:00.000Z',
    );
    expect(instantFromZonedInput('2026-03-09T09:00', 'America/New_York')?.toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('round trip; an empty or bad value is no instant', () => {
    const at = new Date('2026-07-01T23:59:00Z');
    expect(instantFromZonedInput(zonedInputValue(at, 'Asia/Shanghai'), 'Asia/Shanghai')?.getTime()).toBe(
      at.getTime(),
    );
    expect(instantFromZonedInput('', 'Asia/Shanghai')).toBeUndefined();
    expect(instantFromZonedInput('yesterday', 'Asia/Shanghai')).toBeUndefined();
  });
});
