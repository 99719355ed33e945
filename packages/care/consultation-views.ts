/**
 * The clinician's view of a patient's recent consultations (issue 20: a consultation that stopped at once as an
 * emergency was invisible on the Care tab, which showed only the latest saved intake): every consultation,
 * stopped ones first among equals, with its time, how it ended (emergency stop, completed, abandoned, in
 * progress), the triage result in the reader's language and the patient's own words — the messages the patient
 * wrote, verbatim and in order. Also the consultations an alert stands for (the alert inbox quotes their words).
 * Read through the store only; the consultation flow itself lives in consultation.ts.
 */
import type { RequestContext } from '@qihuang/contracts';
import type { TriageResult } from '@qihuang/engines/hypertension-care';
import { assertClinicalSide, assertPatientAccess, nowOf, type CareDeps } from './deps.ts';
import { careDb } from './tables.ts';
import { citeSource } from './citations.ts';
import type {
  ConsultationOutcome,
  ConsultationView,
  ConsultationWords,
} from './api-types/consultation-views.ts';

export type { ConsultationOutcome, ConsultationView, ConsultationWords };

/**
 * An active consultation with no answer for this long is shown as abandoned: the patient left it. An
 * operational choice (the look-back of the alert's same-event window, decision 0011), not a guideline number.
 */
export const ABANDONED_AFTER_HOURS = 24;

type Row = {
  id: string;
  patient_id: string;
  status: 'active' | 'stopped' | 'completed';
  language: 'zh' | 'en';
  messages: unknown;
  triage: unknown;
  created_at: Date | string;
  updated_at: Date | string;
};

type Stored = TriageResult & { alertId?: string };

function outcomeOf(row: Row, now: Date): ConsultationOutcome {
  const triage = row.triage as Stored | null;
  if (row.status === 'stopped') return triage?.level === 'emergency' ? 'emergency-stop' : 'stopped';
  if (row.status === 'completed') return 'completed';
  const idle = now.getTime() - new Date(row.updated_at).getTime();
  return idle > ABANDONED_AFTER_HOURS * 3_600_000 ? 'abandoned' : 'in-progress';
}

/** The patient's messages, verbatim and in order. */
export function patientWordsOf(messages: unknown): ConsultationWords[] {
  const list = Array.isArray(messages) ? (messages as { role?: string; text?: unknown; at?: unknown }[]) : [];
  return list
    .filter((m) => m.role === 'patient' && typeof m.text === 'string' && m.text.trim() !== '')
    .map((m) => ({ at: typeof m.at === 'string' ? m.at : '', text: m.text as string }));
}

/**
 * What the triage found, in `lang`; when the reading it quoted was withdrawn as entered in error since (decision
 * 0020), said after it: the record keeps what was found then, never presents the reading as current (issue 20).
 */
function triageText(t: Stored, lang: 'zh' | 'en', withdrawn: ReadonlySet<string>): string {
  const text = t.display?.[lang] ?? t.display?.en ?? t.rule;
  const r = t.crisisReading;
  if (!r || !withdrawn.has(r.id)) return text;
  return lang === 'zh'
    ? `${text}；读数 ${r.sbp}/${r.dbp} mmHg 已撤回（录入错误）`
    : `${text}; reading ${r.sbp}/${r.dbp} mmHg withdrawn (entered in error)`;
}

/** One consultation as the clinician reads it, in `lang` (`withdrawn`: readings withdrawn as entered in error). */
export function consultationView(
  row: Row,
  lang: 'zh' | 'en',
  now: Date,
  withdrawn: ReadonlySet<string> = new Set(),
): ConsultationView {
  const t = row.triage as Stored | null;
  return {
    id: row.id,
    patientId: row.patient_id,
    outcome: outcomeOf(row, now),
    startedAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    language: row.language,
    ...(t && t.level
      ? {
          triage: {
            level: t.level,
            text: triageText(t, lang, withdrawn),
            redFlags: (t.redFlags ?? []).map((f) => ({
              code: f.code,
              text: f.display[lang] ?? f.display.en,
              matched: f.matched,
            })),
            // As written: the console names it in the screen's language (triageSourceText), as on the banner.
            source: t.source ? citeSource(t.source) : '',
          },
        }
      : {}),
    patientWords: patientWordsOf(row.messages),
    ...(t?.alertId ? { alertId: t.alertId } : {}),
  };
}

/**
 * A patient's latest consultations (at most `limit`, newest first), every status included. With `alertId`, only
 * those whose triage that alert stands for (an emergency joined by a repeat report stands for several).
 */
export async function consultationViews(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  options: { lang: 'zh' | 'en'; alertId?: string; limit?: number },
): Promise<ConsultationView[]> {
  assertClinicalSide(ctx);
  assertPatientAccess(ctx, patientId);
  const rows = (await careDb(deps.db)
    .selectFrom('care_consultation')
    .select(['id', 'patient_id', 'status', 'language', 'messages', 'triage', 'created_at', 'updated_at'])
    .where('patient_id', '=', patientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    // An alert's consultations are looked for among more of them than the tab shows.
    .limit(options.alertId ? 100 : Math.min(Math.max(options.limit ?? 10, 1), 50))
    .execute()) as Row[];
  const now = nowOf(deps);
  const chosen = options.alertId
    ? rows.filter((r) => (r.triage as Stored | null)?.alertId === options.alertId)
    : rows;
  await deps.audit(ctx, {
    action: 'search',
    outcome: 'success',
    resourceType: 'Consultation',
    query: `patient=${encodeURIComponent(patientId)}${options.alertId ? '&alert=…' : ''}`,
    patientIds: [patientId],
    detail: { count: chosen.length },
  });
  const withdrawn = await withdrawnReadings(deps, ctx, chosen);
  return chosen.map((r) => consultationView(r, options.lang, now, withdrawn));
}

/** The stored readings the triages quoted that were withdrawn as entered in error (their Observation's status). */
async function withdrawnReadings(
  deps: CareDeps,
  ctx: RequestContext,
  rows: readonly Row[],
): Promise<Set<string>> {
  const ids = [
    ...new Set(
      rows
        .map((r) => (r.triage as Stored | null)?.crisisReading?.id)
        // A reading typed in the consultation (`typed-…`) is no stored reading.
        .filter((id): id is string => typeof id === 'string' && !id.startsWith('typed-')),
    ),
  ];
  const read = await Promise.all(
    ids.map((id) => deps.repository.read(ctx, 'Observation', id).catch(() => undefined)),
  );
  return new Set(ids.filter((_, i) => read[i]?.status === 'entered-in-error'));
}
