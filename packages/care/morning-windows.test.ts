/**
 * Decision 0012: the monitoring plan's session windows (what the patient is asked: morning 05:00–11:00, evening
 * 18:00–24:00) lie inside the HBPM engine's default windows (what it averages as morning 04:00–12:00 and evening
 * 18:00–04:00), so every reading that closes a reminder session is counted in the engine's morning/evening mean.
 * Read-only check of both engines, as the care service uses them (local time in the patient's zone).
 */
import { describe, expect, it } from 'vitest';
import { summarizeHbpm, type BpReading } from '@qihuang/engines/blood-pressure';
import { EVENING_WINDOW, MORNING_WINDOW } from '@qihuang/engines/hypertension-care';

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
  const rs = times.map((t, i) => reading(`r${i}`, `2026-03-03T${t === '24:00' ? '23:59' : t}:00`, 140 + i));
  return summarizeHbpm([day1, ...rs], { guideline: 'china-2018', utcOffsetMinutes: OFFSET });
}

describe('the plan asks inside the window the engine averages (decision 0012)', () => {
  it('the plan windows are the ones recorded', () => {
    expect(MORNING_WINDOW).toEqual(['05:00', '11:00']);
    expect(EVENING_WINDOW).toEqual(['18:00', '24:00']);
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

  it("the engine's morning is wider: 04:30 and 11:30 count as morning readings though no session asks for them", () => {
    const s = means(['04:30', '11:30']);
    expect(s.morningMean).toEqual({ sbp: 140.5, dbp: 80 });
    // Every reading of the protocol days counts in the home mean, whatever the hour (REFERENCE §2.3).
    expect(s.readingsUsed).toBe(2);
  });
});
