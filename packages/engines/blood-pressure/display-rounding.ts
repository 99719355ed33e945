/**
 * How a blood-pressure mean is shown: whole mmHg, on every screen (issue 20: one screen showed a home mean as
 * 153/95 — tiles, chart, alert texts — another as 152.6/94.8 — the assessment's, classification's and proposal's
 * texts). Where this comes from: readings are whole mmHg (REFERENCE "Conventions": integer readings; upper-arm
 * devices display whole mmHg), so a mean to a tenth claims a precision no reading has. No guideline prescribes how
 * a mean is rounded for display: this is an operational choice, made once here (the console rounds the same way,
 * Math.round). Classification and target checks use the unrounded mean: a mean of 139.6/89.6 shows as 140/90 yet
 * is below China 2018's grade-1 bounds. Half rounds up (134.5 → 135).
 */
export const mmHg = (x: number): number => Math.round(x);
