/**
 * An alert's text as it stands after readings of it were withdrawn as entered in error (decision 0020, issue 20):
 * the clinician's screens (the chart's and Care tab's emergency banner) never present a withdrawn reading as
 * current — the alert's text says it was withdrawn and that the alert still needs closing. Pure.
 */
import type { Text } from '@qihuang/engines/blood-pressure';
import type { StoredAlert } from './api-types/index.ts';

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

/** What to say of the alert's withdrawn readings (one clause per language), or undefined when none was withdrawn. */
export function withdrawnNote(alert: Withdrawable): Text | undefined {
  const withdrawn = alert.withdrawn ?? [];
  if (withdrawn.length === 0) return undefined;
  if (!allReadingsWithdrawn(alert)) {
    const n = withdrawn.length;
    return {
      zh: `其中 ${n} 条读数已撤回（录入错误）`,
      en: `${n} of its readings withdrawn as entered in error`,
    };
  }
  const byPatient = withdrawn.every((w) => w.by === 'patient');
  const { sbp, dbp } = alert.values;
  const value = typeof sbp === 'number' && typeof dbp === 'number' ? `${sbp}/${dbp} mmHg` : undefined;
  return {
    zh: `${value ? `读数 ${value} ` : '其读数'}已由${byPatient ? '患者' : '医护人员'}撤回（录入错误），此提醒仍待处置`,
    en: `${value ? `reading ${value}` : 'its reading'} withdrawn by the ${byPatient ? 'patient' : 'care team'} as entered in error; this alert still needs to be closed`,
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
