/**
 * Round 11 (issue 18), recall first (with the safety net): Chinese places, employers, phones and dates by
 * structure.
 * 1. Landlines written in groups with a space (0571-8699 2301转8016, 021-6253 8874); a fax after 传真.
 * 2. An address field's whole value (居住地：厦门市…402室, 暂住深圳市…28B), whatever the unit words; a place
 *    named after a district (崂山区仰口景区).
 * 3. Employers by an organisation suffix where a person's workplace is written: in brackets after a name
 *    (王德海（海口市美兰区税务局）, 柴宏伟（中华联合财产保险青岛中心支公司）), before 职工/社员/员工 (中国农业银行嘉兴分行
 *    退休职工, 凤桥水蜜桃专业合作社社员), after 学校：/经营/在 …任 (中国海洋大学, 冲霄汽修店, 富士康科技集团昆山园区).
 *    Hospitals and makers of drugs stay.
 * 4. Dates: a month-day with a slash or a dash inside Chinese text (最近一次11/27, 3/5打的, 05-03那次) that is no
 *    ratio, dose or range (肌力3/5级, 1-2片, 2-3次); a lunar day before 以后/之前 (初五以后); a day before 以后/以前
 *    (5号以后); a day in brackets after a weekday (周四（4日）).
 * Pure.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';

// ---- 1. phones -----------------------------------------------------------------------------------------

const LANDLINE =
  /(?<![\d-])(0\d{2,3}[- ]?\d{3,4}[ \u00a0]\d{4}(?:[ \t]*(?:转|分机|ext\.?|x)[ \t]*\d{1,5})?)(?![\d])/dg;

// ---- 2. addresses --------------------------------------------------------------------------------------

const ADDRESS_FIELD =
  /(?:居住地|现住址|家庭住址|家庭地址|住址|现住|暂住|户籍地址|户籍地|联系地址|通讯地址|常住地址|居住地址)[ \t]*[：:]?[ \t]*([\u4e00-\u9fa5][\u4e00-\u9fa5A-Za-z0-9\-－#（）()]{5,60}?)(?=[，,。；;\n　]|[ \t]{2}|$|[ \t]*[，,]?(?:计划|电话|手机|联系))/dg;
const PLACE_UNIT = /[省市区县镇乡村路街道号室楼栋座苑园城]/;
const SCENIC =
  /(?<=[省市区县])([\u4e00-\u9fa5]{2,8}?(?:景区|风景区|度假区|公园|广场|码头|机场|火车站|汽车站|山庄|古镇))/dg;

// ---- 3. employers --------------------------------------------------------------------------------------

const ORG_END =
  '分公司|支公司|有限公司|公司|集团|分行|支行|银行|税务局|公安局|财政局|[\\u4e00-\\u9fa5]{1,4}局|合作社|大学|学院|中学|小学|研究所|研究院|事务所|工厂|厂|汽修店|门店|店|园区';
const BRACKETED_ORG = new RegExp(
  `(?<=[\\u4e00-\\u9fa5A-Za-z][ \\t]?[（(])([\\u4e00-\\u9fa5]{3,30}?(?:${ORG_END}))(?=[）)，,])`,
  'dg',
);
const ORG_BEFORE_WORKER = new RegExp(
  `(?<=^|[，,：:；;\\s（(、])([\\u4e00-\\u9fa5]{4,30}?(?:${ORG_END}))(?=(?:退休)?(?:职工|社员|员工|工人|干部|教师|学生|研究生|在读|（在读))`,
  'dg',
);
const ORG_AFTER_CUE = new RegExp(
  `(?:(?:学校|就读学校|就读于|毕业于)[：:]?[ \\t]*|经营|(?<=在))([\\u4e00-\\u9fa5]{2,24}?(?:${ORG_END}))(?=[（(，,。；;\\s]|任|做|当|工作|上班|打工)`,
  'dg',
);
const NOT_EMPLOYER =
  /医院|卫生|诊所|社区|药|医疗|器械|生物|试剂|保健|疾控|中心$|^(?:我|你|他|她|一|某|这|那|本|该|其)|[的是在于]/;

// ---- 4. dates ------------------------------------------------------------------------------------------

/** m/d or mm-dd inside Chinese text; not a ratio, a dose or a range (followed by a unit), nor part of a number. */
const MONTH_DAY =
  /(?<![\dA-Za-z/.\-:～~至第约每*×^])((?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01]))(?![\d/.\-:%～~])(?![ \t]*(?:的|克|两|餐|时|点|万|千|元|块|厘米|公斤|斤|米|级|分|次|片|粒|支|瓶|袋|盒|天|日|周|月|年|个|小时|h|mg|ml|mL|g|kg|cm|mm|岁|人|例|项|组|度|cm|m|倍|颗|包|剂|滴|遍|层|号|床|楼|室|期|型|类|mmHg))/dg;
const CJK = /[\u4e00-\u9fa5]/;
const EVENT_AFTER = /[打做来复就到查入出开那当起住手]/;
const DATE_BEFORE = /[次日于至]/;
/** m.dd after a word of a visit or a date (上次随访10.28, 本次11.25); not a decimal with a unit. */
const DOTTED_MONTH_DAY =
  /(?<=(?:随访|复诊|就诊|上次|本次|下次|末次|日期|时间|截至|[于至从自])[ \t]*)((?:1[0-2]|0?[1-9])\.(?:3[01]|[12]\d|0[1-9]))(?![\d.%A-Za-z])(?![ \t]*(?:mmol|mg|g|ml|mL|kg|cm|℃|度|分|倍|次|μ|u|U))/dg;
const LUNAR_DAY = /((?:正月|腊月)?初[一二三四五六七八九十])(?=以后|之后|以前|之前|前后|左右|那天|再|回)/dg;
const DAY_BEFORE = /(?<![\d.\-/])((?:[12]\d|3[01]|0?[1-9])[号日])(?=以后|之后|以前|之前|起|开始)/dg;
const WEEKDAY_DAY =
  /(?<=(?:周|星期)[一二三四五六日天][ \t]*[（(])((?:[12]\d|3[01]|0?[1-9])[日号])(?=[）)])/dg;

function datesOf(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  MONTH_DAY.lastIndex = 0;
  for (const m of execAll(MONTH_DAY, text)) {
    const [start, end] = m.indices![1]!;
    // Inside Chinese text: a Han character on one side at least.
    if (!CJK.test(text[start - 1] ?? '') && !CJK.test(text[end] ?? '')) continue;
    const [month, day] = m[1]!.split(/[/-]/) as [string, string];
    // A dash joins two-digit parts only (05-03, 11-27; 5-6 is a range).
    if (m[1]!.includes('-') && (month.length < 2 || day.length < 2)) continue;
    // A fraction's shape (1/3, 2/3, 1/10) is a date only before an event or after a date word (3/5打的).
    if (
      month.length === 1 &&
      Number(month) < Number(day) &&
      Number(day) <= 10 &&
      !EVENT_AFTER.test(text[end] ?? '') &&
      !DATE_BEFORE.test(text[start - 1] ?? '')
    )
      continue;
    add(start, end, 'DATE');
  }
  for (const regex of [LUNAR_DAY, DAY_BEFORE, WEEKDAY_DAY, DOTTED_MONTH_DAY]) {
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      const [start, end] = m.indices![1]!;
      add(start, end, 'DATE');
    }
  }
}

/** Study and form numbers after their label (筛选号：S023, 随机号 R-117, 受试者编号：0412). */
const STUDY_NUMBER =
  /(?:筛选号|随机号|受试者编号|入组号|研究编号|病例编号|样本编号|标本号|登记号|受理号|委托编号|鉴定编号|案号|文书号)[ \t]*[：:]?[ \t]*([A-Za-z]{0,4}-?\d{2,10}(?:-\d{1,6})?|[\u4e00-\u9fa5]{1,6}[（(〔[]\d{4}[）)〕\]][\u4e00-\u9fa5]{0,4}\d{1,6}号?)(?![\dA-Za-z])/dg;

/** Adds round 11's Chinese places, employers, phones and dates to `out`. */
export function findRound11ChinesePlaces(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  LANDLINE.lastIndex = 0;
  for (const m of execAll(LANDLINE, text)) {
    const [start, end] = m.indices![1]!;
    add(start, end, /传真/.test(text.slice(Math.max(0, start - 6), start)) ? 'FAX' : 'PHONE');
  }
  ADDRESS_FIELD.lastIndex = 0;
  for (const m of execAll(ADDRESS_FIELD, text)) {
    if (!PLACE_UNIT.test(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    add(start, end, 'ADDRESS');
  }
  SCENIC.lastIndex = 0;
  for (const m of execAll(SCENIC, text)) {
    const [start, end] = m.indices![1]!;
    add(start, end, 'ADDRESS');
  }
  for (const regex of [BRACKETED_ORG, ORG_BEFORE_WORKER, ORG_AFTER_CUE]) {
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      const [start, end] = m.indices![1]!;
      // What a copula or 系 introduces is the organisation (患者系…小学教师: not 患者系).
      const lead = /^.*[系是为]/.exec(m[1]!)?.[0].length ?? 0;
      const value = m[1]!.slice(lead);
      if (value.length < 3 || NOT_EMPLOYER.test(value)) continue;
      add(start + lead, end, 'EMPLOYER');
    }
  }
  datesOf(text, add);
  STUDY_NUMBER.lastIndex = 0;
  for (const m of execAll(STUDY_NUMBER, text)) {
    const [start, end] = m.indices![1]!;
    add(start, end, 'IDENTIFIER');
  }
}
