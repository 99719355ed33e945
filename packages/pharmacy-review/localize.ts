/**
 * The pharmacist's screen speaks one language (zh-CN or en, from `?lang` or Accept-Language; zh-CN when neither
 * names one): findings are answered in that language, sources are named by guideline/label and section, and
 * internal references (the project's reference file, "UNVERIFIED" marks) never reach the user.
 */
import type { Finding } from '@qihuang/engines/prescription-review';
import { withoutInternalReferences } from '@qihuang/drug-knowledge';
import { SOURCE_NAMES } from './source-names.ts';
import { sectionsInWords } from './section-words.ts';
import { EMERGENCY_RULE, EMERGENCY_SOURCE } from './signed-over.ts';
import type { Language, LocalizedFinding } from './api-types/index.ts';
import { sourceOnce } from './source-once.ts';

export type { Language, LocalizedFinding };

export function languageOf(query?: string, acceptLanguage?: string): Language {
  const pick = (v: string) => (/^zh/i.test(v) ? 'zh-CN' : /^en/i.test(v) ? 'en' : undefined);
  const chosen = query ? pick(query) : undefined;
  if (chosen) return chosen;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const p = pick(part.trim());
    if (p) return p;
  }
  return 'zh-CN';
}

/** Removes internal references (shared with the prescription-review engine's findings). */
export { withoutInternalReferences };

/** English fragments the engine writes into Chinese text (renal-function basis), in Chinese. */
function zhText(text: string): string {
  return text
    .replace(/\s*\(CKD-EPI 2021 from creatinine ([\d.]+) mg\/dL\)/g, '（CKD-EPI 2021公式，血肌酐 $1 mg/dL）')
    .replace(/\s*\(Cockcroft–Gault\)/g, '（Cockcroft–Gault公式）')
    .replace(/\s*\(reported\)/g, '（检验报告值）');
}

export function localizeFinding(f: Finding, lang: Language): LocalizedFinding {
  const zh = lang === 'zh-CN';
  const words = (t: string) => sectionsInWords(t, zh ? 'zh' : 'en');
  const text = (b: { zh: string; en: string }) =>
    words(withoutInternalReferences(zh ? zhText(b.zh || b.en) : b.en || b.zh));
  const named = SOURCE_NAMES[f.source.id];
  const label = words(
    f.source.id === EMERGENCY_RULE
      ? EMERGENCY_SOURCE[lang]
      : named
        ? named[zh ? 'zh' : 'en']
        : withoutInternalReferences(f.source.label),
  );
  // A source with a user-facing name is that name alone, as on the zh screen: its English citation restated the
  // name ('ACC/AHA 2017 Table 18; ESH 2023 — ACC/AHA 2017 Table 18 comments; ESH 2023 …'). The local formulary's
  // citation names a file; its name is the whole citation.
  const citation =
    zh || named || f.source.id === 'formulary' ? '' : words(withoutInternalReferences(f.source.citation));
  // Said once: a citation restating the name, or the same section of the same document, is not repeated (issue 20).
  const once = sourceOnce(label || f.source.id, citation);
  return {
    ...f,
    summary: text(f.summary),
    detail: text(f.detail),
    source: {
      id: f.source.id,
      label: once.label,
      ...(once.citation ? { citation: once.citation } : {}),
      ...(f.source.url ? { url: f.source.url } : {}),
    },
  };
}

/** Messages the API answers with, in the caller's language. */
export const MESSAGES = {
  overrideRequired: (titles: string[]) => ({
    en: `Approving over a warning or critical finding needs an override reason for each: ${titles.join('; ')}`,
    zh: `通过含警示或严重问题的处方须为每条问题填写忽略理由：${titles.join('；')}`,
  }),
  returnReason: { en: 'A reason is required to return a prescription', zh: '退回处方须填写理由' },
  notAnOrder: (id: string, intent: string, status: string) => ({
    en: `MedicationRequest/${id} is not an order awaiting review (intent ${intent}, status ${status})`,
    zh: `MedicationRequest/${id} 不是待审核的处方（intent ${intent}，status ${status}）`,
  }),
  alreadyReviewed: (id: string) => ({
    en: `MedicationRequest/${id} has already been reviewed`,
    zh: `MedicationRequest/${id} 已审核过`,
  }),
  outsideWindow: (id: string, days: number) => ({
    en: `MedicationRequest/${id} was written more than ${days} days ago and is not awaiting review`,
    zh: `MedicationRequest/${id} 开具于 ${days} 天以前，不在待审范围内`,
  }),
  unknownFindings: (ids: string[]) => ({
    en: `Unknown finding id(s) in overrides: ${ids.join(', ')}`,
    zh: `忽略理由中有未知的审方发现：${ids.join('，')}`,
  }),
};
