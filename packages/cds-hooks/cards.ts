import type { Resource } from '@medplum/fhirtypes';
import type { Finding } from '@qihuang/engines/prescription-review';
import { suggestionsFor } from './suggestions.ts';
import type { CdsCard, CdsCoding } from './types.ts';

export const SUMMARY_LIMIT = 139; // REFERENCE §9.3: summary "<140 characters"

export const OVERRIDE_REASON_SYSTEM = 'urn:qihuang:cds-hooks:override-reason';

/** Override reasons offered on every card (CDS Hooks 2.0: each needs a display). */
export const OVERRIDE_REASONS: Record<'en' | 'zh', CdsCoding[]> = {
  en: [
    { system: OVERRIDE_REASON_SYSTEM, code: 'benefit-outweighs-risk', display: 'Benefit outweighs risk' },
    {
      system: OVERRIDE_REASON_SYSTEM,
      code: 'already-tolerated',
      display: 'Patient already tolerates this regimen',
    },
    { system: OVERRIDE_REASON_SYSTEM, code: 'will-monitor', display: 'Will monitor (labs / vitals)' },
    {
      system: OVERRIDE_REASON_SYSTEM,
      code: 'not-applicable',
      display: 'Alert not applicable to this patient',
    },
  ],
  zh: [
    { system: OVERRIDE_REASON_SYSTEM, code: 'benefit-outweighs-risk', display: '获益大于风险' },
    { system: OVERRIDE_REASON_SYSTEM, code: 'already-tolerated', display: '患者已耐受该方案' },
    { system: OVERRIDE_REASON_SYSTEM, code: 'will-monitor', display: '将监测（化验/生命体征）' },
    { system: OVERRIDE_REASON_SYSTEM, code: 'not-applicable', display: '该提示不适用于此患者' },
  ],
};

export function truncate(text: string, limit = SUMMARY_LIMIT): string {
  if (text.length <= limit) return text; // never more characters than UTF-16 units
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

const TYPE_LABEL: Record<Finding['type'], { en: string; zh: string }> = {
  interaction: { en: 'Drug interaction', zh: '药物相互作用' },
  duplication: { en: 'Duplication', zh: '重复用药' },
  dose: { en: 'Dose', zh: '剂量' },
  renal: { en: 'Renal dosing', zh: '肾功能调整' },
  hepatic: { en: 'Hepatic dosing', zh: '肝功能调整' },
  allergy: { en: 'Allergy', zh: '过敏' },
  contraindication: { en: 'Contraindication', zh: '禁忌证' },
  pregnancy: { en: 'Pregnancy / lactation', zh: '妊娠/哺乳' },
  lab: { en: 'Laboratory', zh: '检验指标' },
  guideline: { en: 'Guideline', zh: '指南' },
  'unknown-drug': { en: 'Not checked', zh: '未能审核' },
};

export interface CardOptions {
  locale: 'en' | 'zh';
  uuid: () => string;
  drafts: Map<string, Resource>;
  sourceUrl?: string;
}

/** One finding → one card: summary ≤139 chars, indicator = severity, source with label/url/topic, suggestions. */
export function findingToCard(finding: Finding, options: CardOptions): CdsCard {
  const { locale } = options;
  const orders = finding.evidence.orders
    .map(
      (o) =>
        `- ${o.draft ? (locale === 'zh' ? '草稿' : 'draft') : locale === 'zh' ? '在用' : 'active'}: ${o.text} (\`${o.id}\`)`,
    )
    .join('\n');
  const detail = [
    finding.detail[locale],
    '',
    `**${locale === 'zh' ? '依据' : 'Evidence'}**`,
    orders,
    `- ${locale === 'zh' ? '知识条目' : 'Facts'}: ${finding.evidence.facts.map((f) => `\`${f}\``).join(', ')}`,
    '',
    `**${locale === 'zh' ? '来源' : 'Source'}**: ${finding.source.citation}`,
  ].join('\n');
  const suggestions = suggestionsFor(
    finding,
    options.drafts as Map<string, Resource & { id?: string }>,
    locale,
    options.uuid,
  );
  const url = finding.source.url ?? options.sourceUrl;
  const card: CdsCard = {
    uuid: options.uuid(),
    summary: truncate(finding.summary[locale]),
    detail,
    indicator: finding.severity,
    source: {
      label: finding.source.label,
      ...(url ? { url } : {}),
      topic: {
        system: 'urn:qihuang:rx-review:finding-type',
        code: finding.type,
        display: TYPE_LABEL[finding.type][locale],
      },
    },
    overrideReasons: OVERRIDE_REASONS[locale],
    extension: { 'qihuang-finding-id': finding.id, 'qihuang-rule-id': finding.ruleId },
  };
  if (suggestions.length) {
    card.suggestions = suggestions;
    card.selectionBehavior = 'at-most-one';
  }
  return card;
}
