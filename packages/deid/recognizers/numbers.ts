/**
 * Numbers and codes that identify a person (Safe Harbor items D–O and R, and their Chinese forms): ID cards,
 * passports, SSN, health plan and record numbers, bank accounts, licences, vehicles, devices, phones, fax,
 * e-mail, URLs, IPs, WeChat/QQ, ZIP codes. Cue-based rules catch codes without a fixed format (病历号:, MRN:).
 * Patterns follow the shapes Microsoft Presidio's predefined recognizers use (phone, e-mail, URL, IP, SSN,
 * credit card with Luhn), extended with Chinese formats.
 */
import {
  isLuhnValid,
  isPlausibleOldIdCard,
  isValidChineseIdCard,
  isValidDea,
  isValidNpi,
} from '../checksums.ts';
import type { PhiCategory } from '../types.ts';
import type { PatternRule } from './collect.ts';

/** A code after a cue: letters, digits and dashes, at least one digit. */
const CODE = '([A-Za-z]{0,4}-?\\d[\\dA-Za-z-]{2,24}[\\dA-Za-z]|\\d{4})';
const SEP = '[：:#＃\\s]*(?:还是|仍是|仍为|是|为|is|was|No\\.?|Number|#)?[：:#\\s]*';

/** `i`: English cues written in any case ("hospital no.:", "Policy no.:", "encounter no."). */
const cue = (words: string, category: PhiCategory, code = CODE, flags = 'gd'): PatternRule => ({
  category,
  regex: new RegExp(`(?:${words})${SEP}${code}(?![\\dA-Za-z])`, flags),
});
/** A code with at least one digit (so a cue followed by a word, "device was replaced", is not a code). */
const DIGIT_CODE = '((?=[A-Za-z-]*\\d)[A-Za-z0-9][A-Za-z0-9-]{4,30}[A-Za-z0-9])';

const before = (text: string, start: number, n = 24) => text.slice(Math.max(0, start - n), start);
const FAX_CUE = /(?:fax(?:ed)?|传真)(?:\s+\w+){0,2}\s*[:：#]?\s*$/i;
const relabelFax = (text: string, start: number): PhiCategory | undefined =>
  FAX_CUE.test(before(text, start)) ? 'FAX' : undefined;

// Provinces' one-character abbreviations on licence plates (GA 36-2018).
const PLATE_PROVINCE = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_CHAR = '[A-HJ-NP-Z0-9]';

export const numberRules: readonly PatternRule[] = [
  // 身份证: with a cue any 18/15-digit number; without, 18 digits with a valid GB 11643 check character.
  cue(
    '身份证号码|身份证号|身份证|公民身份号码|证件号码|证件号|ID card',
    'ID_CARD',
    '(\\d{17}[\\dXx]|\\d{15})',
  ),
  {
    category: 'ID_CARD',
    regex:
      /(?<![\dA-Za-z])([1-8]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx])(?![\dA-Za-z])/dg,
    validate: isValidChineseIdCard,
  },
  {
    category: 'ID_CARD',
    regex: /(?:身份证|证件)[^\d\n]{0,6}(\d{15})(?!\d)/dg,
    validate: isPlausibleOldIdCard,
  },
  cue('护照号码|护照号|护照|Passport(?:[ \\t]*\\([^)\\n]{0,30}\\))?', 'PASSPORT', '([A-Za-z]{0,3}\\d{6,9})'),
  { category: 'PASSPORT', regex: /(?<![\dA-Za-z])([EG]\d{8})(?![\dA-Za-z])/dg },
  { category: 'SSN', regex: /(?<![\d-])((?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4})(?![\d-])/dg },
  cue('SSN|Social Security(?: No\\.?| Number)?', 'SSN', '(\\d{9}|\\d{3}[- ]\\d{2}[- ]\\d{4})'),
  cue(
    '保单号码?|保险单号|社保卡号|社保号|社会保障卡号|社会保障号码?|医保卡号|医保账号|医保号|医保卡|医保|医疗保险号|新农合号|参保号|' +
      '[Ii]nsurance (?:[Mm]ember )?(?:ID|No\\.?|Number)|[Mm]ember ID|Medicare (?:No\\.?|Number|ID)|Medicaid (?:ID|No\\.?|Number)|Health plan (?:ID|number)|Policy (?:No\\.?|Number)|MBI|NHS (?:No\\.?|Number)|Medicare (?:number|no\\.?)',
    'INSURANCE_NO',
    '([A-Za-z]{0,4}-?\\d[\\dA-Za-z-]{2,24}[\\dA-Za-z](?: \\d{4}){0,4}|\\d{3} \\d{3} \\d{4}|\\d{4}(?: \\d{4}){0,4})',
  ),
  cue('[Pp]olicy (?:[Nn]o\\.?|[Nn]umber|#)|[Mm]ember (?:[Nn]o\\.?|[Nn]umber|#)', 'INSURANCE_NO'),
  cue('\\bclaim (?:#|no\\.?|number|id)', 'INSURANCE_NO', CODE, 'gdi'),
  // Medicare Beneficiary Identifier without a cue: 11 characters in the CMS MBI layout (letters never
  // S L O I B Z), written plain or 4-3-4 with dashes: 1EG4-TE5-MK73.
  {
    category: 'INSURANCE_NO',
    regex:
      /(?<![\dA-Za-z-])([1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y]{2}\d{2})(?![\dA-Za-z-])/dg,
  },
  // NPI (10 digits, Luhn with the 80840 prefix) and DEA numbers (two letters, seven digits, check digit):
  // with or without their cue, only when the check digit holds.
  { category: 'LICENSE_NO', regex: /(?<![\dA-Za-z-])([12]\d{9})(?![\dA-Za-z-])/dg, validate: isValidNpi },
  {
    category: 'LICENSE_NO',
    regex: /(?<![\dA-Za-z-])([A-Z][A-Z9]\d{7})(?![\dA-Za-z-])/dg,
    validate: isValidDea,
  },
  cue(
    '条码号|标本号|样本号|影像号|病理号|放射号|病历号|住院号|门诊号|病案号|就诊卡号|就诊号|档案号|体检编号|签约编号|预约号|检查号|登记号|ID号|' +
      'MRN|Medical Record (?:Number|No\\.?)|Hospital (?:Number|No\\.?)|Chart (?:Number|No\\.?)|Record (?:Number|No\\.?)|Specimen (?:ID|No\\.?|#)|Accession (?:ID|No\\.?|#|Number)',
    'MRN',
  ),
  // The same English cues in lower case or with '#' ("hospital number 00482913", "Chart #: NRL-55820913").
  cue(
    '\\b(?:medical record|hospital|chart|record|patient) (?:number|no\\.?|#)|\\bchart ?#|\\bMRN ?#|\\b(?:accession|specimen)(?: (?:number|no\\.?|#|id))?',
    'MRN',
    CODE,
    'gdi',
  ),
  // Round 6: serial numbers of forms (结算单号, 任务编号, 医保编号, 执业证书编码, 出车单号) and of letters and runs
  // ("EMS run #", "Our reference:", "Group:", "appeal of denial DN-7730418"): a code with a digit after the cue.
  {
    ...cue('编号|单号|编码|流水号|凭证号|批次号', 'IDENTIFIER'),
    // an 18-digit number in the 身份证 layout whose check character fails is left to the ID-card rules
    validate: (v) => !/^\d{17}[\dXx]$/.test(v) || isValidChineseIdCard(v),
  },
  cue(
    '\\b(?:run|reference|ref|group|denial|authori[sz]ation|auth|confirmation|tracking|appeal|case)(?:[ \\t]+(?:#|no\\.?|number|id))?',
    'ACCOUNT_NO',
    DIGIT_CODE,
    'gdi',
  ),
  cue('\\blicen[cs]e(?:[ \\t]+(?:no\\.?|number))?', 'LICENSE_NO', '(\\d{4,10}|[A-Z]{1,3}-?\\d{4,10})', 'gdi'),
  cue(
    '入院号|住院流水号|入院登记号|Admission (?:Number|No\\.?|ID)|Encounter (?:Number|No\\.?|ID)|Visit (?:Number|No\\.?|ID)',
    'ADMISSION_NO',
  ),
  cue('\\b(?:admission|encounter|visit|episode|account) (?:number|no\\.?|id|#)', 'ADMISSION_NO', CODE, 'gdi'),
  // Financial / contact serial numbers of US hospital systems (FIN, CSN, HAR), capitals only.
  cue('\\b(?:FIN|CSN|HAR)', 'ADMISSION_NO'),
  cue(
    '银行卡号|银行卡|银行账号|(?<![诊保医])卡号|(?<![保])账号|[Aa]ccount(?: No\\.?| Number| #)?|\\b[Aa]cct\\.?(?: #| No\\.?)?|Bank account[^:\\n]{0,30}',
    'ACCOUNT_NO',
  ),
  // Bank cards written in groups of four ("4539 1488 0343 6467"), Luhn-valid, same prefixes.
  {
    category: 'ACCOUNT_NO',
    regex:
      /(?<![\dA-Za-z])((?:62|4\d|5[1-5])\d{2}(?:([ -])\d{4})\2\d{4}\2\d{4}(?:\2?\d{1,3})?)(?![\dA-Za-z])/dg,
    validate: (v) => isLuhnValid(v.replace(/\D/g, '')),
  },
  // Bank cards without a cue: 16–19 digits passing the Luhn check, UnionPay/Visa/Mastercard prefixes.
  {
    category: 'ACCOUNT_NO',
    regex: /(?<![\dA-Za-z])((?:62|4\d|5[1-5])\d{14,17})(?![\dA-Za-z])/dg,
    validate: (v) => isLuhnValid(v) && !isValidChineseIdCard(v),
  },
  cue(
    "驾驶证档案编号|驾驶证档案号|档案编号|驾驶证号|驾驶证|驾照号|驾照|执业证号|资格证号|证书编号|[Dd]river'?s licen[cs]e(?: No\\.?| number| #)?|licen[cs]e #|DL ?#|[Mm]edallion",
    'LICENSE_NO',
    '([A-Za-z]{0,2}-?[\\dA-Za-z][\\dA-Za-z-]{2,22}[\\dA-Za-z])',
  ),
  {
    category: 'VEHICLE',
    regex: new RegExp(
      `(?<![A-Za-z])([${PLATE_PROVINCE}][A-HJ-NP-Z][·•．.\\s]?(?:[DF]${PLATE_CHAR}{5}|${PLATE_CHAR}{5}[DF]?))(?![A-Za-z0-9])`,
      'dg',
    ),
  },
  cue('车牌号码|车牌号|车牌|plate(?: number| No\\.?)?|VIN', 'VEHICLE', '([A-Z0-9][A-Z0-9-]{3,16})'),
  // "Ohio plate HKR 4471": letters and digits in two groups.
  cue('\\bplate(?: number| No\\.?)?', 'VEHICLE', '((?=[A-Z]*[ -]?[A-Z]*\\d)[A-Z0-9]{2,4}[ -][A-Z0-9]{3,5})'),
  {
    category: 'VEHICLE',
    regex:
      /(?<![A-Z0-9])((?=[A-HJ-NPR-Z0-9]{0,16}\d)(?=[A-HJ-NPR-Z0-9]{0,16}[A-Z])[A-HJ-NPR-Z0-9]{17})(?![A-Z0-9])/dg,
    gate: /[A-HJ-NPR-Z0-9]{17}/,
  },
  cue(
    '序列号|设备号|设备编号|[Ss]erial(?: number| No\\.?| #)?|S/N|SN[:：#]|IMEI|UDI',
    'DEVICE',
    // with a digit: "serial abdominal exams" is not a serial number
    DIGIT_CODE,
  ),
  cue(
    '(?:记录仪|监测仪|血压计|动态心电|仪器|起搏器|除颤器|胰岛素泵|泵|设备)(?:编号|序列号|号)|\\b[Dd]evice(?: ID| No\\.?| #| number)?|\\b[Tt]ransmitter|\\b[Rr]eceiver',
    'DEVICE',
    DIGIT_CODE,
  ),
  {
    category: 'EMAIL',
    regex:
      /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24})(?![A-Za-z0-9-])/dg,
    gate: /@/,
  },
  { category: 'URL', regex: /((?:https?:\/\/|www\.)[^\s<>"'，。；、）)]+[^\s<>"'，。；、）).,;:!?])/dg },
  {
    category: 'IP',
    regex: /(?<![\d.])((?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d))(?!\.?\d)/dg,
    gate: /\d\.\d{1,3}\.\d{1,3}\.\d/,
  },
  {
    category: 'IP',
    regex: /(?<![\w:])((?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4})(?![\w:])/dg,
    gate: /:[0-9a-fA-F]{1,4}:[0-9a-fA-F]{1,4}:/,
  },
  cue('微信号|微信|WeChat(?: ID)?|wxid', 'WECHAT', '([A-Za-z][-_A-Za-z0-9]{5,19})'),
  // "我加您微信吧，我的是oyx-0618": the ID a few words after 微信.
  {
    category: 'WECHAT',
    regex: /微信[^\n。；;]{0,8}?(?:是|为|[：:])[ \t]*([A-Za-z][-_A-Za-z0-9]{4,19})(?![-_A-Za-z0-9@.])/dg,
  },
  cue('QQ号码|QQ号|QQ', 'QQ', '([1-9]\\d{4,10})'),
  // Phones: CN mobile, CN landline, US/international; anything after a phone cue. Fax by its cue.
  {
    category: 'PHONE',
    regex: /(?<![\d-])((?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2})(?![\d-])/dg,
    relabel: relabelFax,
  },
  {
    category: 'PHONE',
    regex:
      /(?<![\d.-])((?:\(0[1-9]\d{1,2}\)|（0[1-9]\d{1,2}）|0[1-9]\d{1,2})[-—－\s]?\d{7,8}(?:-\d{1,5}|转\d{1,5})?)(?![\d-]|\.\d)/dg,
    relabel: relabelFax,
  },
  {
    category: 'PHONE',
    regex:
      /(?<![\d-])((?:\+1[-.\s]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[-.\s])\d{3}[-.\s]\d{4}(?:,?[ \t]*(?:ext\.?|x)[ \t]*\d{1,5}\b)?)(?![\d-])/dg,
    relabel: relabelFax,
  },
  {
    category: 'PHONE',
    regex:
      /(?:电话|手机|联系方式|座机|传真|Tel|Phone|Mobile|Cell|[Tt]ext me at|[Cc]all me at|reached at|[Ff]ax(?:ed)?(?: [A-Za-z]+){0,2})[：:\s]*(\+?[\d(（][\d\s()（）-]{5,18}\d)/dg,
    relabel: relabelFax,
  },
  // International: +country code and 8–15 digits in groups ("+353 1 555 0123", "+86-21-62345678").
  // Round 9: the last digits of a number ("手机尾号5678", "卡号后四位1234", "last four digits 5678").
  {
    category: 'PHONE',
    regex:
      /(?:尾号|后四位|末四位|后4位|末4位|last (?:four|4) digits(?: of [a-z ]{2,20})?)[为是：:\s]*(\d{4})(?!\d)/dg,
    relabel: (text, start) =>
      /卡|账|card|account/i.test(text.slice(Math.max(0, start - 14), start)) ? 'ACCOUNT_NO' : undefined,
  },
  {
    category: 'PHONE',
    regex: /(?<![\d+])(\+\d{1,3}(?:[-\s]?\(?\d{1,4}\)?){2,5})(?![\d-])/dg,
    validate: (v) => {
      const n = v.replace(/\D/g, '').length;
      return n >= 8 && n <= 15;
    },
    relabel: relabelFax,
  },
  // ZIP: after a US state code (first three digits kept, see generalizeZip); 邮编 with its cue.
  { category: 'ZIP', regex: /\b[A-Z]{2}\s+(\d{5})(?:-\d{4})?\b/dg },
  // UK postcode (outward and inward code, BS 7666): "N7 8JG", "SW1A 1AA".
  {
    category: 'ZIP',
    regex: /(?<![A-Za-z0-9])((?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) \d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/dg,
  },
  cue('邮编|邮政编码|ZIP(?: code)?|Zip(?: code)?', 'ZIP', '(\\d{5,6})'),
  // A Chinese postcode after a province written in pinyin ("Changsha, Hunan 410011").
  {
    category: 'ZIP',
    regex:
      /\b(?:Beijing|Shanghai|Tianjin|Chongqing|Hebei|Shanxi|Liaoning|Jilin|Heilongjiang|Jiangsu|Zhejiang|Anhui|Fujian|Jiangxi|Shandong|Henan|Hubei|Hunan|Guangdong|Hainan|Sichuan|Guizhou|Yunnan|Shaanxi|Gansu|Qinghai|Guangxi|Xinjiang|Ningxia|Tibet|Inner Mongolia)(?:[ \t]+Province)?,?[ \t]+(\d{6})(?!\d)/dg,
  },
];
