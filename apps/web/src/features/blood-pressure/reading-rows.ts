/**
 * The rows of the clinician's 14-day reading list (issue 20): the readings that count and, for the care team, the
 * readings withdrawn as entered in error (decision 0020), newest first in one list — a withdrawn row is shown
 * struck through with who, when and why, never counted and never offered for withdrawal again. Pure.
 */
import type { RecentReading, RecentReadings } from '../../api/bp.ts';

export type WithdrawnRow = NonNullable<RecentReadings['withdrawn']>[number];

export type ReadingRow =
  { kind: 'reading'; reading: RecentReading } | { kind: 'withdrawn'; reading: WithdrawnRow };

export function readingRows(data: Pick<RecentReadings, 'readings' | 'withdrawn'>): ReadingRow[] {
  const rows: ReadingRow[] = [
    ...data.readings.map((reading) => ({ kind: 'reading' as const, reading })),
    ...(data.withdrawn ?? []).map((reading) => ({ kind: 'withdrawn' as const, reading })),
  ];
  return rows.sort((a, b) => Date.parse(b.reading.time) - Date.parse(a.reading.time));
}

export interface WithdrawnWords {
  byPatient: string;
  byCareTeam: string;
  byCareTeamNamed: (name: string) => string;
  byUnknown: string;
  /** "{{by}} on {{time}}" (withdrawal time known). */
  who: (by: string, time: string) => string;
  /** "{{by}}" (time unknown). */
  whoNoTime: (by: string) => string;
  colon: string;
}

/** "患者本人于 2026-03-10 12:05 撤回：不是我的读数" / "Withdrawn by the patient on …: …". */
export function withdrawnText(
  w: WithdrawnRow['withdrawn'],
  words: WithdrawnWords,
  formatTime: (iso: string) => string,
): string {
  const by =
    w.by === 'patient'
      ? words.byPatient
      : w.by === 'care-team'
        ? w.name
          ? words.byCareTeamNamed(w.name)
          : words.byCareTeam
        : words.byUnknown;
  const who = w.at ? words.who(by, formatTime(w.at)) : words.whoNoTime(by);
  return w.reason ? `${who}${words.colon}${w.reason}` : who;
}
