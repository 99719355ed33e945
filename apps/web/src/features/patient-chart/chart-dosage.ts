/**
 * A medicine's dosage and a concept's name on the chart in the page language (issue 20: "2.5 mg once daily" on a
 * zh chart, "Essential hypertension (disorder)" on an en one). Chinese is written from the order's structured
 * fields (每日一次，每次2.5 mg), or a translation the text carries, or the common English sig words; English
 * keeps the order's text, else is written from the fields. A SNOMED CT semantic tag is never shown. Pure.
 */
export interface ChartDosage {
  text?: string;
  _text?: unknown;
  asNeededBoolean?: boolean;
  route?: { text?: string; coding?: { code?: string }[] };
  timing?: {
    repeat?: { frequency?: number; period?: number; periodUnit?: string };
    code?: { text?: string };
  };
  doseAndRate?: { doseQuantity?: { value?: number; unit?: string; code?: string } }[];
}

const TIMES_ZH: Record<number, string> = { 1: '一', 2: '两', 3: '三', 4: '四' };
const TIMES_EN: Record<number, string> = { 1: 'once', 2: 'twice', 3: 'three times', 4: 'four times' };
const UNIT_ZH: Record<string, string> = { h: '小时', d: '日', wk: '周', mo: '月' };
const UNIT_EN: Record<string, string> = { h: 'hour', d: 'day', wk: 'week', mo: 'month' };
const ORAL = '26643006'; // SNOMED CT oral route
const CJK = /\p{Script=Han}/u;

/** A SNOMED CT semantic tag at the end of a display: "(disorder)", "(finding)", "(procedure)" … */
const SEMANTIC_TAG =
  /\s*\((?:disorder|finding|procedure|situation|morphologic abnormality|observable entity|regime\/therapy|substance|product|medicinal product|clinical drug|event|body structure|qualifier value|person|navigational concept|record artifact|environment|physical object|attribute)\)\s*$/i;

/** A concept's display without its SNOMED semantic tag ("Viral sinusitis (disorder)" → "Viral sinusitis"). */
export function withoutSemanticTag(text: string): string {
  return text.replace(SEMANTIC_TAG, '');
}

function translated(element: unknown): string | undefined {
  const extensions =
    (
      element as {
        extension?: {
          url?: string;
          extension?: { url?: string; valueCode?: string; valueString?: string }[];
        }[];
      }
    )?.extension ?? [];
  for (const e of extensions) {
    if (e.url !== 'http://hl7.org/fhir/StructureDefinition/translation') continue;
    const lang = e.extension?.find((x) => x.url === 'lang')?.valueCode ?? '';
    const content = e.extension?.find((x) => x.url === 'content')?.valueString;
    if (content && lang.toLowerCase().startsWith('zh')) return content;
  }
  return undefined;
}

/** Common English sig words in Chinese ("2.5 mg once daily" → "每日一次，每次2.5 mg"). */
function sigInChinese(text: string): string | undefined {
  const m =
    /^\s*(?:take\s+)?([\d.]+(?:\/[\d.]+)?\s*(?:mg|g|mcg|µg|ml|mL|tablets?|片))?\s*(?:by mouth|orally|po|oral)?\s*(once|twice|three times|four times|qd|bid|tid|qid)\s*(?:a day|daily|per day)?\s*(?:at night|at bedtime)?\s*$/i.exec(
      text,
    );
  if (!m) return undefined;
  const times: Record<string, number> = {
    once: 1,
    qd: 1,
    twice: 2,
    bid: 2,
    'three times': 3,
    tid: 3,
    'four times': 4,
    qid: 4,
  };
  const n = times[m[2]!.toLowerCase()]!;
  const dose = m[1]
    ?.replace(/tablets?/i, '片')
    .replace(/\s+/g, ' ')
    .trim();
  const oral = /by mouth|orally|\bpo\b|oral/i.test(text) ? '口服，' : '';
  return `${oral}每日${TIMES_ZH[n]}次${dose ? `，每次${dose}` : ''}`;
}

/** The dosage line of an order in `lang` ("每日一次，每次2.5 mg" / "2.5 mg once daily"); undefined when none. */
export function dosageText(d: ChartDosage | undefined, lang: string): string | undefined {
  if (!d) return undefined;
  const zh = lang.toLowerCase().startsWith('zh');
  const q = d.doseAndRate?.[0]?.doseQuantity;
  const dose = q?.value !== undefined ? `${q.value} ${q.unit ?? q.code ?? ''}`.trim() : undefined;
  const r = d.timing?.repeat;
  const period = r?.period ?? 1;
  const unit = r?.periodUnit ?? 'd';
  const oral = d.route?.coding?.some((c) => c.code === ORAL) || /^oral$/i.test(d.route?.text ?? '');
  if (zh) {
    if (d.text && CJK.test(d.text)) return d.text;
    const translation = translated(d._text);
    if (translation) return translation;
    if (r?.frequency !== undefined && UNIT_ZH[unit]) {
      const every =
        period === 1
          ? `每${UNIT_ZH[unit]}${TIMES_ZH[r.frequency] ?? r.frequency}次`
          : `每${period}${UNIT_ZH[unit]}${TIMES_ZH[r.frequency] ?? r.frequency}次`;
      const parts = [oral ? '口服' : '', every, dose ? `每次${dose}` : '', d.asNeededBoolean ? '必要时' : ''];
      return parts.filter(Boolean).join('，');
    }
    return (d.text && sigInChinese(d.text)) ?? d.text;
  }
  if (d.text && !CJK.test(d.text)) return d.text;
  if (r?.frequency !== undefined && UNIT_EN[unit]) {
    const how = TIMES_EN[r.frequency] ?? `${r.frequency} times`;
    const every =
      period === 1 ? (unit === 'd' ? 'daily' : `a ${UNIT_EN[unit]}`) : `every ${period} ${UNIT_EN[unit]}s`;
    return [dose, oral ? 'by mouth' : '', how, every, d.asNeededBoolean ? 'as needed' : '']
      .filter(Boolean)
      .join(' ');
  }
  return d.text;
}
