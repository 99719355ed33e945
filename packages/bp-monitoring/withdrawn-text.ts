/**
 * An alert's text as it stands after readings of it were withdrawn as entered in error (decision 0020, issue 20):
 * no screen ever presents a withdrawn reading as current — the alert's text names the withdrawn reading as
 * withdrawn (已撤回（录入错误）), a crisis reading that joined the alert later is no longer its "latest crisis
 * reading" once withdrawn (the latest that stands is, if any), and the alert still needs closing. alerts-store.ts
 * gives every reader of an alert (inbox, stream, chart, Care tab, pharmacist) this text as its summary. Pure.
 */
import type { Text } from '@qihuang/engines/blood-pressure';
import type { StoredAlert } from './api-types/index.ts';
import { withLatestCrisis } from './crisis-text.ts';

type Withdrawable = Pick<StoredAlert, 'readings' | 'values'> &
  Partial<Pick<StoredAlert, 'joined' | 'withdrawn'>>;

/** The readings an alert names (raising and joined). */
function named(alert: Withdrawable): string[] {
  return [...new Set([...alert.readings, ...(alert.joined ?? []).map((j) => j.id)])];
}

/** True when every reading the alert names was withdrawn (and it names one). */
export function allReadingsWithdrawn(alert: Withdrawable): boolean {
  const ids = named(alert);
  const gone = new Set((alert.withdrawn ?? []).map((w) => w.id));
  return ids.length > 0 && ids.every((id) => gone.has(id));
}

/**
 * The values ("185/122") of a withdrawn reading when the alert knows them: a joined reading's own, or the alert's
 * values when that reading alone raised it (an alert raised by several readings holds only the worst's values).
 */
function valuesOf(alert: Withdrawable, id: string): string | undefined {
  const joined = alert.joined ?? [];
  const own = joined.find((j) => j.id === id);
  if (own) return own.sbp !== undefined && own.dbp !== undefined ? `${own.sbp}/${own.dbp}` : undefined;
  const joinedIds = new Set(joined.map((j) => j.id));
  const raising = alert.readings.filter((r) => !joinedIds.has(r));
  const { sbp, dbp } = alert.values;
  return raising.length === 1 && raising[0] === id && typeof sbp === 'number' && typeof dbp === 'number'
    ? `${sbp}/${dbp}`
    : undefined;
}

/** What to say of the alert's withdrawn readings (one clause per language), or undefined when none was withdrawn. */
export function withdrawnNote(alert: Withdrawable): Text | undefined {
  const withdrawn = alert.withdrawn ?? [];
  if (withdrawn.length === 0) return undefined;
  const n = withdrawn.length;
  const values = withdrawn.map((w) => valuesOf(alert, w.id));
  const known = values.filter((v): v is string => v !== undefined);
  // Every withdrawn reading named by its values, else counted (never a value the alert cannot vouch for).
  const subject =
    known.length === n
      ? {
          zh: `读数 ${known.join('、')} mmHg`,
          en: `${n === 1 ? 'reading' : 'readings'} ${known.join(', ')} mmHg`,
        }
      : undefined;
  if (!allReadingsWithdrawn(alert)) {
    return subject
      ? { zh: `${subject.zh} 已撤回（录入错误）`, en: `${subject.en} withdrawn as entered in error` }
      : {
          zh: `其中 ${n} 条读数已撤回（录入错误）`,
          en: `${n} of its readings withdrawn as entered in error`,
        };
  }
  const byPatient = withdrawn.every((w) => w.by === 'patient');
  return {
    zh: `${subject ? `${subject.zh} ` : '其读数'}已由${byPatient ? '患者' : '医护人员'}撤回（录入错误），此提醒仍待处置`,
    en: `${subject ? subject.en : 'its reading'} withdrawn by the ${byPatient ? 'patient' : 'care team'} as entered in error; this alert still needs to be closed`,
  };
}

/** The alert's text with the withdrawal said after it (its own text when nothing was withdrawn). */
export function alertTextNow(alert: Withdrawable & Pick<StoredAlert, 'summary'>): Text {
  const note = withdrawnNote(alert);
  if (!note) return alert.summary;
  const zh = alert.summary.zh.replace(/[。；\s]+$/u, '');
  const en = alert.summary.en.replace(/[.;\s]+$/u, '');
  return {
    zh: `${zh}。${note.zh}。`,
    en: `${en}. ${note.en.charAt(0).toUpperCase()}${note.en.slice(1)}.`,
  };
}

/**
 * The alert's text now (what alerts-store.ts gives as its summary): when a crisis reading that joined the alert
 * was withdrawn, the joined part is said again from the text the alert was raised with and the joined readings
 * that stand (crisis-text.ts: their count and the latest of them, local time by `offsetAt`), then the withdrawal
 * (alertTextNow). Without the raised text (an alert nothing joined) the stored text is kept.
 */
export function alertSummaryNow(
  alert: Withdrawable & Pick<StoredAlert, 'summary'> & { raisedSummary?: Text },
  offsetAt: (epochMs: number) => number,
): Text {
  const gone = new Set((alert.withdrawn ?? []).map((w) => w.id));
  if (gone.size === 0) return alert.summary;
  const joined = alert.joined ?? [];
  const summary =
    alert.raisedSummary && joined.some((j) => gone.has(j.id))
      ? withLatestCrisis(
          alert.raisedSummary,
          joined.filter((j) => !gone.has(j.id)),
          offsetAt,
        )
      : alert.summary;
  return alertTextNow({ ...alert, summary });
}
