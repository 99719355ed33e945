import type { Resource } from '@medplum/fhirtypes';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Finding, MedicationInput, PatientContext } from '@qihuang/engines/prescription-review';
import { localizeFinding } from '@qihuang/pharmacy-review';
import { orderName, resultLines, withLocalTimes } from './card-text.ts';
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
  caution: { en: 'Use with caution', zh: '慎用' },
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
  /** To name the orders by drug and dose (ids never reach the text). */
  kb: DrugKnowledgeBase;
  /** The reviewed orders by id ("MedicationRequest/o1"). */
  orders: Map<string, MedicationInput>;
  /** The results the review used, with their times. */
  labs: PatientContext['labs'];
  now: Date;
  /** The hospital's IANA zone: times in the text are local times in it. */
  timeZone: string;
  /** A result older than this many days is called stale on the card (decision 0016). */
  labWindowDays: number;
}

/**
 * One finding → one card in one language: summary ≤139 chars, indicator = severity, source named from the
 * user-facing source-name table (drug-knowledge sources/user-names.ts), orders by drug and dose, the date of each
 * result the finding rests on (stale past the window), suggestions. Knowledge-entry, rule and order ids stay in
 * machine fields (uuid, extension, source.topic).
 */
export function findingToCard(finding: Finding, options: CardOptions): CdsCard {
  const { locale, timeZone } = options;
  const zh = locale === 'zh';
  const localized = localizeFinding(finding, zh ? 'zh-CN' : 'en');
  const orders = finding.evidence.orders.map((o) => {
    const input = options.orders.get(o.id);
    const name = input ? orderName(input, options.kb, locale) : o.text;
    const state = o.draft ? (zh ? '新开' : 'New order') : zh ? '在用' : 'Current';
    return `- ${state}${zh ? '：' : ': '}${name}`;
  });
  const results = resultLines(finding, options.labs, {
    lang: locale,
    now: options.now,
    timeZone,
    windowDays: options.labWindowDays,
  });
  const stale = results.flatMap((r) => (r.stale ? [r.stale] : []));
  const detail = [
    withLocalTimes(localized.detail, timeZone),
    '',
    `**${zh ? '依据' : 'Evidence'}**`,
    ...orders,
    ...results.map((r) => `- ${r.text}`),
    '',
    `**${zh ? '来源' : 'Source'}**${zh ? '：' : ': '}${localized.source.label}`,
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
    summary: truncate(withLocalTimes(localized.summary, timeZone)),
    detail,
    indicator: finding.severity,
    source: {
      label: localized.source.label,
      ...(url ? { url } : {}),
      topic: {
        system: 'urn:qihuang:rx-review:finding-type',
        code: finding.type,
        display: TYPE_LABEL[finding.type][locale],
      },
    },
    overrideReasons: OVERRIDE_REASONS[locale],
    extension: {
      'qihuang-finding-id': finding.id,
      'qihuang-rule-id': finding.ruleId,
      'qihuang-source-id': finding.source.id,
      'qihuang-facts': finding.evidence.facts,
      'qihuang-orders': finding.evidence.orders.map((o) => o.id),
      ...(stale.length ? { 'qihuang-stale-results': stale } : {}),
    },
  };
  if (suggestions.length) {
    card.suggestions = suggestions;
    card.selectionBehavior = 'at-most-one';
  }
  return card;
}
