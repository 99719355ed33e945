/**
 * The BP page's morning and evening rows as shown (decision 0027): the means are the current home average's own
 * readings split by session (engines/blood-pressure hbpm.ts); each figure is whole mmHg, one decimal where that
 * would carry it across the home threshold its row is judged against (REFERENCE §2.2, 135/85 or 130/80 by
 * guideline) — the one rule of display-rounding.ts, so the console never rounds on its own. Pure.
 */
import { shownBp, type BpValue, type CurrentHomeMean } from '@qihuang/engines/blood-pressure';

export interface SessionsShown {
  /** `morningMean` as shown ("134.6" below 135, never "135"). */
  morningShown?: { sbp: string; dbp: string };
  eveningShown?: { sbp: string; dbp: string };
}

export function withSessionsShown<T extends CurrentHomeMean>(hbpm: T): T & SessionsShown {
  const t = hbpm.threshold;
  const shown = (m: BpValue) => shownBp(m, { sbp: [t.sbp], dbp: [t.dbp] });
  return {
    ...hbpm,
    ...(hbpm.morningMean ? { morningShown: shown(hbpm.morningMean) } : {}),
    ...(hbpm.eveningMean ? { eveningShown: shown(hbpm.eveningMean) } : {}),
  };
}
