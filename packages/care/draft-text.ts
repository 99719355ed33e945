/**
 * A prescription draft as the clinician reads it, in one language (issue 20): the dosage line from the order's
 * structured dose, timing and route, and the review findings' sources by their user-facing names (the same table
 * as the pharmacist's screen; a Chinese screen names the source without the English citation). Pure.
 */
import { SOURCE_NAMES, withoutInternalReferences } from '@qihuang/drug-knowledge';
import { sectionsInWords, sourceOnce } from '@qihuang/pharmacy-review';
import type { FindingSource } from '@qihuang/engines/prescription-review';
import { frequencyText, TABLET } from './draft-dosage.ts';

export type DraftLanguage = 'zh' | 'en';

interface Dosage {
  text?: string;
  route?: { text?: string; coding?: { code?: string }[] };
  timing?: { repeat?: { frequency?: number; period?: number; periodUnit?: string; when?: string[] } };
  doseAndRate?: { doseQuantity?: { value?: number; unit?: string; code?: string } }[];
}

const ORAL = '26643006'; // SNOMED CT oral route

/** The dosage line in `lang`: English keeps the order's own text; Chinese is written from the structured fields. */
export function dosageLine(d: Dosage | undefined, lang: DraftLanguage): string | undefined {
  if (!d) return undefined;
  if (lang === 'en') return d.text;
  const q = d.doseAndRate?.[0]?.doseQuantity;
  // A fixed-dose combination has no single dose quantity: its text starts with the strengths ("10/12.5 mg").
  const strength = d.text?.match(/^([\d.]+(?:\s*mg)?(?:\/[\d.]+(?:\s*mg)?)*)(?=[\s(]|$)/)?.[1];
  // Tablets of a combination: the edited dose quantity ({tbl}), else the proposal's "(1 tablet)".
  const tablets =
    q?.code === '{tbl}' || q?.unit === TABLET ? q.value : /\(1 tablet\)/.test(d.text ?? '') ? 1 : undefined;
  const tablet = tablets !== undefined ? `（${tablets}片）` : '';
  const dose =
    q?.value !== undefined && tablets === undefined
      ? `${q.value} ${q.unit ?? q.code ?? ''}`.trim()
      : strength;
  // Daily 1–4 times, or once nightly (qn) after an edit (issue 20).
  const times = frequencyText(d, 'zh');
  if (!times) return d.text;
  // A frequency with no dose ("once daily") still reads in Chinese (issue 20 item 1).
  if (!dose) return times;
  const oral = d.route?.coding?.some((c) => c.code === ORAL) || /^oral$/i.test(d.route?.text ?? '');
  return `${oral ? '口服 ' : ''}${dose}${tablet}，${times}`;
}

/** A review finding's source named for users in `lang`; the citation (English) only on an English screen. */
export function findingSourceIn(
  source: Pick<FindingSource, 'id' | 'label' | 'citation'>,
  lang: DraftLanguage,
): { label: string; citation: string } {
  const named = SOURCE_NAMES[source.id];
  // Sections in words, never "§" (issue 20 item 8).
  const label = sectionsInWords(named ? named[lang] : withoutInternalReferences(source.label), lang);
  const citation = lang === 'zh' ? '' : sectionsInWords(withoutInternalReferences(source.citation), lang);
  // Said once: a citation restating the name or its section is not repeated beside it (issue 20).
  return sourceOnce(label || source.id, citation);
}
