/**
 * The text of an open crisis alert that later crisis readings joined (crisis-join.ts), apart so the alert's text
 * as it stands now (withdrawn-text.ts, read by alerts-store.ts) can rebuild it without the join's store. Pure.
 */
import type { JoinedReading } from './api-types/index.ts';

/**
 * The open crisis alert's text once later crisis readings joined it (issue 20 item 2): the text it was raised
 * with, then how many crisis readings came after and the latest of them with its local date and time (the
 * patient's zone, else the hospital's), so every screen showing the alert's summary shows what the patient has
 * now. The clinical wording stays the engine's (REFERENCE §1.5 >180/120).
 */
export function withLatestCrisis(
  raised: { zh: string; en: string },
  joined: readonly JoinedReading[],
  offsetAt: (epochMs: number) => number,
): { zh: string; en: string } {
  const known = joined.filter((j) => j.time !== undefined && j.sbp !== undefined && j.dbp !== undefined);
  const latest = known.reduce<JoinedReading | undefined>(
    (a, b) => (!a || Date.parse(b.time!) >= Date.parse(a.time!) ? b : a),
    undefined,
  );
  if (!latest) return raised;
  const at = Date.parse(latest.time!);
  const local = new Date(at + offsetAt(at) * 60_000).toISOString();
  const when = `${local.slice(0, 10)} ${local.slice(11, 16)}`;
  // The raised text's own instruction goes (full-width comma; older Flags end without 。): said once, at the end.
  const zhBase = raised.zh.replace(/[，,]\s*请立即评估有无靶器官损害症状。?$/, '');
  const enBase = raised.en.replace(/; assess urgently for target-organ damage$/, '');
  const n = joined.length;
  return {
    zh: `${zhBase}；之后又有危急读数 ${n} 次，最新危急读数 ${latest.sbp}/${latest.dbp} mmHg，测量于 ${when}，请立即评估有无靶器官损害症状。`,
    en: `${enBase}; ${n === 1 ? '1 more crisis reading' : `${n} more crisis readings`} since, latest crisis reading ${latest.sbp}/${latest.dbp} mmHg, measured ${when}; assess urgently for target-organ damage`,
  };
}
