/**
 * The blood-pressure tab as a patient sees it (issue 20 findings 8 and 10): plain words, and the numbers of the
 * patient's home page — the last-7-days mean and its count (packages/care patient-home.ts `lastSevenDays`) and
 * the plan's measuring windows — from the same server answer (GET /api/care/me), so the two screens never
 * disagree; the clinician's BP page shows the same figure (the one current home average, decision 0027).
 * Pure: no I/O, no clock.
 */
import type { PatientHome } from '../../api/care.ts';
import { CURRENT_WINDOW } from '../care/care-model.ts';

export interface PatientBpSummary {
  /** The one current home average (decision 0027) as the server shows it, with its window's name. */
  lastSevenDays?: {
    sbp: string;
    dbp: string;
    readings: number;
    from: string;
    to: string;
    window: { zh: string; en: string };
  };
  target?: { sbp: number; dbp?: number };
  atTarget?: boolean;
  windows: { name: 'morning' | 'evening'; from: string; to: string }[];
}

export function patientBpSummary(home: PatientHome): PatientBpSummary {
  const last = home.progress.lastSevenDays;
  const target = home.progress.target;
  return {
    ...(last
      ? {
          lastSevenDays: {
            sbp: last.shown?.sbp ?? String(Math.round(last.sbp)),
            dbp: last.shown?.dbp ?? String(Math.round(last.dbp)),
            readings: last.readings,
            from: last.from,
            to: last.to,
            window: last.label ?? CURRENT_WINDOW,
          },
          atTarget: last.atTarget,
        }
      : {}),
    ...(target ? { target } : {}),
    windows: home.monitoring.plan.sessions.map((s) => ({ name: s.name, from: s.window[0], to: s.window[1] })),
  };
}
