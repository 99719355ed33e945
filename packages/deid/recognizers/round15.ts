/**
 * Round 15 (issue 18), recall first (with the safety net): general mechanisms, not phrases
 * (docs/notes/deid-round15-2026-12-08.md).
 * 1. Chat speakers: the token before a line's colon after a time stamp ([08:15] 查文博（肾内科）：), the name after
 *    a relation or role and a dash (二哥-振宇：), a nickname with an emoji (甜甜🍬：); bare roles (患者：, 护士：)
 *    and dictionary words stay.
 * 2. Short phone numbers after a phone word (分机 7315, 电话 6642, ext. 4410, bleep 2289), masked mobiles
 *    (139****2087), the last four characters of an ID card with its check letter (后四位 511X).
 * 3. Chinese addresses by their chain of suffixes: a province or city, further levels (区/县/镇/乡/街道), a road
 *    and door number or an estate, then buildings, units and rooms (昆明市五华区青年路210号, …花果园R2区4栋
 *    2单元2204); the place verb before it (在, 住, 寄至) is left out.
 * Pure (the dictionary is read once, lazily; see zh-words.ts).
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';
import { findRound15Employers } from './round15-employers.ts';
import { findRound15Names } from './round15-names.ts';
import { surnameOf } from './zh-name-model.ts';
import { isCommonWord, isWord2 } from './zh-words.ts';

const HAN = '\\u4e00-\\u9fa5';

/** 1. A chat line's head: a time stamp, then a speaker, an optional bracket, a colon. */
const STAMPED_SPEAKER = new RegExp(
  `^[ \\t]*[\\[【(（]?\\d{1,2}:\\d{2}(?::\\d{2})?[\\]】)）]?[ \\t　]*([${HAN}]{2,4})(?=[ \\t]*(?:[（(][^）)\\n]{1,12}[）)])?[ \\t]*[：:])`,
  'dgm',
);
/** A relation or role, a dash, a name (二哥-振宇：, 护士长-龚丽：). */
const DASHED_SPEAKER = new RegExp(
  `^[ \\t]*(?:[\\[【(（]?\\d{1,2}:\\d{2}[\\]】)）]?[ \\t　]*)?[${HAN}]{1,4}[-－—–]([${HAN}]{2,3})(?=[ \\t]*[：:])`,
  'dgm',
);
/** A nickname followed by an emoji before the colon (甜甜🍬：, 敏敏🌸：). */
const EMOJI_SPEAKER = new RegExp(
  `^[ \\t]*([${HAN}]{2,3}|[A-Za-z][A-Za-z0-9_]{1,15})(?=(?:\\p{Extended_Pictographic}|\\uFE0F|\\u200D)+[ \\t]*[：:])`,
  'dgmu',
);
/** Roles and words that speak in dialogues; never masked as a name. */
const ROLE = new RegExp(
  `(?:患者|病人|患儿|医生|医师|大夫|护士|护士长|护理|家属|用户|客服|助手|药师|主任|老师|师傅|管理员|系统|值班|群主|小助手|咨询者|提问者|回答者|本人|我|你|他|她|爸爸|妈妈|哥哥|姐姐|弟弟|妹妹|爷爷|奶奶|外婆|外公|儿子|女儿|老公|老婆|阿姨|叔叔|大爷|大妈|大姐|大哥|姐|哥|姨|叔|伯|婶|嫂|妹|弟)$`,
);
/** A reading after the colon (a number): the head is a measurement's label. */
const READING_AFTER = /^[ \t]*(?:[（(][^）)\n]{1,12}[）)])?[ \t]*[：:][ \t]*[\d<>≤≥+-]/;
const notAName = (token: string) =>
  ROLE.test(token) || isCommonWord(token) || (token.length === 2 && isWord2(token));

function findChatSpeakers(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  // After a time stamp: a surname-led token whose line is no reading (小便：200ml, 体温：37.2℃).
  if (/\d:\d\d/.test(text))
    for (const m of execAll(STAMPED_SPEAKER, text)) {
      const [start, end] = m.indices![1]!;
      if (notAName(m[1]!) || !surnameOf(m[1]!) || READING_AFTER.test(text.slice(end, end + 16))) continue;
      add(start, end, 'PATIENT_NAME');
    }
  if (/[-－—–]/.test(text))
    for (const m of execAll(DASHED_SPEAKER, text))
      if (!notAName(m[1]!)) add(...m.indices![1]!, 'PATIENT_NAME');
  if (/[：:]/.test(text))
    // An emoji after it marks a nickname even when it is a word (甜甜, 豆豆); roles stay.
    for (const m of execAll(EMOJI_SPEAKER, text))
      if (!ROLE.test(m[1]!)) add(...m.indices![1]!, 'PATIENT_NAME');
}

/** 2. Short numbers after a phone word: an extension, a ward line, a bleep. */
const SHORT_PHONE =
  /(?:分机|内线|座机|电话|联系电话|手机|Tel\.?|tel\.?|Ext\.?|ext\.?|EXT\.?|extension|Extension|bleep|Bleep|pager|Pager)(?:号码|号)?[ \t]*[:：#]?[ \t]*(\d{3,5})(?![\d.:\-/])(?![ \t]*(?:次|分钟|min|元|个|天|人|小时|h\b|岁|mg|ml))/dg;
/** A mobile with its middle digits masked (139****2087). */
const MASKED_MOBILE = /(?<!\d)(1[3-9]\d[*＊xX×]{4}\d{4})(?!\d)/dg;
/** The last four characters of an ID card, its check letter included (后四位 511X). */
const LAST_FOUR_X = /(?:尾号|后四位|末四位|后4位|末4位)[为是：:\s]*(\d{3}[Xx])(?![\dA-Za-z])/dg;

/** 4. A URL of any scheme (sftp://, ftp://, smb://, ssh://), not only http. */
const ANY_SCHEME_URL =
  /\b((?:s?ftp|ssh|smb|nfs|git|rsync|ldaps?|file):\/\/[^\s<>"'，。；、）)]+[^\s<>"'，。；、）).,;:!?])/dg;
/**
 * 5. A code after a label of reference, badge, registration or plate (Ref RX 5518290, Badge 1187, plate IN 4BX
 *    719, reg WX71 KTE, Client ID: HH-220518, prescriber no. 2155063T): up to three groups with digits.
 */
const LABELLED_CODE =
  /\b(?:Ref|Badge|badge|reg|Reg|registration|plate|Plate|[Cc]lient ID|[Mm]ember ID|[Pp]rescriber no\.?|[Pp]rovider no\.?|[Ll]icen[cs]e no\.?)[ \t]*[:#.]?[ \t]*((?=[A-Z0-9 -]{0,14}\d)[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{2,8}){0,2})(?![A-Za-z0-9])/dg;

/** 3. A Chinese address by its chain of suffixes. */
const TOP = `[${HAN}]{2,8}?(?:省|自治区|市)`;
const LEVEL = `[${HAN}]{1,6}?(?:自治州|地区|盟|市|区|县|旗|镇|乡|街道)`;
const ROAD = `[${HAN}\\d]{1,10}?(?:大道|大街|路|街|巷|弄|胡同)(?:与[${HAN}\\d]{1,8}?(?:大道|路|街)(?:交叉口|交汇处|路口|口)?)?(?:\\d{1,5}(?:号|弄))?`;
const ESTATE = `[${HAN}]{2,8}?(?:广场|大厦|大楼|中心|花园|小区|公寓|家园|新村|园|苑|城|府|庭|湾|里|村)`;
const UNIT = `(?:[A-Za-z]?\\d{0,4}[A-Za-z]?(?:号楼|座|栋|幢|楼|区|单元|层|室|号|组)|-?\\d{3,5}(?![\\d]))`;
const CHAIN = new RegExp(
  `${TOP}(?:${LEVEL}){0,3}(?:${ROAD})?(?:${ESTATE})?(?:${UNIT}){0,5}(?:[${HAN}]{2,8}?(?:大厦|项目部|广场))?`,
  'dg',
);
/** A place verb or a label the chain's first segment may start with (在, 住, 寄至, 地址：). */
const PLACE_VERB = /.*(?:在|住|至|于|到|寄|往|从|居|址|为|是|：|:)/s;

function findAddressChains(text: string, out: PhiSpan[]): void {
  for (const m of execAll(CHAIN, text)) {
    let start = m.indices![0]![0];
    const end = m.indices![0]![1];
    const value = m[0];
    // An address has a door number, a building or a room: a chain of levels alone is prose (湖南省高血压…).
    if (!/\d/.test(value) || !/号|栋|幢|座|单元|室|层|弄/.test(value)) continue;
    const top = /^[\u4e00-\u9fa5]+?(?:省|自治区|市)/.exec(value)![0];
    const verb = PLACE_VERB.exec(top.slice(0, -1));
    let cut = verb ? verb[0].length : 0;
    const name = top.length - cut - (top.endsWith('自治区') ? 3 : 1);
    if (name > 4) cut += name - 3; // a province or city name has 2–4 characters
    start += cut;
    if (end - start < 6) continue;
    out.push({ category: 'ADDRESS', start, end, text: text.slice(start, end) });
  }
}

/** Adds round 15's chat speakers, short phones and address chains to `out`. */
export function findRound15(text: string, out: PhiSpan[]): void {
  const zh = /[\u4e00-\u9fa5]/.test(text);
  if (zh) findChatSpeakers(text, out);
  if (/\d{3}/.test(text)) {
    for (const m of execAll(SHORT_PHONE, text)) {
      const [start, end] = m.indices![1]!;
      out.push({ category: 'PHONE', start, end, text: m[1]! });
    }
    for (const rule of [MASKED_MOBILE, LAST_FOUR_X])
      for (const m of execAll(rule, text)) {
        const [start, end] = m.indices![1]!;
        out.push({ category: rule === MASKED_MOBILE ? 'PHONE' : 'ID_CARD', start, end, text: m[1]! });
      }
  }
  if (zh && /[省市]/.test(text)) findAddressChains(text, out);
  if (text.includes('://'))
    for (const m of execAll(ANY_SCHEME_URL, text))
      out.push({ category: 'URL', start: m.indices![1]![0], end: m.indices![1]![1], text: m[1]! });
  if (/[A-Za-z]/.test(text))
    for (const m of execAll(LABELLED_CODE, text)) {
      // Two digits at least, and a letter or four digits (not "reg 12", "plate 2 of 3").
      const digits = m[1]!.replace(/\D/g, '').length;
      if (digits < 2 || (digits < 4 && !/[A-Z]/.test(m[1]!))) continue;
      out.push({ category: 'IDENTIFIER', start: m.indices![1]![0], end: m.indices![1]![1], text: m[1]! });
    }
  findRound15Employers(text, out);
  findRound15Names(text, out);
}
