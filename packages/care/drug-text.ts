/**
 * A medicine's name in the reader's language (issue 20 item 3: one language per screen). Drafts and orders carry
 * the English generic name in their text ("amlodipine 5 mg", written from the drug knowledge base's `names.en`,
 * or imported records in English); on a Chinese screen the drug knowledge base's zh name replaces it, with a salt
 * form written by the knowledge base's own zh name of that salt ("amlodipine besylate 5 mg" → "苯磺酸氨氯地平 5 mg",
 * "losartan potassium" → "氯沙坦钾"). Strengths, units and
 * anything the knowledge base does not know stay as written. Text already in Chinese is left alone. Pure.
 */
import type { DrugEntry, DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { sourceIn } from './source-names.ts';

const CJK = /[\u3400-\u9fff]/;
const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Drugs = Pick<DrugKnowledgeBase, 'match' | 'getDrug' | 'ingredients'>;

/** Dose-form words of an English medicine line, in Chinese (the unit "mg" is the same in both). */
const FORMS: [RegExp, string][] = [
  [/\b(?:oral )?extended[- ]release tablets?\b/gi, '缓释片'],
  [/\b(?:oral )?tablets?\b/gi, '片'],
  [/\b(?:oral )?capsules?\b/gi, '胶囊'],
  [/\bMG\b/g, 'mg'],
];

function replaceNames(text: string, drug: DrugEntry): string {
  const zh = drug.names.zh;
  if (!zh) return text;
  const names = [drug.names.en, ...(drug.synonyms ?? []), ...(drug.brands ?? []).map((b) => b.en ?? '')]
    .filter((n) => n && !CJK.test(n))
    .sort((a, b) => b.length - a.length);
  if (names.length === 0) return text;
  const salts = (drug.salts ?? []).filter((s) => s.en).sort((a, b) => b.en.length - a.en.length);
  const saltAlt = salts.map((s) => escape(s.en)).join('|');
  const nameAlt = names.map(escape).join('|');
  const pattern = saltAlt
    ? `\\b(?:(${saltAlt})\\s+)?(?:${nameAlt})(?:\\s+(${saltAlt}))?\\b`
    : `\\b(?:${nameAlt})\\b`;
  return text.replace(new RegExp(pattern, 'gi'), (_all, before?: string, after?: string) => {
    const salt = before ?? after;
    // The salt form's own zh name from the knowledge base (苯磺酸氨氯地平, 氯沙坦钾), never composed here.
    return (salt && salts.find((s) => s.en.toLowerCase() === salt.toLowerCase())?.zhName) || zh;
  });
}

/**
 * `text` (a medicine line) with the drug names the knowledge base knows written in zh when `language` is zh.
 * `drugId`: the knowledge base id the record codes (urn:qihuang:drug), tried first.
 */
export function drugTextIn(text: string, language: 'zh' | 'en', drugs: Drugs, drugId?: string): string {
  if (language !== 'zh' || !text || CJK.test(text)) return text;
  const coded = drugId ? drugs.getDrug(drugId) : undefined;
  const match = drugs.match(text);
  const found = [...(coded ? [coded] : []), ...(match ? [match.drug, ...match.also] : [])];
  const entries = [
    ...new Map(found.flatMap((d) => [d, ...drugs.ingredients(d)]).map((d) => [d.id, d])).values(),
  ];
  const named = entries.reduce(replaceNames, text);
  // The forms only once a drug name was written in Chinese (an unknown line stays as written).
  return named === text ? text : FORMS.reduce((line, [re, word]) => line.replace(re, word), named);
}

/**
 * The drug names of a text that may already be partly Chinese (a label source put in Chinese word by word:
 * "美国说明书：amlodipine 5 mg 每日一次" → "美国说明书：氨氯地平 5 mg 每日一次"), on a zh screen; else as written.
 */
export function drugNamesIn(text: string, language: 'zh' | 'en', drugs: Drugs): string {
  if (language !== 'zh' || !text || !/[a-z]/i.test(text)) return text;
  const match = drugs.match(text);
  if (!match) return text;
  const entries = [
    ...new Map(
      [match.drug, ...match.also].flatMap((d) => [d, ...drugs.ingredients(d)]).map((d) => [d.id, d]),
    ).values(),
  ];
  return entries.reduce(replaceNames, text);
}

/** A treatment proposal whose sources name drugs in the screen's language (issue 20 item 3). */
export function proposalDrugNames<P extends { source: string; orders: { source: string }[] }>(
  p: P,
  language: 'zh' | 'en',
  drugs: Drugs,
): P {
  if (language !== 'zh') return p;
  return {
    ...p,
    source: drugNamesIn(p.source, language, drugs),
    orders: p.orders.map((o) => ({ ...o, source: drugNamesIn(o.source, language, drugs) })),
  };
}

/**
 * The note the system writes on a proposed order, in both languages (issue 20 item 2: the pharmacist's zh screen
 * showed "Engine proposal (US label: …)"): English in `text`, Chinese as FHIR's translation extension on it.
 */
export function proposalNote(order: { source: string; rationale: { zh: string; en: string } }, drugs: Drugs) {
  const zh = `引擎建议（${drugNamesIn(sourceIn(order.source, 'zh'), 'zh', drugs)}）：${order.rationale.zh}`;
  return {
    text: `Engine proposal (${order.source}): ${order.rationale.en}`,
    _text: {
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/translation',
          extension: [
            { url: 'lang', valueCode: 'zh-CN' },
            { url: 'content', valueString: zh },
          ],
        },
      ],
    },
  };
}

/** The urn:qihuang:drug code of a medicine concept, if it has one. */
export function drugIdOf(
  concept: { coding?: { system?: string; code?: string }[] } | undefined,
): string | undefined {
  return concept?.coding?.find((c) => c.system === 'urn:qihuang:drug')?.code;
}
