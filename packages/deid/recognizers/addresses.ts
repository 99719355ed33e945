/**
 * Addresses (Safe Harbor item B: street address, city, county, precinct, ZIP — every subdivision smaller
 * than a state/province). Chinese: province → city → district/county → town/street office → road and door
 * number → building, unit, floor and room (省/市/区/县/街道/路/号/栋/单元/室), with or without the
 * administrative part; or any text after an address cue (住址/家住). US: number and street, unit, city,
 * state (the ZIP is its own span, generalised separately).
 */
import type { PhiSpan } from '../types.ts';
import { matchesNear } from './near.ts';
import { execAll } from './collect.ts';

const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
// A place-name character: CJK, but not words that typically precede an address (住在, 位于, 来自 …).
const P = '(?:(?![在住于到从自是为和与及的了者家址居现位来前往我们送他她系，。；])[\\u4e00-\\u9fa5])';
const NUM = '(?:\\d+|[一二三四五六七八九十百零]+)';
const PROVINCE = `(?:${PROVINCES})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?`;
// Round 10: 自治州 (甘孜藏族自治州) — 自 is no place character elsewhere.
const CITY = `${P}{2,6}?(?:自治州|市|州|盟|地区)`;
const DISTRICT = `${P}{1,6}?(?:区|县|旗)`;
const TOWN = `${P}{1,6}?(?:镇|乡|街道)`;
const ADMIN = `(?:${PROVINCE})?(?:${CITY})?(?:${DISTRICT})?(?:${TOWN})?`;
const ROAD = `${P}{1,10}?(?:路|街|大街|大道|道|巷|弄|胡同|里)(?:[东西南北中]段|[一二三四五六七八九]段)?`;
const DOOR = `${NUM}(?:号院|号楼|号|弄|栋|幢)`;
/** Building, unit, floor, room after the door number: "华美欧大厦2栋1单元1203室", "5号楼2门401", "A座2801室". */
const UNIT = `(?:${NUM}|[A-Z])(?:号楼|号院|栋|幢|座|单元|门|层|楼|室|号|区)`;
const BUILDING = `(?:[\\u4e00-\\u9fa5]{1,10}?(?=(?:${NUM}|[A-Z])(?:号楼|栋|幢|座|单元)))`;
const TAIL = `(?:${BUILDING}?${UNIT})*(?:${NUM}(?:室|房)?)?`;

/**
 * Speed (issue 18): the nested lazy parts below are tried only a few characters before the word they cannot do
 * without, not at every character (same matches). A street address is tried only before a road word followed by
 * a door number (recognizers/near.ts), at most 44 characters after its start: province ≤ 9 (黑龙江 + 维吾尔自治区),
 * city ≤ 9, district ≤ 7, town ≤ 8, road name ≤ 10 + the first character of its word (大街, 胡同). The other rules
 * start with a necessary condition checked cheaply: everything up to their city or district word is Chinese
 * characters, at most as many as their parts allow.
 */
const CJK_RUN = '[\\u4e00-\\u9fa5]';
const STREET_ADDRESS = new RegExp(`(${ADMIN}${ROAD}${DOOR}${TAIL})`, 'dy');
const ROAD_ANCHOR =
  /[路街道巷弄同里](?=(?:[东西南北中一二三四五六七八九]段)?(?:\d|[一二三四五六七八九十百零]))/g;
const ROAD_REACH = 44;
/** City and district named, then any place name with a number: "北京市朝阳区望京西园四区412号楼3单元202". */
const ADMIN_PLACE = new RegExp(
  `(?=${CJK_RUN}{1,18}?[市州盟区]${CJK_RUN}{1,6}?[区县旗])((?:${PROVINCE})?${CITY}${DISTRICT}${P}{1,12}?${DOOR}${TAIL})`,
  'dg',
);
/** Rural: county/district (and town), then village and group: "太康县马头镇王庄村3组". */
const VILLAGE = new RegExp(
  `(?=${CJK_RUN}{0,25}?[区县旗]${CJK_RUN}{1,17}?[村屯])((?:${PROVINCE})?(?:${CITY})?${DISTRICT}(?:${TOWN})?${P}{1,8}?(?:村|屯)(?:${NUM}(?:组|队|社|号))*)`,
  'dg',
);
const ADMIN_ONLY = new RegExp(
  `((?:${PROVINCES})(?:省|自治区|壮族自治区|回族自治区|维吾尔自治区)?${P}{2,6}?市${P}{1,6}?(?:区|县)(?:${TOWN})?)`,
  'dg',
);
const CUED =
  /(?:家庭住址|现住址|户籍地址|居住地址|通讯地址|联系地址|住址|地址|家住|现住|居住于|住在)[：:\s]*([^，。；;,、\n\s　：:（(][^，。；;,、\n\s　：:（(]{3,59})/dg;
/**
 * Round 6: a place of origin or of an event (籍贯：湖南省隆回县, 地点：…镇新坪村六组村道) — only with an administrative
 * level, so a room of the hospital (地点：外科楼8楼示教室) stays.
 */
const CUED_PLACE =
  /(?:籍贯|出生地|事发地点|发病地点|现场地点|地点)[：:\s]*([^，。；;,、\n\s　：:（(][^，。；;,、\n\s　：:（(]{3,59})/dg;
const ADMIN_MARK = /[省市县镇乡村旗]/;
/** What a cued address must contain: a place level or a number (not "地址、经营范围…"). */
const PLACE_MARK = /[省市区县镇乡村路街道巷弄号楼栋室\d]/;

const US_STREET =
  '(?:(?:Flat|Apartment|Apt|Unit|Suite)[ \\t]+[A-Za-z0-9]+,[ \\t]+)?' +
  '(?:(?:[A-Z][A-Za-z]+[ \\t]){1,4}(?:Living|Home|Center|Apartments|Manor|Village|Residence|Tower|Plaza),[ \\t]+)?' +
  '\\b\\d{1,6}[ \\t]+(?:[NSEW]\\.?[ \\t]+)?(?:[A-Z][A-Za-z]+[ \\t]+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Highway|Hwy|Parkway|Pkwy|Square|Sq)\\b\\.?' +
  '(?:[ \\t]+(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|NE|NW|SE|SW)\\b)?' +
  '(?:,?[ \\t]+(?:Apt|Apartment|Suite|Ste|Unit|Room|Rm|#)\\.?[ \\t]*[A-Za-z0-9-]+)?' +
  '(?:,[ \\t]*[A-Z][a-z]+(?:[ \\t]+[A-Z][a-z]+)*)?(?:,?[ \\t]*(?:A[LKZR]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\\b)?';
const US_ADDRESS = new RegExp(`(${US_STREET})`, 'dg');
const US_STATE =
  '(?:A[LKZR]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])';
const PO_BOX = new RegExp(
  `\\b(P\\.?[ \\t]?O\\.?[ \\t]+Box[ \\t]+\\d+(?:,[ \\t]*[A-Z][a-z]+(?:[ \\t]+[A-Z][a-z]+)*)?(?:,?[ \\t]*${US_STATE}\\b)?)`,
  'dg',
);
/** Chinese addresses written in pinyin: "No. 88 Jianguo Road, Chaoyang District, Beijing". */
const PINYIN_ADDRESS =
  /\b((?:(?:Room|Rm|Flat|Unit)[ \t]+\d+[A-Z]?,[ \t]*)?(?:(?:Building|Bldg)[ \t]+\d+[A-Z]?,[ \t]*)?No\.?[ \t]*\d+[A-Z]?,?[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}(?:Road|Street|Avenue|Lu|Jie|Lane|Alley|Hutong|Dadao)(?:,[ \t]*[A-Z][a-z]+[ \t]+(?:District|County|Town|Township))?(?:,[ \t]*[A-Z][a-z]+(?:[ \t]+(?:City|Province))?)?)/dg;

/**
 * Pinyin addresses from the room up: "Room 1702, Unit 2, Building 5, Xiangjiang Garden, 88 Furong Middle Road,
 * Tianxin District, Changsha, Hunan" (no "No."; the postcode after the province is its own span).
 */
const PINYIN_FULL =
  /\b((?:(?:Room|Rm|Flat|Unit|Building|Bldg|Block|Tower|Entrance)[ \t]+\d+[A-Z]?,[ \t]*)+(?:(?:[A-Z][a-z]+[ \t]+){1,3}(?:Garden|Gardens|Community|Residence|Estate|Village|Apartments|Court|Yuan|Xiaoqu),[ \t]*)?(?:No\.?[ \t]*)?\d+[A-Z]?,?[ \t]+(?:[A-Z][a-z]+[ \t]+){1,3}(?:Road|Street|Avenue|Lu|Jie|Lane|Alley|Hutong|Dadao)(?:,[ \t]*[A-Z][a-z]+[ \t]+(?:District|County|Town|Township))?(?:,[ \t]*[A-Z][a-z]+(?:[ \t]+(?:City|Province))?){0,2})/dg;

/** Each rule with a cheap gate: the characters it cannot match without (most texts have none of them). */
const RULES: [RegExp, (text: string) => boolean][] = [
  [STREET_ADDRESS, (t) => /[号弄栋幢]/.test(t)],
  [ADMIN_PLACE, (t) => /[号弄栋幢]/.test(t) && /[区县旗]/.test(t)],
  [VILLAGE, (t) => /[村屯]/.test(t) && /[区县旗]/.test(t)],
  [ADMIN_ONLY, (t) => t.includes('市') && /[区县]/.test(t)],
  [CUED, (t) => /[址住]/.test(t)],
  [CUED_PLACE, (t) => /籍贯|出生地|地点/.test(t)],
  [US_ADDRESS, (t) => /\d[ \t]+[A-Z]/.test(t)],
  [PO_BOX, (t) => t.includes('Box')],
  [PINYIN_ADDRESS, (t) => t.includes('No')],
  [PINYIN_FULL, (t) => /Room|Rm|Flat|Unit|Building|Bldg|Block|Tower|Entrance/.test(t)],
];

export function findAddresses(text: string, out: PhiSpan[]): void {
  const rules = RULES.filter(([, gate]) => gate(text)).map(([regex]) => regex);
  for (const regex of rules) {
    regex.lastIndex = 0;
    const matches =
      regex === STREET_ADDRESS
        ? matchesNear(text, STREET_ADDRESS, ROAD_ANCHOR, ROAD_REACH)
        : execAll(regex, text);
    for (const m of matches) {
      const [start, end] = m.indices![1]!;
      if (end - start < 4) continue;
      if (regex === CUED && !PLACE_MARK.test(m[1]!)) continue;
      if (regex === CUED_PLACE && !ADMIN_MARK.test(m[1]!)) continue;
      out.push({ category: 'ADDRESS', start, end, text: text.slice(start, end) });
    }
  }
}
