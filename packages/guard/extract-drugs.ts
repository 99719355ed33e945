/**
 * Drug statements in one sentence: doses (amount after a drug name), combinations of two or more drugs with
 * the patient's current medicines, potassium, eGFR and doses, drug–condition statements, and renal statements
 * ("eGFR 25 可以使用二甲双胍"). A list of classes is not a combination claim. Mentions the clinical-language
 * package reads as negated or hypothetical ("if you were to take …") make no claim.
 */
import { CONDITIONS, parseFrequency, toMg, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Discourse } from './discourse.ts';
import { TAKES, renalIn, renalShown } from './discourse.ts';
import { CLASS_LIST, COMBINATION, polarity } from './polarity.ts';
import type { DoseData, DrugConditionData, InteractionData, Mention } from './types.ts';
import {
  ABSENT_BEFORE,
  ADDED_TO,
  HYPERKALAEMIA_ABOVE,
  ABSOLUTE,
  NO_INTERACTION,
  clausePolarity,
  affirmedAt,
  BILATERAL,
  stopFirstIn,
  EACH_FINE,
  CONTINUED,
  ADDRESSED,
  PATIENT,
  OWN_CONDITION,
  NO_ADJUSTMENT,
  EXCEEDS,
  hepaticLevel,
  reducedEjection,
  STOPPED_AFTER,
  SWITCH,
  washoutIn,
} from './drug-frames.ts';

import { alternatives, REPLACES, same, sameFamily, withoutExamples } from './extract-members.ts';

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
const MAXIMUM =
  /最大(日)?剂量|最大|最高(日)?剂量|不超过|不宜超过|不得超过|最多|maximum|\bmax\b|up to|not (?:to )?exceed|no more than|ceiling|or less|可用至|可加量至|加量至|加至|增加到|增至|titrated? (?:up )?to|increased? to|可加到|(?:可以|可)用到|用到最多|上限|\bcap(?:ped)?\b|limited to/i;

const START_AFTER = /^[^，,。;；\d]{0,10}?(?:起始|开始服用|to start\b|as (?:a|the) start)/i;
const START = /起始|开始|初始|首剂|\bstart(?:s|ed|ing)?\b|\binitial(?:ly)?\b/i;

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
      /(?:同时|正在|同期)(?:在)?(?:吃|服用|服|使用|用)\s*$/.test(before);
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
      // "10 mg of simvastatin": the amount belongs to the drug named after it, not to this one.
      if (next && /^\s*(?:(?:per day|a day|daily)\s*)?of\s*$/i.test(after)) continue;
      // "With amlodipine the cap is 20 mg": a co-medication opening the sentence does not own the amount.
      if (/^\s*with\s+$/i.test(text.slice(0, m.start)) && /\b(?:cap|limit)\b/i.test(segment)) continue;
      const first = before === segment.slice(0, at);
      const nextAmount = after.search(AMOUNT);
      const local = `${a[0]}${nextAmount < 0 ? after : after.slice(0, nextAmount)}`;
      const times =
        frequencyOf(nextAmount < 0 ? `${before}${local}` : local) ?? (first ? undefined : undefined);
      // "her simvastatin 40 mg exceeds the cap": the patient's dose judged, not a dose called fine.
      if (EXCEEDS.test(after)) continue;
      // A maximum word counts in the amount's own clause ("32 mg is the maximum, so your 16 mg dose …").
      const ownBefore = before.slice(
        Math.max(...['，', ',', '；', ';'].map((c) => before.lastIndexOf(c))) + 1,
      );
      const statesMaximum =
        MAXIMUM.test(ownBefore) || (first && MAXIMUM.test(`${text.slice(0, m.start)}${before}`));
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

function clausesOf(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (
      i === text.length ||
      '，,；;：:'.includes(text[i] as string) ||
      /^\s(but|while|whereas|however|unlike)\b/i.test(text.slice(i, i + 9))
    ) {
      if (i > start) out.push({ text: text.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** One entity per drug / class; a drug named right after its class ("ACE inhibitors such as enalapril") merges. */
export function dedupeEntities(mentions: Mention[], kb: DrugKnowledgeBase): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const key = m.drug ? `d:${m.drug.id}` : `c:${m.classId}`;
    if (out.some((x) => (x.drug ? `d:${x.drug.id}` : `c:${x.classId}`) === key)) continue;
    const prev = out[out.length - 1];
    if (
      m.drug &&
      prev?.classId &&
      kb.classesOf(m.drug).includes(prev.classId as never) &&
      m.start - prev.end < 24
    ) {
      out[out.length - 1] = m;
      continue;
    }
    if (
      m.classId &&
      prev?.drug &&
      kb.classesOf(prev.drug).includes(m.classId as never) &&
      m.start - prev.end < 24
    )
      continue;
    out.push(m);
  }
  return out;
}

/** Potassium with words that hold a drug back ("血钾 5.6 时应暂缓", "hold off if potassium is above 5.0"). */
const POTASSIUM_HOLD =
  /(?:钾|potassium|K\+|K⁺)[^，,；;。]{0,16}(?:暂缓|暂停|先不|不要(?!紧)|不宜|推迟)|(?:暂缓|暂停|先不|不要(?!紧)|不宜|推迟)[^，,；;。]{0,16}(?:钾|potassium|K\+|K⁺)|\b(?:hold (?:off|it|back)|wait|defer|delay|unless|only (?:if|once|when)|until)\b[^,;.]{0,30}(?:potassium|K\+|K⁺)|(?:potassium|K\+|K⁺)[^,;.]{0,30}\b(?:hold (?:off|it|back)|defer|delay)\b/i;

const CONDITIONAL = /只要|如果|假如|若|\bif\b|as long as|provided (?:that )?/i;

/** Starting or adding a drug ("可以加用螺内酯", "could still be added", "start"): the potassium gates apply. */
const STARTING =
  /加用|加上|(?:可以|可|能)加|启用|开始(?:使用|服用|用)?|起始|\badd(?:ed|ing)?\b|\bstart(?:ed|ing)?\b|\binitiat\w*|\b(?:is|are) (?:fine|ok|okay|acceptable) for\b/i;

/** Words for a condition that the drug knowledge base's keywords do not carry yet (to move there). */
const MORE_KEYS: Record<string, string[]> = { pregnancy: ['孕妇', '孕产妇', '备孕'] };
const CONDITION_KEYS = Object.values(CONDITIONS)
  .filter((c) => c.id !== 'hypertension')
  .map((c) => ({
    id: c.id,
    label: c.label.zh,
    keys: [...(c.keywords ?? []), c.label.en.toLowerCase(), c.label.zh, ...(MORE_KEYS[c.id] ?? [])],
  }));

const STOPPED =
  /\b(?:stop(?:ping)?|discontinu(?:e|ing)|switch(?:ing)? (?:away )?from|chang(?:e|ing) from|instead of|rather than)\s+(?:the |your |her |his )?$|(?:停用|停止服用|停止使用|停掉|停服|换掉|从|而不是|代替)\s*$/i;

/** Condition ids named in free text (the request's patient conditions). */
export function conditionIdsIn(texts: string[]): string[] {
  const lower = texts.join(' ').toLowerCase();
  return CONDITION_KEYS.filter((c) => c.keys.some((k) => k && lower.includes(k.toLowerCase()))).map(
    (c) => c.id,
  );
}

export { NO_ADJUSTMENT };

export interface DrugClaims {
  interactions: InteractionData[];
  conditions: DrugConditionData[];
}

export function drugClaims(
  text: string,
  mentions: Mention[],
  kb: DrugKnowledgeBase,
  d: Discourse,
  doses: DoseData[],
): DrugClaims {
  const out: DrugClaims = { interactions: [], conditions: [] };
  // "even without a diuretic": a drug named as absent is no member.
  const entities = dedupeEntities(mentions, kb).filter(
    (e) => !ABSENT_BEFORE.test(text.slice(Math.max(0, e.start - 16), e.start)),
  );
  const clauses = clausesOf(text);
  const clauseOf = (m: Mention) => clauses.find((c) => m.start >= c.start && m.start < c.end);
  const pols = clauses.map((c) => clausePolarity(c.text));
  const distinct = new Set(pols.filter(Boolean));
  const sentencePolarity = distinct.size === 1 ? [...distinct][0] : undefined;
  const polarityAt = (m: Mention) => {
    // "stop lisinopril and switch to labetalol": a drug to stop (or switch away from) is said neither safe nor
    // harmful (stopping a drug is not a statement that it is contraindicated).
    if (STOPPED.test(text.slice(Math.max(0, m.start - 24), m.start))) return undefined;
    if (STOPPED_AFTER.test(text.slice(m.end))) return undefined;
    const c = clauseOf(m);
    return (c && clausePolarity(c.text)) ?? sentencePolarity;
  };
  const dailyMg: Record<string, number> = {};
  for (const x of doses)
    dailyMg[x.drug.id] = x.perDay
      ? (x.amountMaxMg ?? x.amountMg)
      : (x.amountMaxMg ?? x.amountMg) * (x.timesPerDay ?? 1);

  // Medicines the patient takes (this sentence or earlier ones).
  const takesHere = entities.filter((e) => {
    const c = clauseOf(e);
    // "只要两种药间隔 4 小时服用，就…" / "as long as they are taken apart": a condition, not what the patient takes.
    return c && TAKES.test(c.text) && !polarity(c.text) && !CONDITIONAL.test(c.text);
  });
  const classCount = entities.filter((e) => e.classId).length;
  const isList = entities.length >= 3 && classCount >= 3 && CLASS_LIST.test(text);
  const isOptions =
    /\bor\b|或|、/.test(text) &&
    !COMBINATION.test(text) &&
    !((d.current.length || takesHere.length) && EACH_FINE.test(text));

  const combo = COMBINATION.test(text) || TAKES.test(text) || NO_INTERACTION.test(text);
  const denied = NO_INTERACTION.test(text);
  const absolute = ABSOLUTE.test(text);
  // "先把可乐定逐渐减停，几天后再停美托洛尔": stopping both, one first.
  const stopFirst = stopFirstIn(
    text,
    mentions.filter((m) => entities.some((e) => same(e, m))),
  );
  // "螺内酯可以和贝那普利一起用，但血钾 5.6 时应暂缓": a clause that holds the combination back at a potassium level.
  const potassiumHeld = clauses.some((c) => POTASSIUM_HOLD.test(c.text));
  // "Switching from lisinopril to sacubitril/valsartan, start 12 hours after the last dose": a switch with an interval.
  const washout = SWITCH.test(text) && entities.length >= 2 ? washoutIn(text) : undefined;
  if (stopFirst) out.interactions.push({ members: entities.slice(0, 2), safe: true, dailyMg: {}, stopFirst });
  else if (washout !== undefined)
    out.interactions.push({ members: entities.slice(0, 2), safe: true, dailyMg: {}, washoutHours: washout });
  // "服用 X 期间用 A 或 B 都可以": options joined by "or" are each combined with what the patient takes.
  else if (!isList && (!isOptions || (d.current.length > 0 && /\bor\b|或/.test(text) && !/、/.test(text)))) {
    // Per polarity: the entities said to be safe / harmful, plus the patient's current medicines.
    for (const pol of ['safe', 'unsafe'] as const) {
      const polar = entities.filter((e) => polarityAt(e) === pol && !takesHere.includes(e));
      // "塞来昔布属于COX-2抑制剂，和依那普利、呋塞米一起用不会增加…风险": a clause opening with "和/与/with" leaves its
      // subject out — the drug that opens the sentence in an earlier clause without a polarity of its own.
      const lead = entities[0];
      const leadClause = lead && clauseOf(lead);
      const polarClause = polar[0] && clauseOf(polar[0]);
      if (
        lead &&
        leadClause &&
        polarClause &&
        leadClause.end <= polarClause.start &&
        !polar.includes(lead) &&
        !takesHere.includes(lead) &&
        !polarity(leadClause.text) &&
        /^\s*(?:和|与|跟|同|together with|with)\s*$/i.test(text.slice(polarClause.start, polar[0]!.start))
      )
        polar.unshift(lead);
      // "You are on losartan and hydrochlorothiazide. Ibuprofen is fine for your back pain.": advice to the patient
      // about a new drug is a combination with what the patient takes.
      const toPatient = d.current.length > 0 && ADDRESSED.test(text) && pol === 'safe';
      if (!polar.length || (!combo && !takesHere.length && !toPatient)) continue;
      // "You take amlodipine and metoprolol. Calcium channel blockers with beta-blockers should be avoided": a class
      // that covers drugs the patient takes stands for them (the claim is about the patient's medicines).
      const mine = (e: Mention) => (e.drug ? [] : d.current.filter((c) => c.drug && sameFamily(e, c)));
      if ((combo || toPatient) && polar.some((e) => mine(e).length))
        polar.splice(0, polar.length, ...polar.flatMap((e) => (mine(e).length ? mine(e) : [e])));
      const members = [...polar, ...takesHere].filter((m, k, all) => all.findIndex((x) => same(x, m)) === k);
      if (combo || toPatient)
        for (const c of d.current)
          if (
            !members.some((x) => same(x, c)) &&
            !(REPLACES.test(text) && polar.some((x) => sameFamily(x, c)))
          )
            members.push(c);
      if (members.length < 2) continue;
      for (const set of alternatives(withoutExamples(members, text), text)) {
        if (set.length < 2) continue;
        out.interactions.push({
          members: set,
          said: polar,
          safe: pol === 'safe',
          ...(d.potassium !== undefined ? { potassium: d.potassium } : {}),
          ...(d.egfr !== undefined ? { egfr: d.egfr } : {}),
          ...(d.conditionIds?.length ? { conditions: d.conditionIds } : {}),
          ...(potassiumHeld ? { potassiumHeld } : {}),
          ...(denied ? { denied } : {}),
          ...(absolute ? { absolute } : {}),
          dailyMg,
        });
      }
    }
  }
  if (takesHere.length && !sentencePolarity)
    for (const e of takesHere) if (!d.current.some((c) => same(c, e))) d.current.push(e);
  // "Losartan can be continued": a medicine the patient already takes.
  for (const e of entities) {
    const c = clauseOf(e);
    if (
      e.drug &&
      c &&
      /\bcontinu\w*|继续(?:使用|服用)?|维持/i.test(c.text) &&
      !d.current.some((x) => same(x, e))
    )
      d.current.push(e);
  }

  // Drug–condition statements (polarity per clause).
  const lower = text.toLowerCase();
  const stated = CONDITION_KEYS.filter(
    (c) =>
      c.keys.some((k) => k && lower.includes(k) && affirmedAt(lower, k, c.id)) ||
      (c.id === 'hfref' && reducedEjection(text)),
  );
  // The patient's own conditions: a sentence about the patient without a drug ("患者有痛风病史", "您怀孕 12 周",
  // "You're now 18 weeks pregnant"), or one that says the patient has or developed it ("You developed angioedema
  // on lisinopril").
  if (
    stated.length &&
    (entities.length ? OWN_CONDITION.test(text) : PATIENT.test(text) || ADDRESSED.test(text))
  ) {
    d.conditionIds = [...new Set([...(d.conditionIds ?? []), ...stated.map((c) => c.id)])];
    d.conditionWords = `${d.conditionWords ?? ''} ${lower}`;
  }
  for (const c of CONDITION_KEYS) {
    if (!stated.includes(c) && !d.conditionIds?.includes(c.id)) continue;
    for (const e of entities) {
      const pol = polarityAt(e);
      if (pol && (!takesHere.includes(e) || (pol === 'safe' && CONTINUED.test(text))))
        out.conditions.push({
          mention: e,
          conditionId: c.id,
          conditionLabel: c.label,
          safe: pol === 'safe',
          // "bilateral" stated here or where the condition was stated (request, an earlier sentence).
          ...(BILATERAL.test(text) || BILATERAL.test(d.conditionWords ?? '') ? { bilateral: true } : {}),
        });
    }
  }
  // Potassium gates: a drug said fit (or not) to start or add at the patient's potassium (stated or carried).
  if (d.potassium !== undefined)
    for (const e of entities) {
      const pol = polarityAt(e);
      const c = clauseOf(e);
      if (pol && c && STARTING.test(c.text) && !takesHere.includes(e)) {
        const k = { mention: e, conditionLabel: `K⁺ ${d.potassium} mmol/L`, safe: pol === 'safe' };
        out.conditions.push({ ...k, conditionId: 'potassium', potassium: d.potassium });
        // Above 5.5 mmol/L it is hyperkalaemia by either cut-off (REFERENCE §5.2: K⁺ >5.0 MRA row, >5.5 ESH).
        // ACE inhibitors and ARBs (§5.2 rows; the MRAs are judged by their own potassium gate).
        const raas = (e.drug ? kb.classesOf(e.drug) : [e.classId]).some((x) => x === 'acei' || x === 'arb');
        if (d.potassium > HYPERKALAEMIA_ABOVE && raas && !ADDED_TO.test(text.slice(0, e.start)))
          out.conditions.push({ ...k, conditionId: 'hyperkalaemia' });
      }
    }
  // Hepatic statements: a drug said usable / not usable at a stated level of hepatic impairment.
  // The level stated here, else the one the request or an earlier sentence gave the patient ("Child-Pugh C").
  const level = hepaticLevel(text) ?? (d.conditionWords ? hepaticLevel(d.conditionWords) : undefined);
  if (level)
    for (const e of entities) {
      const pol = polarityAt(e);
      if (e.drug && pol && !takesHere.includes(e))
        out.conditions.push({
          mention: e,
          conditionId: 'hepatic',
          conditionLabel: level,
          safe: pol === 'safe',
          hepatic: level,
        });
    }
  // Renal statements: a drug said usable / not usable at a stated (or known) eGFR / CrCl.
  const stated_r = renalIn(text);
  const noAdjustment = NO_ADJUSTMENT.test(text);
  // "No adjustment is needed" uses the renal function stated earlier in the answer too.
  // The request's renal function applies to advice addressed to this patient ("二甲双胍可以继续使用" at eGFR 25).
  const fromRequest =
    d.requestRenal && (d.requestRenal.egfr !== undefined || d.requestRenal.crcl !== undefined)
      ? d.requestRenal
      : undefined;
  const r =
    stated_r.egfr !== undefined || stated_r.crcl !== undefined
      ? stated_r
      : noAdjustment
        ? {
            ...(d.egfr !== undefined ? { egfr: d.egfr } : {}),
            ...(d.crcl !== undefined ? { crcl: d.crcl } : {}),
          }
        : (fromRequest ?? {});
  if (r.egfr !== undefined || r.crcl !== undefined) {
    for (const e of entities) {
      const pol = noAdjustment ? 'safe' : polarityAt(e);
      if (!e.drug || !pol) continue;
      out.conditions.push({
        mention: e,
        conditionId: 'renal',
        conditionLabel:
          r.egfr !== undefined ? `eGFR ${renalShown(r.egfr)}` : `CrCl ${renalShown(r.crcl as number)}`,
        safe: pol === 'safe',
        ...(noAdjustment ? { noAdjustment } : {}),
        renal:
          r.egfr !== undefined
            ? { measure: 'eGFR', value: r.egfr }
            : { measure: 'CrCl', value: r.crcl as number },
      });
    }
  }
  return out;
}
