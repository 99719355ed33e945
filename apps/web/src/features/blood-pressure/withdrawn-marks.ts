/**
 * What the inbox card says of readings withdrawn as entered in error (decision 0020, issue 20): a joined crisis
 * reading that was withdrawn is marked on the "later crisis readings" line, never shown as the newest as it is,
 * and the withdrawal note names the reading by its values where the alert knows them (the server's alert text
 * does the same: packages/bp-monitoring/withdrawn-text.ts). Pure.
 */
import type { BpAlert } from '../../api/bp.ts';

export interface JoinedItem {
  /** "185/122", or "—" for a joined reading the server could not find again. */
  value: string;
  time?: string;
  withdrawn: boolean;
}

/** The last `last` crisis readings that joined the alert, each marked when withdrawn. */
export function joinedItems(alert: BpAlert, last = 3): JoinedItem[] {
  const gone = new Set((alert.withdrawn ?? []).map((w) => w.id));
  return (alert.joined ?? []).slice(-last).map((r) => ({
    value: r.sbp !== undefined && r.dbp !== undefined ? `${r.sbp}/${r.dbp}` : '—',
    ...(r.time ? { time: r.time } : {}),
    withdrawn: gone.has(r.id),
  }));
}

/**
 * The values of a withdrawn reading when the alert knows them: a joined reading's own, or the alert's values when
 * that reading alone raised it (an alert raised by several readings keeps only the worst one's values).
 */
export function withdrawnValue(alert: BpAlert, id: string): string | undefined {
  const joined = alert.joined ?? [];
  const own = joined.find((j) => j.id === id);
  if (own) return own.sbp !== undefined && own.dbp !== undefined ? `${own.sbp}/${own.dbp}` : undefined;
  const joinedIds = new Set(joined.map((j) => j.id));
  const raising = alert.readings.filter((r) => !joinedIds.has(r));
  const { sbp, dbp } = alert.values ?? {};
  return raising.length === 1 && raising[0] === id && typeof sbp === 'number' && typeof dbp === 'number'
    ? `${Math.round(sbp)}/${Math.round(dbp)}`
    : undefined;
}
