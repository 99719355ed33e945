/**
 * Decision 0012 (amended, issue 20): one pair of windows. The monitoring plan's session windows (what the patient
 * is asked, the reminders and adherence) are the HBPM engine's windows (what it averages as morning and evening,
 * and what the BP tab shows): morning 04:00–12:00, evening 18:00–04:00, read from the one constant
 * (HBPM_MORNING_WINDOW / HBPM_EVENING_WINDOW), so every reading that closes a reminder session is counted in the
 * engine's morning/evening mean. Check of both engines, as the care service uses them (patient's local time).
 */
import { describe, expect, it } from 'vitest';
import {
  HBPM_EVENING_WINDOW,
  HBPM_MORNING_WINDOW,
  summarizeHbpm,
  type BpReading,
} from '@qihuang/engines/blood-pressure';
import { EVENING_WINDOW, MORNING_WINDOW, monitoringPlan } from '@qihuang/engines/hypertension-care';

const OFFSET = 480; // Asia/Shanghai, UTC+8
const reading = (id: string, local: string, sbp: number): BpReading => ({
  id,
  time: `${local}+08:00`,
  sbp,
  dbp: 80,
});
const minus = (clock: string, minutes: number) => {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  const t = (h * 60 + m - minutes + 1440) % 1440;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
};

/** The engine's morning and evening means of one day's readings (day 1 is discarded, so day 2 holds them). */
function means(times: string[]) {
  const day1 = reading('d1', '2026-03-02T08:00:00', 120);
  // An evening clock before the morning starts (after midnight) is on the next calendar day.
  const rs = times.map((t, i) =>
    reading(`r${i}`, `2026-03-0${t < HBPM_MORNING_WINDOW[0] ? 4 : 3}T${t}:00`, 140 + i),
  );
  return summarizeHbpm([day1, ...rs], { guideline: 'china-2018', utcOffsetMinutes: OFFSET });
}

describe('the plan asks in the windows the engine averages (decision 0012, one source)', () => {
  it('the plan windows are the HBPM engine windows, the ones recorded', () => {
    expect(HBPM_MORNING_WINDOW).toEqual(['04:00', '12:00']);
    expect(HBPM_EVENING_WINDOW).toEqual(['18:00', '04:00']);
    expect(MORNING_WINDOW).toBe(HBPM_MORNING_WINDOW);
    expect(EVENING_WINDOW).toBe(HBPM_EVENING_WINDOW);
    const plan = monitoringPlan('china-2018', 'diagnosis', '2026-03-02');
    expect(plan.sessions.map((x) => x.window)).toEqual([HBPM_MORNING_WINDOW, HBPM_EVENING_WINDOW]);
  });

  it("a reading at the first and the last minute of the plan's morning session is in the engine's morning mean", () => {
    const s = means([MORNING_WINDOW[0], minus(MORNING_WINDOW[1], 1)]);
    expect(s.morningMean).toEqual({ sbp: 140.5, dbp: 80 });
    expect(s.eveningMean).toBeUndefined();
  });

  it("a reading at the first and the last minute of the plan's evening session is in the engine's evening mean", () => {
    const s = means([EVENING_WINDOW[0], minus(EVENING_WINDOW[1], 1)]);
    expect(s.eveningMean).toEqual({ sbp: 140.5, dbp: 80 });
    expect(s.morningMean).toBeUndefined();
  });

  it('a reading outside both windows (12:30) is in neither mean but counts in the home mean', () => {
    const s = means(['12:30']);
    expect(s.morningMean).toBeUndefined();
    expect(s.eveningMean).toBeUndefined();
    // Every reading of the protocol days counts in the home mean, whatever the hour (REFERENCE §2.3).
    expect(s.readingsUsed).toBe(1);
  });
});
