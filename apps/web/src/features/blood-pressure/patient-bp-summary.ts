/**
 * The blood-pressure tab as a patient sees it (issue 20 findings 8 and 10): plain words, and the numbers of the
 * patient's home page — the last-7-days mean and its count (packages/care patient-home.ts `lastSevenDays`) and
 * the plan's measuring windows — from the same server answer (GET /api/care/me), so the two screens never
 * disagree. The HBPM engine's wider averaging windows (decision 0012) stay on the clinician's view.
 * Pure: no I/O, no clock.
 */
import type { PatientHome } from '../../api/care.ts';

export interface PatientBpSummary {
  lastSevenDays?: { sbp: number; dbp: number; readings: number; from: string; to: string };
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
            sbp: Math.round(last.sbp),
            dbp: Math.round(last.dbp),
            readings: last.readings,
            from: last.from,
            to: last.to,
          },
          atTarget: last.atTarget,
        }
      : {}),
    ...(target ? { target } : {}),
    windows: home.monitoring.plan.sessions.map((s) => ({ name: s.name, from: s.window[0], to: s.window[1] })),
  };
}
