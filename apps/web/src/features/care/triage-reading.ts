/**
 * The reading the clinician's triage line quotes ("血压 185/122 mmHg"): marked when it was withdrawn as entered in
 * error since (the server's `crisisReadingWithdrawn`, decision 0020), with the latest reading that stands beside
 * it, so a withdrawn reading is never shown as the patient's blood pressure now (issue 20). Pure.
 */
import type { CareSummary } from '../../api/care.ts';

type Triage = Pick<NonNullable<CareSummary['triage']>, 'crisisReading' | 'crisisReadingWithdrawn'>;

export interface TriageReading {
  sbp: number;
  dbp: number;
  withdrawn: boolean;
  /** The latest measured reading, when the quoted one was withdrawn (whole mmHg, as every screen shows them). */
  latest?: { sbp: number; dbp: number; time: string };
}

export function triageReading(
  triage: Partial<Triage>,
  latest: { sbp: number; dbp: number; time: string } | undefined,
): TriageReading | undefined {
  const r = triage.crisisReading;
  if (!r) return undefined;
  const withdrawn = triage.crisisReadingWithdrawn === true;
  return {
    sbp: r.sbp,
    dbp: r.dbp,
    withdrawn,
    ...(withdrawn && latest
      ? { latest: { sbp: Math.round(latest.sbp), dbp: Math.round(latest.dbp), time: latest.time } }
      : {}),
  };
}
