import { sourceOf, withoutInternalReferences, type Bilingual } from '@qihuang/drug-knowledge';
import type { Finding, FindingType, ResolvedMedication, Severity } from './types.ts';

export interface FindingDraft {
  ruleId: string;
  type: FindingType;
  severity: Severity;
  summary: Bilingual;
  detail: Bilingual;
  meds: ResolvedMedication[];
  facts: string[];
  source: string;
}

/** Builds a finding with a stable id (rule + involved order ids, sorted). */
export function makeFinding(d: FindingDraft): Finding {
  const orderIds = [...new Set(d.meds.map((m) => m.input.id))].sort();
  const src = sourceOf(d.source);
  return {
    id: `${d.ruleId}:${orderIds.join('+')}`,
    ruleId: d.ruleId,
    type: d.type,
    severity: d.severity,
    summary: d.summary,
    detail: d.detail,
    drugs: [...new Set(d.meds.map((m) => m.label))],
    evidence: {
      orders: d.meds.map((m) => ({
        id: m.input.id,
        text: m.text,
        draft: m.draft,
        ...(m.input.pending ? { pending: true as const } : {}),
      })),
      facts: d.facts,
    },
    // Findings reach users (CLI, CDS cards, API): the source is named by guideline/label, never the internal file.
    source: {
      id: src.id,
      label: withoutInternalReferences(src.label),
      citation: withoutInternalReferences(src.citation),
      ...(src.url ? { url: src.url } : {}),
    },
  };
}

export const ACTION_SEVERITY = {
  contraindicated: 'critical',
  avoid: 'warning',
  'reduce-dose': 'warning',
  caution: 'info',
} as const satisfies Record<string, Severity>;

export const INTERACTION_SEVERITY = {
  contraindicated: 'critical',
  major: 'warning',
  moderate: 'info',
} as const satisfies Record<string, Severity>;

export const names = (meds: ResolvedMedication[]) => ({
  en: meds.map((m) => m.label).join(' + '),
  zh: meds.map((m) => m.drug?.names.zh ?? m.text).join(' + '),
});
