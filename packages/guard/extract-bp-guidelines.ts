/**
 * Which guideline a blood-pressure value is stated under: full names with their edition ("ACC/AHA 2017", "中国2018",
 * "the 2024 revision of the Chinese guideline"), bare names in the value's own stretch of the sentence ("ESH/中国
 * ≥140/90，ACC/AHA ≥130/80"), one reading judged under several guidelines in turn ("按ACC/AHA 2017 属于…，按ESH 2023
 * 或中国指南则不算高血压"), values listed "respectively" without a guideline of their own, and a span of categories
 * given in order ("grades 1 to 3 starting at 140/90, 160/100 and 180/110").
 */
import type { Guideline } from '@qihuang/engines/blood-pressure';

export const NAMED: [Guideline, RegExp][] = [
  ['acc-aha-2017', /ACC\s*\/\s*AHA\s*(?:\(?\s*)?2017|2017\s*(?:年\s*)?ACC\s*\/\s*AHA/i],
  ['esh-2023', /ESH\s*2023|2023\s*(?:年\s*)?ESH/i],
  // "the 2024 revision of the Chinese … guideline" names the edition too.
  [
    'china-2024',
    /(中国|China|Chinese).{0,16}2024|2024.{0,12}(中国|China|Chinese)|2024 (?:revision|edition|update|version) of the (?:China|Chinese)/i,
  ],
  [
    'china-2018',
    /(中国|China|Chinese).{0,16}2018|2018.{0,12}(中国|China|Chinese)|2018 (?:revision|edition|update|version) of the (?:China|Chinese)/i,
  ],
];

export function guidelineIn(text: string): Guideline | undefined {
  return NAMED.find(([, re]) => re.test(text))?.[0];
}

/**
 * The guideline a value at `at` is stated under: the one named last before it in the sentence, else the first named
 * after it ("ESH 2023 aims for <140/80, whereas China 2018 accepts <150/90": each value takes its own).
 */
export function guidelineAt(text: string, at: number): Guideline | undefined {
  let before: NameSpan | undefined;
  let after: NameSpan | undefined;
  // The sentence's names are read once (nameSpans); full names only, the first in NAMED order at a position.
  for (const x of nameSpans(text)) {
    if (!x.full) continue;
    if (x.at < at && (!before || x.at > before.at)) before = x;
    if (x.at >= at && (!after || x.at < after.at)) after = x;
  }
  return (before ?? after)?.gs[0];
}

/** Every guideline a text names. */
export const guidelinesIn = (text: string): Guideline[] =>
  NAMED.filter(([, re]) => re.test(text.normalize('NFKC'))).map(([g]) => g);

const CHINA: Guideline[] = ['china-2018', 'china-2024'];
/** Guideline names without an edition: the editions the engine carries for that family. */
const BARE: [Guideline[], RegExp][] = [
  [['acc-aha-2017'], /ACC\s*\/\s*AHA|AHA\s*\/\s*ACC|美国(?:指南|标准)?|\bAmerican\b|\bUS\b/gi],
  [['esh-2023'], /\bESH\b|欧洲(?:指南|标准)?|\bEuropean\b/gi],
  [CHINA, /中国|我国|国内|\bChina\b|\bChinese\b/gi],
];

interface NameSpan {
  at: number;
  end: number;
  gs: Guideline[];
  full: boolean;
}

/** Every guideline name in the sentence, full (with edition) or bare, in order; a bare name inside a full one is
 * part of it. */
const NAMED_G = (): [Guideline, RegExp][] => NAMED.map(([g, re]) => [g, new RegExp(re.source, 'gi')]);
let namedG: [Guideline, RegExp][] | undefined;
/** One-sentence memo: every value of a sentence asks for the same spans. */
let memo: { t: string; spans: NameSpan[] } | undefined;

function nameSpans(t: string): NameSpan[] {
  if (memo?.t === t) return memo.spans;
  const spans: NameSpan[] = [];
  // Names need a letter or 中/我/国/美/欧 — most sentences have no guideline name at all.
  if (/ACC|AHA|ESH|中国|我国|国内|China|Chinese|美国|American|\bUS\b|欧洲|European/i.test(t)) {
    for (const [g, re] of (namedG ??= NAMED_G()))
      for (const m of t.matchAll(re))
        spans.push({ at: m.index as number, end: (m.index as number) + m[0].length, gs: [g], full: true });
    for (const [gs, re] of BARE)
      for (const m of t.matchAll(re)) {
        const at = m.index as number;
        if (!spans.some((x) => x.full && at >= x.at && at < x.end))
          spans.push({ at, end: at + m[0].length, gs, full: false });
      }
    spans.sort((a, b) => a.at - b.at);
  }
  memo = { t, spans };
  return spans;
}

/**
 * Bare names between the previous value and this one ("ESH/中国 ≥140/90，ACC/AHA ≥130/80"): the guidelines this
 * value is stated under, when no full name stands there.
 */
export function bareGuidelinesAt(t: string, at: number, from: number): Guideline[] | undefined {
  const here = nameSpans(t).filter((x) => x.at >= from && x.end <= at);
  if (!here.length || here.some((x) => x.full)) return undefined;
  // "ESH/中国", "ESH 或中国": names joined into one group; else the one nearest the value.
  const last = here[here.length - 1] as NameSpan;
  const group = [last];
  for (let i = here.length - 2; i >= 0; i--) {
    const x = here[i] as NameSpan;
    if (
      !/^\s*(?:\/|、|或者?|和|与|及|以及|or|and|,|，)?\s*$/i.test(t.slice(x.end, (group[0] as NameSpan).at))
    )
      break;
    group.unshift(x);
  }
  return [...new Set(group.flatMap((x) => x.gs))];
}

/** Stretches after a reading, each led by the guideline(s) it is judged under ("按ACC/AHA 2017 …，按ESH 2023 或中国指南
 * …"): only when at least two different groups follow. */
export function segmentsAfter(t: string, end: number): { from: number; to: number; gs: Guideline[] }[] {
  const spans = nameSpans(t).filter((x) => x.at >= end);
  const groups: { from: number; last: number; gs: Guideline[] }[] = [];
  for (const x of spans) {
    const g = groups[groups.length - 1];
    if (
      g &&
      /^\s*(?:\/|、|或者?|和|与|及|以及|or|and|,)?\s*(?:指南|guidelines?)?\s*$/i.test(t.slice(g.last, x.at))
    ) {
      g.gs = [...new Set([...g.gs, ...x.gs])];
      g.last = x.end;
    } else groups.push({ from: x.at, last: x.end, gs: [...x.gs] });
  }
  if (groups.length < 2) return [];
  return groups.map((g, i) => ({ from: g.from, to: groups[i + 1]?.from ?? t.length, gs: g.gs }));
}

/** "一个是…，一个是…", "respectively", "分别": values listed in an order the sentence does not tie to a guideline. */
export const RESPECTIVE =
  /一个是|另一个是|一个为|另一个为|分别|respectively|\bthe other\b|\bone (?:is|at|uses)\b/i;

/** "grades 1 to 3 starting at …", "1–3 级分别为 …", "stages 1 and 2 begin at …": categories given in order. */
export function categorySpan(
  t: string,
): { at: number; end: number; categories: string[]; starts: boolean } | undefined {
  const m =
    /\b(grade|stage)s\s*([1-3]|I{1,3})\s*(?:to|–|-|~|through|and)\s*([1-3]|I{1,3})\b|([1-3一二三])\s*(?:[–~～-]|至|到)\s*([1-3一二三])\s*(级|期)/i.exec(
      t,
    );
  if (!m) return undefined;
  const n = (x: string) =>
    /^I+$/i.test(x) ? x.length : (({ 一: 1, 二: 2, 三: 3 } as Record<string, number>)[x] ?? Number(x));
  const kind = m[1] ? m[1].toLowerCase() : m[6] === '期' ? 'stage' : 'grade';
  const a = n((m[2] ?? m[4]) as string);
  const b = n((m[3] ?? m[5]) as string);
  if (!(a < b)) return undefined;
  const categories = Array.from({ length: b - a + 1 }, (_x, i) => `${kind}-${a + i}`);
  const end = (m.index as number) + m[0].length;
  const starts = /^[^。.;；\d]{0,30}(?:start|begin|from|起|≥|>=|at\b)/i.test(t.slice(end));
  return { at: m.index as number, end, categories, starts };
}

/**
 * A value in brackets right after another value, with no guideline named inside the brackets before it ("ACC/AHA用
 * ≥125/75（对应诊室130/80）", "≥125/75 (office 130/80)"), glosses that value: it is read under the same guideline.
 */
export function glossedValue<V extends { at: number; end: number }>(t: string, values: V[], v: V): V {
  const prev = [...values].reverse().find((w) => w.end <= v.at);
  if (!prev) return v;
  const between = t.slice(prev.end, v.at);
  const open = between.search(/[（(][^（）()]*$/);
  if (open < 0 || /[）)]/.test(between) || nameSpans(between).length) return v;
  return /^[^，,；;。]*$/.test(between.slice(0, open)) ? prev : v;
}
