/**
 * Doses in one sentence (split from extract-drugs.ts): an amount after a drug name, its unit, per-day or per-dose,
 * times a day, a maximum or a start word, and the co-medications of its clause (dose caps in combination).
 */
import { parseFrequency, toMg } from '@qihuang/drug-knowledge';
import { EXCEEDS } from './drug-frames.ts';
import type { DoseData, Mention } from './types.ts';
import { relationRegex } from './relation-lexicon.ts';

const AMOUNT =
  /(\d+(?:\.\d+)?)(?:\s*(?:[–—\-~～]|to|至|到)\s*(\d+(?:\.\d+)?))?\s*(mg|毫克|mcg|µg|μg|ug|微克|g|克)(?![a-z])/i;
const AMOUNT_ALL = new RegExp(AMOUNT.source, 'gi');
const UNIT_NAME: Record<string, string> = {
  毫克: 'mg',
  微克: 'mcg',
  µg: 'mcg',
  μg: 'mcg',
  ug: 'mcg',
  克: 'g',
};
const PER_DAY_AFTER =
  /^\s*(?:\/\s*(?:日|天|d|day)\b|\/\s*(?:日|天)|per day|a day|daily dose|每日|每天|\s*daily(?! dose)(?!\s*(?:and|,)))/i;
const PER_DAY_BEFORE =
  /(每日|每天|日)(总)?剂量|(?:每日|每天|日)总量|总量$|daily dose|total daily|(?:a |in )?total of$|per day|一日量|日量|每日$|每天$|daily$/i;
/** A maximum word: the shared relation lexicon (relation-lexicon.ts). */
const MAXIMUM = relationRegex('maximum');

/** A maximum word right after the amount ("20 mg的上限", "20 mg cap", "10 mg/日的最大剂量"). */
const MAXIMUM_AFTER =
  /^\s*(?:\/\s*(?:日|天|d(?:ay)?)\s*)?(?:的)?\s*(?:上限|最大(?:日)?剂量|最高(?:日)?剂量|限量|封顶)|^\s*(?:\/\s*day\s+|a day\s+|daily\s+)?(?:cap|limit|ceiling|maximum)\b/i;
/** A prohibition before the amount (not "不要超过 N mg", which states a maximum). */
const PROHIBITED =
  /(?:不要|别|切勿|请勿|不能|不可|不宜|不应|禁止)(?!超过|超出|多于|高于|大于)[^，,；;。]*$|\b(?:don't|do not|never|should not|shouldn't|must not|avoid)\b(?!\s+(?:exceed|go(?:ing)? (?:above|over|beyond)|tak(?:e|ing) more than|us(?:e|ing) more than))[^,;.]*$/i;
/** …unless it names an excess right before the amount ("别把X加到每天超过N", "never push X beyond N", "don't let X go
 * above N"): that states a maximum. */
const EXCESS_BEFORE =
  /(?:超过|超出|多于|高于|大于)\s*(?:每日|每天|一天|一日)?\s*$|\b(?:beyond|exceed(?:ing)?|more than|above|over)\s*$/i;
/** The amount said to be too high ("would exceed the 10 mg maximum", "超过了最大剂量", "太高"). */
const TOO_HIGH =
  /\b(?:would|will|could|might)\s+(?:exceed|be (?:above|over|too high|too much))\b|\bexceeds? the (?:\d+\s*mg )?(?:max\w*|limit|cap|ceiling)\b|\b(?:too high|too much|an overdose)\b|超过(?:了)?(?:最大|上限|限量)|超出(?:了)?(?:最大|上限|限量)|过量|太高|过高/i;

const START_AFTER = /^[^，,。;；\d]{0,10}?(?:起始|开始服用|to start\b|as (?:a|the) start)/i;
const START =
  /起始|开始|初始|首剂|\bstart(?:s|ed|ing)?\b|\binitial(?:ly)?\b|\bbegin(?:s|ning)?\b|\bbegun\b|\bcommenc(?:e|ed|es|ing)\b/i;

/** Doses per day; English multi-dose phrases first (the shared parser reads "three times daily" as daily). */
function frequencyOf(text: string): number | undefined {
  if (/\b(twice|two times)\s+(a |per )?(day|daily)\b|\bb\.?i\.?d\b|\bq12h\b/i.test(text)) return 2;
  if (/\b(three|3) times\s+(a |per )?(day|daily)\b|\bt\.?i\.?d\b|\bq8h\b/i.test(text)) return 3;
  if (/\b(four|4) times\s+(a |per )?(day|daily)\b|\bq\.?i\.?d\b|\bq6h\b/i.test(text)) return 4;
  if (/\bonce\s+(a |per )?(day|daily)\b/i.test(text)) return 1;
  // "一天两次", "一日三次", "每天2次" (the shared parser reads 每日 forms).
  const zh = /(?:每日|每天|一天|一日)\s*([一二两三四1-4])\s*次/.exec(text);
  if (zh) return { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4 }[zh[1] as string] ?? Number(zh[1]);
  return parseFrequency(text);
}

/** A co-medication: "与X合用时", "in patients taking X", "with X", "alongside X" (and "X or Y" after one). */
const CO_BEFORE =
  /(?:^|[，,；;。\s])(?:与|和|跟|同)\s*$|\b(?:with|alongside|in patients (?:taking|on)|patients (?:taking|on)|taking|combined with|together with)\s+$/i;
const CO_AFTER = /^[^，,；;。]{0,12}?(?:合用|联用|同服|合并)/;

function coMedications(text: string, mentions: Mention[]): Set<Mention> {
  const out = new Set<Mention>();
  for (const [i, m] of mentions.entries()) {
    const prev = mentions[i - 1];
    const before = text.slice(prev ? prev.end : 0, m.start);
    const chained = prev && out.has(prev) && /^\s*(?:or|and|或|和|、|\/)\s*$/.test(before);
    const zh = /(?:^|[，,；;。\s])(?:与|和|跟|同)\s*$/.test(` ${before}`);
    // "比与氨氯地平合用的 20 mg", "超过了与X合用时的上限": "与 X 合用" after any word is a co-medication.
    const zhAny =
      (/(?:与|和|跟|同)\s*$/.test(before) && CO_AFTER.test(text.slice(m.end))) ||
      // "（如果同时在吃利尿剂可以从 2.5 mg 开始）": a medicine the patient is taking alongside.
      /(?:同时|正在|同期|已|已经)(?:在)?(?:吃|服用|服|使用|用)(?:着)?\s*$/.test(before) ||
      // "already on/taking hydrochlorothiazide": a medicine the patient takes, not the one being dosed.
      /\balready (?:on|taking|takes|receiving)\s+$/i.test(before);
    if (chained || zhAny || (zh ? CO_AFTER.test(text.slice(m.end)) || !prev : CO_BEFORE.test(before)))
      out.add(m);
  }
  return out;
}

const clauseAt = (text: string, at: number) => {
  const from = Math.max(...['，', ',', '；', ';'].map((c) => text.lastIndexOf(c, at - 1))) + 1;
  const ends = ['，', ',', '；', ';'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return [from, ends.length ? Math.min(...ends) : text.length] as const;
};

/**
 * Doses in a sentence. An amount after a co-medication ("与维拉帕米合用时上限为每日 10 mg", "at 20 mg/day with
 * amlodipine") belongs to the sentence's subject drug, or to `carried` (the drug of the sentence before) when the
 * sentence names only co-medications; its co-medications are those of its own clause. Without an owner, no claim.
 */
export function doseClaims(text: string, mentions: Mention[], carried?: Mention): DoseData[] {
  const out: DoseData[] = [];
  const co = coMedications(text, mentions);
  const subject = mentions.find((x) => x.drug && !co.has(x)) ?? (carried?.drug ? carried : undefined);
  for (const [idx, m] of mentions.entries()) {
    // A class taken alongside ("如果同时在吃利尿剂从 2.5 mg 开始"): its amounts are the subject's.
    if (!m.drug && !(co.has(m) && subject)) continue;
    const next = mentions.find((x) => x.start > m.start);
    // "辛伐他汀与氨氯地平合用时每日不超过 20 mg": the subject's amount; "与辛伐他汀10 mg合用": right after its name, Y's.
    const prev = mentions[idx - 1];
    const owner =
      prev?.drug &&
      /^\s*(?:与|和|跟|同)\s*$/.test(text.slice(prev.end, m.start)) &&
      /^(?!\s*\d)[^]*?(?:合用|联用|同服|合并)/.test(text.slice(m.end, next ? next.start : text.length))
        ? prev
        : m;
    const segment = text.slice(m.end, next ? next.start : text.length);
    const isCo = co.has(m) && owner === m;
    let prevEnd = 0;
    for (const a of segment.matchAll(AMOUNT_ALL)) {
      const unit = UNIT_NAME[a[3] as string] ?? (a[3] as string).toLowerCase();
      const lo = toMg({ value: Number(a[1]), unit });
      const hi = a[2] ? toMg({ value: Number(a[2]), unit }) : undefined;
      const at = a.index as number;
      const before = segment.slice(prevEnd, at);
      const after = segment.slice(at + a[0].length);
      prevEnd = at + a[0].length;
      if (lo === undefined) continue;
      // A co-medication's own amount follows its name ("with hydrochlorothiazide 12.5 mg"); others are the subject's.
      let who = owner;
      let partners = mentions.filter((x) => x !== owner);
      if (isCo && !/^\s*(?:at|of|is|为|[,，:：])?\s*$/.test(segment.slice(0, at))) {
        if (!subject || subject === m) continue;
        who = subject;
        const [from, to] = clauseAt(text, m.end + at);
        const own = mentions.filter((x) => co.has(x) && x.start >= from && x.end <= to);
        partners = own.length ? own : mentions.filter((x) => co.has(x));
      }
      // "10 mg of simvastatin", "the 20 mg simvastatin limit", "20毫克的辛伐他汀": the amount belongs to the drug
      // named right after it, not to this one.
      if (next && /^\s*(?:(?:per day|a day|daily)\s*)?(?:of\s*|的\s*)?$/i.test(after)) continue;
      // "With amlodipine the cap is 20 mg": a co-medication opening the sentence does not own the amount.
      if (/^\s*with\s+$/i.test(text.slice(0, m.start)) && /\b(?:cap|limit)\b/i.test(segment)) continue;
      const first = before === segment.slice(0, at);
      const nextAmount = after.search(AMOUNT);
      const local = `${a[0]}${nextAmount < 0 ? after : after.slice(0, nextAmount)}`;
      const times =
        frequencyOf(nextAmount < 0 ? `${before}${local}` : local) ?? (first ? undefined : undefined);
      // "her simvastatin 40 mg exceeds the cap": the patient's dose judged, not a dose called fine.
      if (EXCEEDS.test(after)) continue;
      // "不要把氨氯地平加到20毫克", "If we doubled it to 20 mg, that would exceed the maximum": an amount warned
      // against or called too high in its own or the next clause is not a dose the answer gives.
      const [cFrom, cTo] = clauseAt(text, m.end + at);
      const prohibited = PROHIBITED.test(text.slice(cFrom, m.end + at));
      const excess = prohibited && EXCESS_BEFORE.test(text.slice(cFrom, m.end + at));
      if (prohibited && !excess) continue;
      const nextClause = text.slice(
        cTo,
        cTo + 1 + (text.slice(cTo + 1).search(/[，,；;。.]/) + 1 || text.length),
      );
      if (TOO_HIGH.test(`${text.slice(m.end + at, cTo)}${nextClause}`)) continue;
      // A maximum word counts in the amount's own clause ("32 mg is the maximum, so your 16 mg dose …").
      const ownBefore = before.slice(
        Math.max(...['，', ',', '；', ';'].map((c) => before.lastIndexOf(c))) + 1,
      );
      const statesMaximum =
        excess ||
        MAXIMUM.test(ownBefore) ||
        (first && MAXIMUM.test(`${text.slice(0, m.start)}${before}`)) ||
        // "没超过20 mg的上限", "under the 20 mg cap": the maximum word right after the amount.
        MAXIMUM_AFTER.test(after);
      const explicitTimes = frequencyOf(local);
      const statesStart =
        !statesMaximum &&
        // "可以从 10 mg 每日一次开始": 从 before the amount, 开始 after it in the same clause.
        ((/(?:从|由)\s*(?:每日|每天)?\s*$/.test(before) && /^[^，,。;；]{0,12}?开始/.test(after)) ||
          START.test(before) ||
          (first && START.test(text.slice(0, m.start).slice(-24))) ||
          // "按常规 5 mg 每日一次起始", "5 mg once daily to start": the start word right after the amount.
          START_AFTER.test(after));
      if (!who.drug) continue;
      out.push({
        drug: who.drug,
        with: partners,
        amountMg: lo,
        ...(hi !== undefined ? { amountMaxMg: hi } : {}),
        perDay:
          PER_DAY_AFTER.test(after) ||
          PER_DAY_BEFORE.test(before.trim()) ||
          (statesMaximum && (explicitTimes === undefined || explicitTimes === 1)),
        ...(times !== undefined ? { timesPerDay: times } : {}),
        statesMaximum,
        ...(statesStart ? { statesStart } : {}),
        raw: `${who === m ? m.text : ''}${segment.slice(0, prevEnd)}`.trim(),
      });
    }
  }
  return out;
}
