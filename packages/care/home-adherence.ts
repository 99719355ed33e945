/**
 * Measurement adherence on the patient's home page, counted the way the reminder cards count: planned
 * readings (2 per session, ESH/ACC and China 2018 home-BP monitoring: two readings a session) over the plan
 * days so far, today's sessions included once their window has opened (or a reading is in), and the readings
 * taken in each window (at most the planned number). So the line never says 100 % while one of today's open
 * cards shows fewer readings than planned (tester finding, issue 17/20 follow-up 1), and a session that has not
 * begun is not counted as missed: at 03:00 nothing is due yet (issue 20 try, 2026-12-07: "计划测量 4 次，已测 0 次
 * （0%）" before either window opened). With nothing due, planned is 0 and the page says so instead of a rate.
 */
import type { BpReading } from '@qihuang/engines/blood-pressure';
import { remindersFor, type Adherence, type MonitoringPlan } from '@qihuang/engines/hypertension-care';

export interface HomeAdherence extends Adherence {
  plannedReadings: number;
  takenReadings: number;
}

const DAY_MS = 86_400_000;

export function homeAdherence(
  plan: MonitoringPlan,
  readings: readonly Pick<BpReading, 'time'>[],
  now: string,
  utcOffsetMinutes: number,
  from: string,
  today: string,
  sessions: Adherence,
): HomeAdherence {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  const cards = days > 0 ? remindersFor(plan, readings, now, utcOffsetMinutes, days) : [];
  let planned = 0;
  let taken = 0;
  for (const c of cards) {
    if (c.state === 'upcoming' && c.readingsTaken === 0) continue;
    planned += c.readingsPlanned;
    taken += Math.min(c.readingsTaken, c.readingsPlanned);
  }
  return {
    ...sessions,
    plannedReadings: planned,
    takenReadings: taken,
    fraction: planned ? Math.round((taken / planned) * 1000) / 1000 : 0,
  };
}
