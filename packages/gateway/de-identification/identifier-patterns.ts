/**
 * Patient identifiers other than names (HIPAA Safe Harbor list and Chinese equivalents): each pattern is a
 * global regex whose first capture group (or whole match) is the identifier. Cue-based patterns (病历号:,
 * MRN:) catch identifiers that have no fixed format.
 */
import type { IdentifierCategory } from './placeholder-vault.ts';

export interface IdentifierPattern {
  category: IdentifierCategory;
  regex: RegExp;
  /** Extra check on the captured value (e.g. the ID-card checksum). */
  validate?: (value: string) => boolean;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 check character of an 18-digit resident ID card number. */
export function isValidChineseIdCard(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17]!.toUpperCase();
}

const MONTHS =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const DATE = `(?:\\d{4}年\\d{1,2}月(?:\\d{1,2}[日号])?|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}|(?:${MONTHS})\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+(?:${MONTHS})\\.?,?\\s+\\d{4})`;

// Chinese address: optional province, city, district/county, town; then a road with a house number.
const PROVINCES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
// A place-name character: CJK, but not words that typically precede an address (住在, 位于, 来自 …).
const P = '(?:(?![在住于到从自是为和与及的了者家址居现位来前往])[\\u4e00-\\u9fa5])';
const NUM = '(?:\\d+|[一二三四五六七八九十百零]+)';
const CN_ADMIN = `(?:(?:${PROVINCES})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?)?(?:${P}{2,6}?(?:市|州|盟))?(?:${P}{1,6}?(?:区|县|旗))?(?:${P}{1,6}?(?:镇|乡|街道))?`;
const CN_STREET = `${P}{1,10}?(?:路|街|大街|大道|巷|弄|胡同|里)${NUM}(?:号|弄)(?:${NUM}(?:号楼|栋|幢|单元|层|楼|室|号))*(?:\\d+室?)?`;
const CN_ADMIN_ONLY = `(?:${PROVINCES})(?:省|自治区|壮族自治区|回族自治区|维吾尔自治区)?${P}{2,6}?市${P}{1,6}?(?:区|县)`;

const US_STREET =
  '\\b\\d{1,6}\\s+(?:[NSEW]\\.?\\s+)?(?:[A-Z][A-Za-z]+\\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Highway|Hwy|Parkway|Pkwy)\\b\\.?(?:,?\\s+(?:Apt|Apartment|Suite|Ste|Unit|#)\\.?\\s*[A-Za-z0-9-]+)?(?:,\\s*[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)*)?(?:,?\\s*[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?)?';

export const identifierPatterns: readonly IdentifierPattern[] = [
  // Resident ID card (身份证), with cue: any 15/18 digits; without: 18 digits with a valid checksum.
  {
    category: 'ID_CARD',
    regex: /(?:身份证|公民身份号码|居民身份证)(?:号码|号)?[：:\s]*(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g,
  },
  {
    category: 'ID_CARD',
    regex:
      /(?<![\dA-Za-z])([1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])(?![\dA-Za-z])/g,
    validate: isValidChineseIdCard,
  },
  {
    category: 'PASSPORT',
    regex: /(?:护照|Passport)(?:号码|号|\s*(?:No\.?|Number|#))?[：:\s]*([A-Za-z]{0,2}\d{6,9})\b/gi,
  },
  { category: 'PASSPORT', regex: /(?<![\dA-Za-z])([EG]\d{8})(?![\dA-Za-z])/g },
  { category: 'SSN', regex: /(?<![\d-])(\d{3}-\d{2}-\d{4})(?![\d-])/g },
  { category: 'SSN', regex: /(?:SSN|Social Security (?:No\.?|Number))[:#\s]*(\d{9})\b/gi },
  {
    category: 'INSURANCE_NO',
    regex:
      /(?:社保卡号|社保号|社会保障(?:卡)?号(?:码)?|医保卡号|医保号|医保账号|医疗保险(?:卡)?号|新农合(?:卡)?号|Medical Insurance (?:No\.?|Number|ID)|Insurance (?:ID|No\.?|Number)|Member ID|Medicare (?:No\.?|Number)|Medicaid (?:ID|No\.?|Number))[：:#\s]*([A-Za-z0-9][A-Za-z0-9-]{5,23})/gi,
  },
  { category: 'EMAIL', regex: /([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g },
  { category: 'WECHAT', regex: /(?:微信号?|WeChat(?:\s*ID)?|wxid)[：:\s]*([A-Za-z][-_A-Za-z0-9]{5,19})/gi },
  { category: 'QQ', regex: /QQ(?:号码|号)?[：:\s]*(\d{5,11})(?!\d)/gi },
  {
    category: 'MRN',
    regex:
      /(?:病历号|住院号|门诊号|病案号|就诊卡号|就诊号|ID号|MRN|Medical Record (?:Number|No\.?)|Hospital (?:Number|No\.?)|Chart (?:Number|No\.?))[：:#\s]*([A-Za-z]{0,4}-?\d[\dA-Za-z-]{3,19})/gi,
  },
  {
    category: 'ADMISSION_NO',
    regex:
      /(?:入院号|住院流水号|入院登记号|Admission (?:Number|No\.?|ID)|Encounter (?:Number|No\.?|ID)|Visit (?:Number|No\.?)|Account (?:Number|No\.?))[：:#\s]*([A-Za-z]{0,4}-?\d[\dA-Za-z-]{3,19})/gi,
  },
  // Phones: CN mobile, CN landline, US; and anything after a phone cue.
  { category: 'PHONE', regex: /(?<![\d-])((?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2})(?![\d-])/g },
  { category: 'PHONE', regex: /(?<![\d-])((?:\(0\d{2,3}\)|0\d{2,3})[-\s]?\d{7,8}(?:-\d{1,5})?)(?![\d-])/g },
  {
    category: 'PHONE',
    regex: /(?<![\d-])((?:\+1[-.\s]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[-.\s])\d{3}[-.\s]\d{4})(?![\d-])/g,
  },
  {
    category: 'PHONE',
    regex: /(?:电话|手机|联系电话|联系方式|Tel|Phone|Mobile|Cell)[：:\s]*(\+?[\d(][\d\s()-]{5,18}\d)/gi,
  },
  {
    category: 'BIRTH_DATE',
    regex: new RegExp(
      `(?:出生日期|出生年月日?|生日|出生于|生于|DOB|D\\.O\\.B\\.?|Date of Birth|Birth\\s?date|Born(?: on)?)[：:\\s]*(${DATE})`,
      'gi',
    ),
  },
  // Addresses: cue + free text up to punctuation (Chinese), structured Chinese, US street addresses.
  {
    category: 'ADDRESS',
    regex:
      /(?:家庭住址|现住址|户籍地址|居住地址|住址|地址|家住|现住|居住于|住在)[：:\s]*([^，。；;,\n\s][^，。；;,\n]{3,59})/g,
  },
  { category: 'ADDRESS', regex: new RegExp(`(${CN_ADMIN}${CN_STREET})`, 'g') },
  { category: 'ADDRESS', regex: new RegExp(`(${CN_ADMIN_ONLY})`, 'g') },
  { category: 'ADDRESS', regex: new RegExp(`(${US_STREET})`, 'g') },
];
