/**
 * Pure helpers of the care pages (no React, no I/O): language mapping, bilingual text, the streamed
 * consultation and copilot states (one reducer per stream), the progress chart's series, reminder order
 * and the acknowledgements a draft needs before it can be signed.
 */
import type {
  CareLanguage,
  Consultation,
  ConsultationEvent,
  CopilotDone,
  CopilotEvent,
  CopilotToolEvent,
  DraftView,
  GuardReport,
  ProgressWeek,
  ReminderDue,
  StreamError,
  Text,
  TriageResult,
} from '../../api/care.ts';
import { formatDate } from '../../lib/format.ts';

/** UI language (i18next) → the language the care API speaks. */
export function careLanguage(uiLanguage: string): CareLanguage {
  return uiLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The text in the UI language, falling back to the other one. */
export function pick(text: Text | undefined, uiLanguage: string): string {
  if (!text) return '';
  return careLanguage(uiLanguage) === 'zh' ? text.zh || text.en : text.en || text.zh;
}

/** Resource types a patient's saved consultation can create, each with a label (`care.resource.<type>`). */
export const RESOURCE_LABELS = [
  'QuestionnaireResponse',
  'Condition',
  'FamilyMemberHistory',
  'Observation',
  'MedicationStatement',
  'AllergyIntolerance',
] as const;

/** "FamilyMemberHistory/consult-1-fmh" → "FamilyMemberHistory" (the label key), never the id; else "other". */
export function resourceLabelKey(reference: string | undefined): string {
  const type = (reference ?? '').split('/')[0] ?? '';
  return (RESOURCE_LABELS as readonly string[]).includes(type) ? type : 'other';
}

/**
 * A draft's display without the raw resource type the server may put in it ("FamilyMemberHistory:
 * FamilyMemberHistory" → ""), so the label in the page language stands alone.
 */
export function draftDetail(reference: string, display: string | undefined): string {
  const type = reference.split('/')[0] ?? '';
  return (display ?? '')
    .split(/:\s*/)
    .filter((part) => part.trim() && part.trim() !== type)
    .join(': ');
}

const SOURCE_ZH: [RegExp, string][] = [
  [/conservative safety rule/g, '保守安全规则'],
  [/China 2018 hypertension guideline/g, '中国高血压防治指南 2018'],
  [/acute target-organ damage symptoms/g, '急性靶器官损害症状'],
  [/hypertensive emergency/g, '高血压急症'],
  [/hypertensive urgency/g, '高血压亚急症'],
  [/home BP monitoring/g, '家庭血压监测'],
  [/lifestyle interventions/g, '生活方式干预'],
  [/nonpharmacological interventions/g, '非药物干预'],
  [
    /Chinese (?:Hypertension Guidelines|Guidelines for the Management of Hypertension) (20\d\d)/g,
    '中国高血压防治指南 $1',
  ],
  [/\s*\(home BP (\d+\/\d+)\)/g, '（家庭血压 $1）'],
  [/home target corresponding to the office target/g, '家庭血压目标按诊室目标对应换算'],
];

/** Chinese guideline names and section titles the engines cite, as an English page shows them. */
const SOURCE_EN: [RegExp, string][] = [
  // One English name for the Chinese guideline (the server's citations say "Chinese Hypertension Guidelines").
  [/Chinese Hypertension Guidelines (20\d\d)/g, 'Chinese Guidelines for the Management of Hypertension $1'],
  [
    /中国高血压防治指南\s*(20\d\d)(?:\s*年修订版)?/g,
    'Chinese Guidelines for the Management of Hypertension $1',
  ],
  [
    /家庭血压监测[:：]\s*连续测量\s*7\s*天[,，]\s*取后\s*6\s*天/g,
    'home BP monitoring: 7 days, first day discarded',
  ],
  [/家庭血压监测/g, 'home BP monitoring'],
  [/生活方式干预/g, 'lifestyle interventions'],
  [/降压目标/g, 'BP targets'],
  [/降压药物治疗/g, 'drug treatment'],
  [/常用降压药禁忌证/g, 'contraindications of common antihypertensives'],
  [/高血压急症和亚急症/g, 'hypertensive emergencies and urgencies'],
  [/高血压急症/g, 'hypertensive emergency'],
  [/诊室外血压(?:诊断)?标准/g, 'out-of-office BP thresholds'],
  [/血压水平分类(?:和定义)?/g, 'classification of BP levels'],
  [/初诊高血压患者的评估及监测程序/g, 'assessment and monitoring of newly diagnosed hypertension'],
  [/白大衣性高血压与隐蔽性高血压/g, 'white-coat and masked hypertension'],
];

/**
 * A source line in the page language (one language per screen). The engines write guideline names as published
 * (Chinese for the Chinese guideline, English for ACC/AHA and ESH); the known names and section titles are
 * translated, and on an English page any Chinese left over (an unknown section title) is dropped with its
 * brackets rather than shown.
 */
export function sourceText(source: string | undefined, uiLanguage: string): string {
  if (!source) return '';
  // A section in words, never "§" (issue 20 item 8: "ACC/AHA 2017 §11.2" on the clinician banner).
  if (careLanguage(uiLanguage) === 'zh')
    return (
      SOURCE_ZH.reduce((text, [from, to]) => text.replace(from, to), source)
        .replace(/§\s*(\d+(?:\.\d+)*)/g, '第 $1 节')
        // Brackets around Chinese words are full-width on a zh screen (“中国高血压防治指南 2018（高血压急症）”).
        .replace(/\s?\(([^()]*[\u4e00-\u9fff][^()]*)\)/g, '（$1）')
        .replace(/; /g, '；')
        .replace(/: /g, '：')
    );
  return SOURCE_EN.reduce((text, [from, to]) => text.replace(from, to), source)
    .replace(/§\s*(\d+(?:\.\d+)*)/g, 'section $1')
    .replace(/\s*[(（][^()（）]*[\u4e00-\u9fff][^()（）]*[)）]/g, '')
    .replace(/[\u4e00-\u9fff][\u4e00-\u9fff\s，、：]*/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The triage's source line in the page language (see sourceText). */
export function triageSourceText(source: string | undefined, uiLanguage: string): string {
  return sourceText(source, uiLanguage);
}

/**
 * Calendar date "YYYY-MM-DD" of `now` in `timeZone` (the zone the server counts the reminders' days in), else in
 * the browser's.
 */
export function localDate(now: Date, timeZone?: string): string {
  if (timeZone) {
    const zoned = formatDate(now.toISOString(), undefined, false, timeZone);
    if (/^\d{4}-\d{2}-\d{2}$/.test(zoned)) return zoned;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const percent = (fraction: number | undefined): string =>
  fraction === undefined || !Number.isFinite(fraction) ? '—' : `${Math.round(fraction * 100)}%`;

// ---------------------------------------------------------------------------------------- consultation

/** What one streamed patient message produced so far. */
export interface ConsultationStream {
  /** Assistant text received as deltas, not yet part of `final.messages`. */
  streaming: string;
  triage?: TriageResult;
  notice?: { code: string; message: string };
  error?: StreamError;
  /** The consultation after `done`. */
  final?: Consultation;
}

export const emptyConsultationStream: ConsultationStream = { streaming: '' };

export function applyConsultationEvent(state: ConsultationStream, e: ConsultationEvent): ConsultationStream {
  switch (e.event) {
    case 'triage':
      return { ...state, triage: e.data };
    case 'delta':
      return { ...state, streaming: state.streaming + (typeof e.data?.text === 'string' ? e.data.text : '') };
    case 'notice':
      return { ...state, notice: e.data };
    case 'done':
      return { ...state, final: e.data, streaming: '' };
    case 'error':
      return { ...state, error: e.data };
    default:
      return state;
  }
}

/** The input is closed when the engine stopped the conversation or it is no longer active. */
export function inputClosed(
  consultation: Consultation | undefined,
  triage: TriageResult | undefined,
): boolean {
  if (triage?.stop) return true;
  if (consultation?.triage?.stop) return true;
  if (consultation && allAnswered(consultation)) return true;
  return consultation !== undefined && consultation.status !== 'active';
}

/** Every intake question answered (no step left): nothing more to type, only "finish and save". */
export function allAnswered(consultation: Consultation): boolean {
  return (
    consultation.status === 'active' && !consultation.step && Object.keys(consultation.answers).length > 0
  );
}

/** The emergency to show: a stopping triage from the stream first, else the consultation's own. */
export function emergencyOf(
  consultation: Consultation | undefined,
  streamed: TriageResult | undefined,
): TriageResult | undefined {
  if (streamed && streamed.level !== 'none') return streamed;
  const own = consultation?.triage;
  return own && own.level !== 'none' ? own : undefined;
}

// --------------------------------------------------------------------------------------------- copilot

export interface CopilotTurn {
  text: string;
  tools: CopilotToolEvent[];
  done?: CopilotDone;
  error?: StreamError;
}

export const emptyCopilotTurn: CopilotTurn = { text: '', tools: [] };

export function applyCopilotEvent(state: CopilotTurn, e: CopilotEvent): CopilotTurn {
  switch (e.event) {
    case 'tool': {
      const i = state.tools.findIndex((t) => t.id === e.data.id);
      const tools = i === -1 ? [...state.tools, e.data] : state.tools.map((t, j) => (j === i ? e.data : t));
      return { ...state, tools };
    }
    case 'delta':
      return { ...state, text: state.text + (typeof e.data?.text === 'string' ? e.data.text : '') };
    case 'done':
      // The final answer (after the guard) replaces what was streamed when the server sends it.
      return { ...state, done: e.data, text: e.data.answer || state.text };
    case 'error':
      return { ...state, error: e.data };
    default:
      return state;
  }
}

/** JSON for a tool row, shortened for display (the full text stays in the details element's title). */
export function formatJson(value: unknown, max = 4000): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}\n…` : text;
}

// ---------------------------------------------------------------------------------------------- guard

/** Claims ordered so contradicted ones come first, then unverifiable, then supported (none dropped). */
export function orderedClaims(guard: GuardReport | undefined): GuardReport['claims'] {
  const rank = { contradicted: 0, unverifiable: 1, supported: 2 } as const;
  return [...(guard?.claims ?? [])].sort((a, b) => (rank[a.verdict] ?? 3) - (rank[b.verdict] ?? 3));
}

/** The guard's evidence as readable lines: `{source, text}` items, strings, or JSON as a last resort. */
export function evidenceLines(evidence: unknown): string[] {
  if (evidence === undefined || evidence === null) return [];
  const items = Array.isArray(evidence) ? evidence : [evidence];
  return items.map((item) => {
    if (typeof item === 'string') return item;
    if (item && typeof item === 'object') {
      const { source, text } = item as { source?: unknown; text?: unknown };
      if (typeof text === 'string') return typeof source === 'string' ? `${source} — ${text}` : text;
    }
    return JSON.stringify(item);
  });
}

export function contradictedCount(guard: GuardReport | undefined): number {
  if (!guard) return 0;
  return Math.max(guard.contradicted ?? 0, guard.claims.filter((c) => c.verdict === 'contradicted').length);
}

// ------------------------------------------------------------------------------------------- progress

export interface ProgressSeries {
  weeks: string[];
  sbp: number[];
  dbp: number[];
  atTarget: boolean[];
  target?: { sbp: number; dbp?: number };
}

/** A week's figure as the server shows it (decision 0027: never across the target); whole mmHg when not sent. */
function weekFigure(shown: string | undefined, exact: number): number {
  const n = shown === undefined ? Number.NaN : Number(shown);
  return Number.isFinite(n) ? n : Math.round(exact);
}

/** The pair a week's table row shows ("134.6/84.5"). */
export function weekShown(w: ProgressWeek): string {
  return `${weekFigure(w.shown?.sbp, w.sbp)}/${weekFigure(w.shown?.dbp, w.dbp)}`;
}

/**
 * Weekly home means (oldest first, as the API sends them; sorted defensively) with the target: calendar weeks, the
 * trend — not the current home average (decision 0027). Figures as the server shows them.
 */
export function progressSeries(
  weeks: readonly ProgressWeek[],
  target: { sbp: number; dbp?: number } | undefined,
): ProgressSeries {
  const sorted = [...weeks].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  return {
    weeks: sorted.map((w) => w.weekStart),
    sbp: sorted.map((w) => weekFigure(w.shown?.sbp, w.sbp)),
    dbp: sorted.map((w) => weekFigure(w.shown?.dbp, w.dbp)),
    atTarget: sorted.map((w) => w.atTarget),
    ...(target ? { target } : {}),
  };
}

export interface ProgressSummary {
  latest?: ProgressWeek;
  /** mmHg of the latest weekly SBP above the target SBP (0 when at or below). */
  excessSbp?: number;
  /** Change of weekly SBP from the first to the latest week (negative = falling). */
  changeSbp?: number;
  atTarget?: boolean;
}

/** What the phone page says about the last 7 days of home readings (tester findings 1 and 2). */
export interface RecentSummary {
  /** i18n key: a mean of several readings, or the one reading there is (never called a mean). */
  key: 'care.progress.last7Days' | 'care.progress.last7DaysOne';
  /** As the server shows them (decision 0027: never across the target or threshold). */
  sbp: string;
  dbp: string;
  count: number;
  /** The window's name (近7天（不含第1天）), from the server. */
  window: Text;
  /** Never true while a crisis box is shown: no "at target" beside a crisis. */
  atTarget: boolean;
  excessSbp?: number;
  excessDbp?: number;
  /** Last-7-days mean minus the first week's mean, when that week lies before the last 7 days. */
  changeSbp?: number;
  since?: string;
}

/** The one current home average's window (decision 0027), as the server names it; its name when absent. */
export const CURRENT_WINDOW: Text = { zh: '近7天（不含第1天）', en: 'last 7 days, day 1 excluded' };

export function windowLabel(label: Text | undefined, uiLanguage: string): string {
  return pick(label ?? CURRENT_WINDOW, uiLanguage);
}

export function recentSummary(
  last:
    | {
        from?: string;
        sbp: number;
        dbp: number;
        shown?: { sbp: string; dbp: string };
        label?: Text;
        readings: number;
        atTarget: boolean;
      }
    | undefined,
  target: { sbp: number; dbp?: number } | undefined,
  crisis: boolean,
  weeks: readonly ProgressWeek[] = [],
): RecentSummary | undefined {
  if (!last || last.readings === 0) return undefined;
  // The change is told against the first week only when that week lies wholly before the last 7 days.
  const first = [...weeks].sort((a, b) => a.weekStart.localeCompare(b.weekStart))[0];
  const firstEnd = first ? addIsoDays(first.weekStart, 6) : undefined;
  const above = target && !last.atTarget;
  return {
    key: last.readings === 1 ? 'care.progress.last7DaysOne' : 'care.progress.last7Days',
    sbp: last.shown?.sbp ?? String(Math.round(last.sbp)),
    dbp: last.shown?.dbp ?? String(Math.round(last.dbp)),
    count: last.readings,
    window: last.label ?? CURRENT_WINDOW,
    atTarget: !crisis && last.atTarget,
    ...(above ? { excessSbp: Math.max(0, Math.round(last.sbp - target.sbp)) } : {}),
    ...(above && target.dbp !== undefined
      ? { excessDbp: Math.max(0, Math.round(last.dbp - target.dbp)) }
      : {}),
    ...(first && firstEnd && last.from && firstEnd < last.from
      ? { changeSbp: Math.round(last.sbp - first.sbp), since: first.weekStart }
      : {}),
  };
}

function addIsoDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The crisis advice the phone page leads with: the answer to a reading just saved, else the patient's open
 * crisis alert (any measured date, tester finding 1), else a crisis reading of the last 24 hours.
 */
export function leadingAdvice<A extends { level?: string }>(
  justSaved: A | undefined,
  openAlert: A | undefined,
  recent: A | undefined,
): A | undefined {
  // An urgent advice always leads: a just-saved old reading's note never hides an open crisis.
  const all = [justSaved, openAlert, recent].filter((a): a is A => a !== undefined);
  return all.find((a) => a.level !== 'old-reading') ?? all[0];
}

export function progressSummary(
  weeks: readonly ProgressWeek[],
  target: { sbp: number; dbp?: number } | undefined,
): ProgressSummary {
  const sorted = [...weeks].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  const latest = sorted[sorted.length - 1];
  const first = sorted[0];
  if (!latest) return {};
  return {
    latest,
    atTarget: latest.atTarget,
    ...(target ? { excessSbp: Math.max(0, Math.round(latest.sbp - target.sbp)) } : {}),
    ...(first && first !== latest ? { changeSbp: Math.round(latest.sbp - first.sbp) } : {}),
  };
}

// ------------------------------------------------------------------------------------------ reminders

const STATE_ORDER = { due: 0, missed: 1, upcoming: 2, done: 3 } as const;

/** Today's reminders first by urgency (due, missed, upcoming, done), then by session time. */
export function todaysReminders(reminders: readonly ReminderDue[], today: string): ReminderDue[] {
  const forToday = reminders.filter((r) => r.date === today);
  const list = forToday.length > 0 ? forToday : reminders.filter((r) => r.date >= today).slice(0, 2);
  return [...list].sort(
    (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.window[0].localeCompare(b.window[0]),
  );
}

// ---------------------------------------------------------------------------------------------- drafts

/** Ids of the critical findings a clinician must acknowledge before signing. */
export function criticalFindingIds(draft: DraftView): string[] {
  return draft.findings.filter((f) => f.severity === 'critical').map((f) => f.id);
}

export function allAcknowledged(draft: DraftView, acknowledged: ReadonlySet<string>): boolean {
  return criticalFindingIds(draft).every((id) => acknowledged.has(id));
}

/** Highest severity of a draft's findings (for its badge), undefined when there are none. */
export function worstSeverity(draft: DraftView): DraftView['findings'][number]['severity'] | undefined {
  if (draft.findings.some((f) => f.severity === 'critical')) return 'critical';
  if (draft.findings.some((f) => f.severity === 'warning')) return 'warning';
  if (draft.findings.length > 0) return 'info';
  return undefined;
}

/** Finding ids listed in a 409 answer's message/issues (to tick what the server says is missing). */
export function missingAcknowledgements(
  draft: DraftView,
  message: string,
  issues: readonly string[],
): string[] {
  const haystack = [message, ...issues].join(' ');
  return criticalFindingIds(draft).filter((id) => haystack.includes(id));
}

/** Replaces drafts by id (a signed or cancelled draft comes back from the server) keeping order. */
export function mergeDrafts(current: readonly DraftView[], incoming: readonly DraftView[]): DraftView[] {
  const byId = new Map(incoming.map((d) => [d.id, d]));
  const merged = current.map((d) => byId.get(d.id) ?? d);
  for (const d of incoming) if (!current.some((c) => c.id === d.id)) merged.push(d);
  return merged;
}
