/**
 * Does a cited passage state what the sentence says? Both are read into slots — a number with its unit and the
 * words that qualify it (whose dose, which population, which setting, which category, a maximum or a start) —
 * plus the drugs/classes named and the polarity (safe / to avoid). The sentence is:
 * - contradicted when the passage gives a different number for the best-matching slot, or the opposite polarity
 *   for the same drugs;
 * - supported when every number and drug of the sentence is found in the passage with the same qualifiers and
 *   polarity;
 * - unverifiable otherwise (the passage says nothing about it).
 */
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { findMentions } from '../../mentions.ts';
import { COMBINATION, polarity } from '../../polarity.ts';
import { recommendedIn } from '../../drug-frames.ts';

// Qualifiers (zh/en) and their weight in matching a number to the passage's number.
const ANCHORS: [string, RegExp, number][] = [
  ['older', /older|elderly|老年|老人|高龄/i, 2],
  ['potassium', /potassium|K\+|K⁺|血钾|钾/i, 2],
  ['egfr', /eGFR|\bGFR|肾小球滤过率/i, 2],
  ['crcl', /CrCl|creatinine clearance|肌酐清除率/i, 2],
  ['night', /night|nocturnal|夜间/i, 2],
  ['home', /\bhome\b|家庭/i, 2],
  ['24h', /24[- ]?(?:h\b|hour)|24\s*小时/i, 2],
  ['day', /daytime|白天/i, 2],
  ['general', /general|most adults|一般/i, 2],
  ['tolerated', /tolerat|耐受/i, 2],
  ['max', /\bmax|maximum|up to|not exceed|no more than|不超过|最大|最高|increased? to|增加到|加至/i, 1],
  ['start', /start|initial|起始|开始/i, 1],
  ['below', /below|under|less than|<|＜|低于|以下|小于/i, 1],
  ['above', /above|over|more than|>|≥|高于|以上|大于/i, 1],
];
const VALUE_IN = /\d/;
const VALUE = /\d+(?:\.\d+)?(?:\s*(?:\/|[–—~-](?=\s*\d))\s*\d+(?:\.\d+)?)?/g;
const CATEGORY = /stage\s*([12])|grade\s*([123])|([123])\s*级|(?<![A-Za-z0-9])(G[1-5][ab]?)(?![A-Za-z0-9])/gi;

interface Slot {
  /** A number, or a pair/range read as one value ("130/80", "130–139"). */
  value: number | string;
  unit?: string;
  anchors: Map<string, number>;
}

function unitOf(after: string): string | undefined {
  const m = /^\s*(mg|mmHg|mmol|mL\/min|%|岁|years?|weeks?|周|days?|天|months?|个?月)/i.exec(after);
  if (!m) return undefined;
  const u = (m[1] as string).toLowerCase();
  if (/^(岁|year)/.test(u)) return 'y';
  if (/^(week|周)/.test(u)) return 'w';
  if (/^(day|天)/.test(u)) return 'd';
  if (/^(month|个?月)/.test(u)) return 'm';
  return u;
}

function anchorsIn(text: string, entities: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, re, w] of ANCHORS) if (re.test(text)) out.set(key, w);
  for (const m of text.matchAll(CATEGORY)) {
    const grade = m[2] ?? m[3];
    const key = m[1] ? `s${m[1]}` : grade ? `g${grade}` : (m[4] as string).toUpperCase();
    out.set(`cat:${key}`, 3);
  }
  for (const e of entities) out.set(`e:${e}`, 1);
  return out;
}

const clean = (t: string) =>
  t
    .normalize('NFKC')
    .replace(/m[lL]\s*\/\s*min\s*\/\s*1[.,]73\s*m\s*(?:2|²)/g, 'mL/min')
    .replace(/K⁺/g, 'K+');

export interface Reading {
  slots: Slot[];
  entities: Set<string>;
  polarity?: 'safe' | 'unsafe';
  text: string;
  /** Clause by clause: the drugs named and what is said of them ("X is preferred, while Y is contraindicated"). */
  parts: { entities: Set<string>; polarity?: 'safe' | 'unsafe' }[];
}

/**
 * Clauses with their own polarity: split at commas, semicolons, "while/whereas/but/and", "而/但"; a clause that
 * says nothing (a list item, "in pregnancy") joins the next one.
 */
function partsOf(text: string, kb: DrugKnowledgeBase): Reading['parts'] {
  const pieces = text.split(/[，,；;]|\s(?:while|whereas|but|and)\s|而|但/i);
  const out: Reading['parts'] = [];
  let pending = '';
  let listed = false;
  for (const piece of pieces) {
    // "the preferred medicines are A, B and C, while …": a bare drug name right after a part is one more item of it.
    const items = entityIds(piece, kb);
    if (!pending && listed && items.length && !polarity(piece) && piece.trim().length <= 30) {
      for (const e of items) out[out.length - 1]!.entities.add(e);
      continue;
    }
    pending = pending ? `${pending}, ${piece}` : piece;
    // "孕期常用的是 A、B", "the preferred medicines are …": choices (drug-frames.ts, as in extraction).
    const pol = polarity(pending) ?? (recommendedIn(pending) ? 'safe' : undefined);
    listed = !!pol;
    if (!pol) continue;
    out.push({ entities: new Set(entityIds(pending, kb)), polarity: pol });
    pending = '';
  }
  if (pending && out.length) {
    const last = out[out.length - 1]!;
    for (const e of entityIds(pending, kb)) last.entities.add(e);
  }
  return out.filter((p) => p.entities.size);
}

function drugIds(text: string, kb: DrugKnowledgeBase): string[] {
  return [...new Set(findMentions(text, kb).map((m) => m.drug?.id ?? m.classId ?? ''))].filter(Boolean);
}

function entityIds(text: string, kb: DrugKnowledgeBase): string[] {
  const ids: string[] = [];
  for (const m of findMentions(text, kb)) {
    if (m.drug) ids.push(m.drug.id, ...kb.classesOf(m.drug));
    else if (m.classId) ids.push(m.classId);
  }
  return [...new Set(ids)];
}

/** Reads one sentence or passage unit. */
export function read(
  raw: string,
  kb: DrugKnowledgeBase,
  inherit: string[] = [],
  /** The discourse subject (drug ids the sentence before named): a clause naming no drug before any clause of this
   * unit names one is about it, not about a drug a later clause names ("正确的是每日不超过20 mg，若与维拉帕米合用则…"). */
  subject: string[] = [],
): Reading {
  const text = clean(raw);
  const slots: Slot[] = [];
  const unitDrugs = drugIds(text, kb);
  // "地尔硫䓬合用辛伐他汀时，辛伐他汀每日不超过10 mg": the drugs of a "…时" / "when …" clause are the next clause's too.
  let carried: string[] = [];
  // Claim scope: the drugs of a clause without a value ("With amlodipine,", "Simvastatin with amlodipine:") are the
  // pair the next clause's values are about.
  let lead: string[] = [];
  let seenDrug = false;
  for (const clause of text.split(/[，,:：]|\band\b|(?<=\S);/)) {
    const named = drugIds(clause, kb);
    const own = named.length ? [...new Set([...named, ...carried, ...lead])] : lead;
    carried = /(?:合用|联用|同服|使用|服用)?时\s*$|^\s*when\b/i.test(clause) ? named : [];
    lead = named.length && !VALUE_IN.test(clause) ? [...new Set([...named, ...lead])] : [];
    const entities = own.length
      ? own
      : subject.length && !seenDrug
        ? subject
        : unitDrugs.length
          ? unitDrugs.slice(0, 1)
          : inherit.slice(0, 1);
    if (named.length) seenDrug = true;
    let prev = 0;
    const numbers = [...clause.matchAll(VALUE)];
    for (const [i, m] of numbers.entries()) {
      const at = m.index as number;
      // "130/80" and "130–139" are one value: the second number is not compared on its own.
      const rawN = m[0].replace(/\s+/g, '').replace(/[—~-]/g, '–');
      const after = clause.slice(at + m[0].length);
      const nextAt = (numbers[i + 1]?.index as number | undefined) ?? clause.length;
      const before = clause.slice(Math.max(0, at - 8), at);
      const skip =
        /^(19|20)\d\d(?:\/(19|20)\d\d)?$/.test(rawN) ||
        /^(级|期|型|类|[ab]\b)/.test(after) ||
        /(stage|grade|\bG|β|CYP|type)\s*$/i.test(before) ||
        /^\s*[-–]?\s*(?:h\b|hour|小时)/i.test(after) ||
        // "1. …；2. …": a list item's number opening its clause is no value.
        (/^[\s(（]*$/.test(clause.slice(0, at)) && /^\s*[.、)）](?!\d)/.test(after));
      if (skip) continue;
      const segment = clause.slice(prev, at);
      prev = at + m[0].length;
      let anchors = anchorsIn(segment, []);
      if (![...anchors.values()].some((w) => w >= 2)) {
        // Qualifiers after the value up to the next value ("5 mg (2.5 mg in older patients)": "older" is 2.5's).
        const tail = anchorsIn(clause.slice(at + m[0].length, nextAt), []);
        for (const [k, w] of tail) if (!anchors.has(k)) anchors.set(k, w);
      }
      // "老年人可从 2.5 mg 起始": a start word after the value in its clause qualifies it.
      else if (/^[^，,。;；\d]{0,8}?(?:起始|开始|to start)/i.test(clause.slice(at + m[0].length, nextAt)))
        anchors.set('start', 1);
      const withEntities = anchorsIn('', entities);
      anchors = new Map([...anchors, ...withEntities]);
      // a number right after "/" shares the anchors of the number before it (120/80)
      const unit = unitOf(after);
      slots.push({ value: /[/–]/.test(rawN) ? rawN : Number(rawN), ...(unit ? { unit } : {}), anchors });
    }
  }
  const pol = polarity(text);
  return {
    slots,
    entities: new Set(entityIds(text, kb)),
    ...(pol ? { polarity: pol } : {}),
    text: raw.trim(),
    parts: partsOf(text, kb),
  };
}

function score(a: Slot, b: Slot): number {
  if (a.unit && b.unit && a.unit !== b.unit) return -1;
  // A value said of a pair is compared only with the passage's values about the same pair (claim scope).
  const drugs = [...a.anchors.keys()].filter((k) => k.startsWith('e:'));
  if (drugs.length >= 2 && drugs.some((k) => !b.anchors.has(k))) return -1;
  let s = 0;
  for (const [k, w] of a.anchors) if (b.anchors.has(k)) s += w;
  return s;
}

export interface Comparison {
  verdict: 'supported' | 'contradicted' | 'unverifiable';
  reason: string;
  unit?: string;
}

export function compare(claim: Reading, passage: Reading[], lang: 'zh' | 'en' = 'en'): Comparison {
  const L = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const all = passage.flatMap((u) => u.slots);
  const missing: (number | string)[] = [];
  for (const slot of claim.slots) {
    const scored = all.map((p) => ({ p, s: score(slot, p) })).filter((x) => x.s >= 0);
    const exact = scored.filter((x) => x.p.value === slot.value);
    const best = Math.max(0, ...scored.map((x) => x.s));
    if (best >= 2) {
      const top = scored.filter((x) => x.s === best);
      if (top.some((x) => x.p.value === slot.value)) continue;
      const unit = passage.find((u) => u.slots.includes(top[0]!.p));
      return {
        verdict: 'contradicted',
        reason: L(
          `资料中此处为 ${top.map((x) => x.p.value).join('/')}，而非 ${slot.value}`,
          `the passage gives ${top.map((x) => x.p.value).join('/')} here, not ${slot.value}`,
        ),
        ...(unit ? { unit: unit.text } : {}),
      };
    }
    if (!exact.length) missing.push(slot.value);
  }
  // Polarity for the same drugs, clause by clause on both sides.
  const claimParts = claim.parts.length
    ? claim.parts
    : claim.polarity
      ? [{ entities: claim.entities, polarity: claim.polarity }]
      : [];
  const passageParts = passage.flatMap((u) =>
    (u.parts.length ? u.parts : u.polarity ? [{ entities: u.entities, polarity: u.polarity }] : []).map(
      (p) => ({
        ...p,
        text: u.text,
      }),
    ),
  );
  for (const part of claimParts) {
    if (!part.polarity || !part.entities.size) continue;
    const overlap = (u: { entities: Set<string> }) =>
      [...part.entities].filter((e) => u.entities.has(e)).length -
      0.1 * [...u.entities].filter((e) => !part.entities.has(e)).length;
    const best = [...passageParts].sort((a, b) => overlap(b) - overlap(a))[0];
    if (
      best &&
      overlap(best) > 0.5 &&
      best.polarity &&
      best.polarity !== part.polarity &&
      overlap(best) >= Math.min(2, part.entities.size) - 0.5
    )
      return {
        verdict: 'contradicted',
        reason: L(
          `资料的说法相反：${best.polarity === 'unsafe' ? '应避免' : '可以使用'}`,
          `the passage says ${best.polarity === 'unsafe' ? 'to avoid it' : 'it can be used'}`,
        ),
        unit: best.text,
      };
  }
  const passageEntities = new Set(passage.flatMap((u) => [...u.entities]));
  const missingEntities = [...claim.entities].filter((e) => !passageEntities.has(e));
  if (missing.length || missingEntities.length)
    return {
      verdict: 'unverifiable',
      reason: L(
        `资料未提及${missing.length ? ` ${missing.join('、')}` : '此内容'}`,
        `the passage does not state ${missing.length ? missing.join(', ') : 'this'}`,
      ),
    };
  if (!claim.slots.length && !claim.entities.size)
    return { verdict: 'unverifiable', reason: L('没有可比对的内容', 'nothing to compare') };
  // A combination ("ACEI 与 ARB 联用") is supported only by a passage that speaks of combining them, not by one that
  // names each separately ("ACE inhibitors and ARBs are contraindicated in pregnancy").
  if (
    claim.entities.size >= 2 &&
    COMBINATION.test(claim.text) &&
    !passage.some((u) => COMBINATION.test(u.text) && [...claim.entities].every((e) => u.entities.has(e)))
  )
    return {
      verdict: 'unverifiable',
      reason: L('资料未提及这些药物联用', 'the passage does not speak of combining them'),
    };
  return { verdict: 'supported', reason: L('资料中有相同表述', 'the passage states it') };
}

/** Passage units (sentences). */
export function passageUnits(text: string, kb: DrugKnowledgeBase): Reading[] {
  const first = drugIds(clean(text), kb);
  return text
    .split(/(?<=[。！？!?；;])|(?<=\.)\s+/)
    .filter((s) => s.trim())
    .map((s) => read(s, kb, first));
}
