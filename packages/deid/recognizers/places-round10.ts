/**
 * Round 10 (issue 18), recall first (with the safety net): addresses and employers in forms tuning-4's writer
 * used that the older rules leave.
 * Addresses: Hong Kong and Taiwan addresses in traditional characters (區, 號, 樓 read as their simplified forms
 * by the Chinese address rules, offsets unchanged); a street without a number, or with one and a street word the
 * US rule lacks (Parade, Crescent), before a town and a US or Australian state ("Main St, Marlborough, MA",
 * "7 Pelican Parade, Tweed Heads NSW"); streets written with a foreign street word ("ul. Lenina 14-27,
 * Novosibirsk", "Calle Mayor 5, Toledo").
 * Employers: a company's full registered name (…有限公司) anywhere, drug and device makers left; a workplace after
 * an occupation and a pause (外卖骑手，美团配送站); (en) after "started/joined at", "Employer X", "at work (X)",
 * "works nights at the X". Pure.
 */
import type { PhiSpan } from '../types.ts';
import { findAddresses } from './addresses.ts';
import { execAll } from './collect.ts';

/** Traditional address characters, one for one (the text keeps its length). */
const T2S_PLACE = new Map(
  [
    ...'區区號号樓楼層层門门圍围積积園园廈厦館馆鄉乡鎮镇縣县灣湾島岛臺台東东廣广龍龙華华興兴豐丰陽阳關关邊边',
  ].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]!] as const] : [])),
);
const HAS_TRADITIONAL_PLACE = new RegExp(`[${[...T2S_PLACE.keys()].join('')}]`);

/**
 * Administrative levels written before an address the rules found from a lower level ("四川省甘孜藏族自治州" before
 * "康定市新都桥镇营官村二组7号"): the span reaches back over them.
 */
const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆';
const LEVELS_BEFORE = new RegExp(
  `(?:(?:${PROVINCES})(?:省|自治区|壮族自治区|回族自治区|维吾尔自治区)?)?(?:[\u4e00-\u9fa5]{2,8}?(?:自治州|地区|盟|州|市))$`,
);

const STATES =
  '(?:A[LKZR]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]|NSW|VIC|QLD|TAS|ACT)';
const STREET_WORD =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Tce|Circle|Highway|Hwy|Parkway|Pkwy|Square|Sq|Parade|Pde|Crescent|Cres|Close|Grove|Esplanade|Row)';
const STREET_TOWN_STATE = new RegExp(
  `\\b((?:\\d{1,6}[A-Za-z]?[ \\t]+)?(?:[A-Z][a-z]+[ \\t]+){1,3}${STREET_WORD}\\.?,[ \\t]*(?:[A-Z][a-z]+[ \\t]+){0,2}[A-Z][a-z]+,?[ \\t]+${STATES})\\b`,
  'dg',
);
/** Cheap gates (speed): a street word before a comma, a foreign street word, an employment cue. */
const STREET_GATE = new RegExp(`\\b${STREET_WORD}\\.?,`);
const FOREIGN_GATE =
  /(?:\b(?:ul|pr|pl|Av|Str)\.|ulitsa|prospekt|Calle|C\/|Avenida|Rua|Via|Viale|Rue|Strasse|Straße)[ \t]/;
const EN_GATE =
  /tarted|tarting|oined|ired|mployer|at[ \t]+work|orkplace|job[ \t]*\(|[Ww]ork(?:s|ed|ing)?[ \t]/;
const FOREIGN_STREET =
  /\b((?:ul\.|ulitsa|pr\.|prospekt|pl\.|Calle|C\/|Avenida|Av\.|Rua|Via|Viale|Rue|Str\.|Strasse|Straße)[ \t]+[A-ZÀ-Ž][\wÀ-ž'’.-]*(?:[ \t]+[A-ZÀ-Ž][\wÀ-ž'’.-]*)?[ \t]+\d{1,5}[A-Za-z]?(?:[-/]\d{1,4})?,[ \t]*[A-ZÀ-Ž][\wÀ-ž'’-]+(?:[ \t]+[A-ZÀ-Ž][\wÀ-ž'’-]+)?)/dg;

const ZH_FULL_COMPANY =
  /(?<![\u4e00-\u9fa5]{1,4}[（(])([\u4e00-\u9fa5]{4,30}(?:有限责任公司|股份有限公司|有限公司))/dg;
/** Makers of drugs and devices, and health services: no employer in a note (decision 0006). */
const MAKER = /制药|药业|医药|药厂|生物|医疗|器械|医院|卫生|诊所/;
const OCCUPATION =
  '(?:骑手|快递员|外卖员|司机|保安|保洁|职工|员工|工人|职员|店员|营业员|收银员|程序员|工程师|厨师|服务员|会计|文员|销售|经理|主管|教师|老师)';
const OCCUPATION_PAUSE = new RegExp(`${OCCUPATION}[，,、 　]`);
const AFTER_OCCUPATION = new RegExp(
  `${OCCUPATION}[，,、 　]+([\\u4e00-\\u9fa5A-Za-z0-9]{2,16}?(?:配送站|营业部|分公司|公司|门店|专卖店|超市|工厂|厂|仓库|车队|工地|项目部|分店|店|站))(?=[，,。；;\\s]|$)`,
  'dg',
);
const EN_ORG = "((?:[A-Z][\\w&'.-]*)(?:[ \\t]+(?:(?:and|of|&)[ \\t]+)?[A-Z][\\w&'.-]*){0,4})";
const EN_EMPLOYER = [
  new RegExp(
    `\\b(?:[Ss]tarted|[Ss]tarting|[Jj]oined|[Hh]ired)[ \\t]+(?:at|by|with)[ \\t]+(?:the[ \\t]+)?${EN_ORG}`,
    'dg',
  ),
  new RegExp(`\\b[Ee]mployer[ \\t]+(?:is[ \\t]+)?${EN_ORG}`, 'dg'),
  new RegExp(`\\b(?:at[ \\t]+work|[Ww]orkplace|[Ee]mployer|job)[ \\t]*\\(${EN_ORG}\\)`, 'dg'),
  new RegExp(
    `\\b(?:[Ww]orks?|[Ww]orked|[Ww]orking)(?:[ \\t]+(?:nights|days|evenings|weekends|part-time|full-time|shifts))?[ \\t]+(?:at|for)[ \\t]+the[ \\t]+${EN_ORG}`,
    'dg',
  ),
];
/** Capitalised words that start a sentence or name a time, not an organisation. */
const NOT_ORG =
  /^(?:The|A|An|This|That|Home|Night|Nights|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Baseline|Dose|Hospital|Clinic)\b/;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Adds round 10's addresses and employers to `out`. */
export function findRound10Places(text: string, out: PhiSpan[]): void {
  const add = (category: 'ADDRESS' | 'EMPLOYER', start: number, end: number) => {
    const span = { start, end };
    if (category === 'EMPLOYER' && out.some((s) => s.category === 'DATE' && overlaps(s, span))) return;
    out.push({ category, start, end, text: text.slice(start, end) });
  };
  if (HAS_TRADITIONAL_PLACE.test(text)) {
    const simplified = [...text].map((c) => T2S_PLACE.get(c) ?? c).join('');
    if (simplified.length === text.length) {
      const found: PhiSpan[] = [];
      findAddresses(simplified, found);
      for (const s of found) add('ADDRESS', s.start, s.end);
    }
  }
  if (/[州市盟区]/.test(text))
    for (const span of out.slice()) {
      if (span.category !== 'ADDRESS' || span.start === 0) continue;
      const m = LEVELS_BEFORE.exec(text.slice(Math.max(0, span.start - 20), span.start));
      if (m && m[0].length >= 3) add('ADDRESS', span.start - m[0].length, span.end);
    }
  const latin = /[A-Z][a-z]/.test(text);
  if (latin) {
    for (const [gate, regex] of [
      [STREET_GATE, STREET_TOWN_STATE],
      [FOREIGN_GATE, FOREIGN_STREET],
    ] as const) {
      if (!gate.test(text)) continue;
      regex.lastIndex = 0;
      for (const m of execAll(regex, text)) add('ADDRESS', m.indices![1]![0], m.indices![1]![1]);
    }
    for (const regex of EN_GATE.test(text) ? EN_EMPLOYER : []) {
      regex.lastIndex = 0;
      for (const m of execAll(regex, text)) {
        const value = m[1]!.replace(/[ \t.]+$/, '');
        if (NOT_ORG.test(value)) continue;
        const start = m.indices![1]![0];
        add('EMPLOYER', start, start + value.length);
      }
    }
  }
  if (/有限/.test(text)) {
    ZH_FULL_COMPANY.lastIndex = 0;
    for (const m of execAll(ZH_FULL_COMPANY, text))
      if (!MAKER.test(m[1]!)) add('EMPLOYER', m.indices![1]![0], m.indices![1]![1]);
  }
  if (OCCUPATION_PAUSE.test(text)) {
    AFTER_OCCUPATION.lastIndex = 0;
    for (const m of execAll(AFTER_OCCUPATION, text)) add('EMPLOYER', m.indices![1]![0], m.indices![1]![1]);
  }
}
