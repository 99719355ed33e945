/**
 * Round 10 (issue 18), recall first (with the safety net): names the earlier rules leave because they stand in
 * a structure rather than in a sentence, or are ordinary words (宁波, 田野, 和平, 江南) written where only a person
 * can be.
 * 1. Table columns: a header row (cells split by tabs, | or runs of two or more spaces) with a person column
 *    (姓名, 发药人, 责任医生, Name, Participant, Consented by, Witness …) makes every row's cell in that column a
 *    name, whatever its words (a Chinese cell of 1–6 characters; an English cell of capitalised words,
 *    "Surname, Given" or "R. Mensah"; a trailing bracket such as "(daughter, interpreter)" left out).
 * 2. Staff fields: a staff label (责任医生, 医师, 村医, 签发, 经办, 复核, 随访护士 …), a colon or a space, an optional
 *    office (医保办), then a surname-led value of one to three characters ending the field (a tab, the line's end,
 *    a space before a number, a 、 list; a single surname also before 。，；). A bare chat speaker at the start of a
 *    line (医生：会的) is no field.
 * 3. A person before a bracketed department (项羽（研发部）, Tom Zhang（市场部）).
 * 4. A name right after a relation word (母親林月娥, 太太 鄧何少芳, 儿子洛桑): a surname-led name of the model's
 *    shape (also a married name with two surnames, 冠夫姓) or a Tibetan or Uyghur name part.
 * Pure.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { nameScore, surnameOf } from './zh-name-model.ts';
import { SINGLE_SURNAMES } from './zh-surnames.ts';
import { toSimplified } from './zh-traditional.ts';
import { execAll } from './collect.ts';

const CJK = /[\u4e00-\u9fa5]/;
const SURNAMES = new Set(SINGLE_SURNAMES);

// ---- 1. table columns ------------------------------------------------------------------------------------

const PERSON_HEADER =
  /^(?:姓名|患者|患者姓名|病人|病人姓名|名字|联系人|家属|监护人|受检者|受检人|员工|职工|学生|居民|签约居民|老人|家属姓名|name|patient|patient name|full name|participant|subject|client|resident|member|witness|contact|next of kin|caregiver|guardian|employee)$/i;
const STAFF_HEADER =
  /^(?:发药人|配药人|复核人|核对人|执行人|记录人|审核人|经办人|操作者|操作人|签名|签字|负责人|医生|医师|护士|药师|责任医生|签约医生|随访医生|随访人|随访者|接诊医生|主治医生|管床医生|开单医生|consented by|obtained by|staff|clinician|physician|doctor|nurse|provider|pharmacist|dispensed by|checked by|signed by|reviewed by|seen by|coordinator|investigator|attending|prescriber)$/i;
/** Columns of month-days and ages (round 10 dates): 随访日 7-14, 日期 11/02, 年龄 90. */
const DATE_HEADER =
  /^(?:日期|随访日|随访日期|就诊日|就诊日期|复诊日|复诊日期|发药日期|检查日期|date|visit date|seen)$/i;
const AGE_HEADER = /^(?:年龄|年齡|age)$/i;
const MONTH_DAY_CELL = /^(?:1[0-2]|0?[1-9])[-/.](?:[12]\d|3[01]|0?[1-9])$/;
const NOT_A_CELL_NAME = /^(?:无|空|同上|本人|未知|不详|未填|暂无|n\/?a|none|self|unknown|same|—|-)$/i;
const ZH_CELL = /^[\u4e00-\u9fa5·]{1,6}$/;
const LATIN_LETTER = "A-Za-zß-öø-ÿĀ-ž'’.-";
const EN_CELL = new RegExp(`^[A-Z][${LATIN_LETTER}]*(?:,?[ \\t][A-Z][${LATIN_LETTER}]*){0,3}$`);

type Splitter = (line: string) => { text: string; start: number }[];

/** Cells of a line split by a separator regex, with their offsets in the line (trimmed). */
const splitBy =
  (separator: RegExp): Splitter =>
  (line) => {
    const cells: { text: string; start: number }[] = [];
    let at = 0;
    for (const m of line.matchAll(separator)) {
      cells.push({ text: line.slice(at, m.index), start: at });
      at = m.index + m[0].length;
    }
    cells.push({ text: line.slice(at), start: at });
    return cells.map((c) => {
      const lead = c.text.length - c.text.trimStart().length;
      return { text: c.text.trim(), start: c.start + lead };
    });
  };
const BY_TAB = splitBy(/[ \t]*\t[ \t]*/g);
const BY_PIPE = splitBy(/[ \t]*[|｜][ \t]*/g);
const BY_SPACES = splitBy(/[ 　]{2,}|　+/g);

function splitterOf(line: string): Splitter | undefined {
  if (line.includes('\t')) return BY_TAB;
  if (/[|｜]/.test(line)) return BY_PIPE;
  if (/\S(?: {2,}|　)\S/.test(line)) return BY_SPACES;
  return undefined;
}

/** Words a table header needs (a cheap gate before splitting lines: speed). */
const HEADER_WORD =
  /姓名|患者|病人|名字|联系人|家属|监护人|受检|员工|职工|学生|居民|老人|人(?:\s|$)|医生|医师|护士|药师|签名|签字|日期|日(?:\s|$)|年龄|年齡|name|patient|participant|subject|client|resident|member|witness|contact|kin|caregiver|guardian|employee|by\b|staff|clinician|physician|doctor|nurse|provider|pharmacist|coordinator|investigator|attending|prescriber|date|seen|age/i;

function tableNames(text: string, add: (start: number, end: number, category: PhiCategory) => void) {
  if (!HEADER_WORD.test(text)) return;
  /** A date or age cell of its column. */
  const addValue = (start: number, value: string, category: 'DATE' | 'AGE') => {
    if (category === 'DATE' ? MONTH_DAY_CELL.test(value) : /^\d{2,3}$/.test(value) && Number(value) >= 90)
      add(start, start + value.length, category);
  };
  const lines = text.split('\n');
  const offsets: number[] = [];
  let at = 0;
  for (const line of lines) {
    offsets.push(at);
    at += line.length + 1;
  }
  for (let h = 0; h < lines.length - 1; h++) {
    if (!HEADER_WORD.test(lines[h]!)) continue;
    const split = splitterOf(lines[h]!);
    if (!split) continue;
    const header = split(lines[h]!);
    if (header.length < 3) continue;
    const columns = header
      .map((cell, index) => ({
        index,
        staff: STAFF_HEADER.test(cell.text),
        person: PERSON_HEADER.test(cell.text),
        value: DATE_HEADER.test(cell.text)
          ? ('DATE' as const)
          : AGE_HEADER.test(cell.text)
            ? ('AGE' as const)
            : undefined,
      }))
      .filter((c) => c.staff || c.person || c.value);
    if (columns.length === 0) continue;
    for (let r = h + 1; r < lines.length; r++) {
      const row = split(lines[r]!);
      if (row.length !== header.length) break;
      for (const { index, staff, value: kind } of columns) {
        const cell = row[index]!;
        if (kind) {
          addValue(offsets[r]! + cell.start, cell.text, kind);
          continue;
        }
        // "Hodan Abdi (daughter, interpreter)": the name before the bracket.
        const value = cell.text.replace(/[ \t]*[（(][^）)]*[）)]?$/, '');
        if (!value || NOT_A_CELL_NAME.test(value)) continue;
        if (ZH_CELL.test(value)) {
          if (value.length === 1 && !SURNAMES.has(toSimplified(value))) continue;
        } else if (!EN_CELL.test(value)) continue;
        const start = offsets[r]! + cell.start;
        add(start, start + value.length, staff ? 'CLINICIAN_NAME' : 'PATIENT_NAME');
      }
    }
  }
}

// ---- 2. staff fields ------------------------------------------------------------------------------------

const STAFF_LABEL =
  '责任医生|签约医生|经治医生|主治医生|随访医生|接诊医生|管床医生|住院医师|随访护士|责任护士|主管护士|健康管理师|' +
  '村医|医师|医生|护士|药师|签发人|签发|经办人|经办|复核人|复核|核对人|核对|审核人|审核|记录人|记录者|记录|' +
  '发药人|配药人|负责人|随访员|执行人|操作者|签名|签字';
const STAFF_FIELD = new RegExp(
  `(${STAFF_LABEL})(?:[ \\t　]*[：:][ \\t　]*|[ \\t　]+|(?=[\\u4e00-\\u9fa5]))(?:[\\u4e00-\\u9fa5]{1,5}[办科室部组站][ \\t　]+)?` +
    '([\\u4e00-\\u9fa5]{1,3}(?:、[\\u4e00-\\u9fa5]{1,3})*)(?=[\\t\\n]|$|[ 　]+(?:[\\d\\n]|$)|[ 　]*[。，；,;])',
  'dg',
);
/** A chat speaker at a line's start ("医生：会的，…"), not a field. */
const SPEAKER = /^(?:医生|医师|护士|药师|随访员)$/;

function staffFieldNames(text: string, add: (start: number, end: number, category: PhiCategory) => void) {
  STAFF_FIELD.lastIndex = 0;
  for (const m of execAll(STAFF_FIELD, text)) {
    const [labelStart] = m.indices![1]!;
    const lineStart =
      labelStart === 0 || /\n[ \t　]*$/.test(text.slice(Math.max(0, labelStart - 4), labelStart));
    if (lineStart && SPEAKER.test(m[1]!) && /[：:]/.test(m[0])) continue;
    const [valueStart, valueEnd] = m.indices![2]!;
    const after = text[valueEnd];
    const pauseAfter = after !== undefined && /[。，；,;]/.test(after);
    const attached = CJK.test(text[labelStart + m[1]!.length] ?? '');
    // Only a role is written straight before its holder's surname (随访护士潘); 记录单, 复核后 are words.
    if (attached && !/护士|医生|医师|药师|村医/.test(m[1]!)) continue;
    let at = valueStart;
    const items = m[2]!.split('、');
    for (const item of items) {
      const start = at;
      at += item.length + 1;
      const simple = toSimplified(item);
      const surname = surnameOf(simple);
      if (!surname || simple.length - surname.length > 2) continue;
      // A value that runs into a sentence (护士说明…) is no field; a surname alone may end one (随访护士潘。).
      if ((pauseAfter || attached) && (items.length > 1 || simple.length !== surname.length)) continue;
      add(start, start + item.length, 'CLINICIAN_NAME');
    }
  }
}

// ---- 3. a person before a bracketed department --------------------------------------------------------

const BEFORE_DEPARTMENT =
  /(?<![\u4e00-\u9fa5A-Za-z])([\u4e00-\u9fa5]{2,3}|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){1,2})[（(][\u4e00-\u9fa5A-Za-z]{1,8}(?:部|组|处|车间|班组|中心|队)[）)]/dg;

function departmentNames(text: string, add: (start: number, end: number, category: PhiCategory) => void) {
  BEFORE_DEPARTMENT.lastIndex = 0;
  for (const m of execAll(BEFORE_DEPARTMENT, text)) {
    const name = m[1]!;
    if (CJK.test(name[0]!) && !surnameOf(toSimplified(name))) continue;
    const [start, end] = m.indices![1]!;
    add(start, end, 'PATIENT_NAME');
  }
}

// ---- 4. a name right after a relation word ------------------------------------------------------------

const RELATION =
  /(?:母亲|父亲|母親|父親|妻子|丈夫|太太|老公|老婆|先生|儿子|兒子|女儿|女兒|孙子|孫子|孙女|孫女|儿媳|兒媳|女婿|哥哥|姐姐|弟弟|妹妹|侄子|外甥|监护人|監護人)[ 　]?/g;
const TIBETAN_PART =
  /^(?:扎西|次仁|卓玛|顿珠|格桑|央金|德吉|多吉|旺堆|尼玛|达瓦|平措|索朗|白玛|边巴|普布|拉姆|曲珍|旺姆|仁增|桑珠|洛桑|丹增|强巴|益西|朗杰|巴桑|次旦|卓嘎|罗布|加措|嘉措|才让|拉毛|梅朵|央宗|泽仁|泽旺|贡布|群培|琼达|阿依|古丽|买买提|艾力|阿力木|热合曼|玉素甫)/;
const RELATION_BAR = 2.4;

function relationNames(text: string, add: (start: number, end: number, category: PhiCategory) => void) {
  RELATION.lastIndex = 0;
  for (const m of execAll(RELATION, text)) {
    const start = m.index + m[0].length;
    const rest = toSimplified(text.slice(start, start + 4));
    const tibetan = TIBETAN_PART.exec(rest);
    if (tibetan) {
      add(start, start + tibetan[0].length, 'RELATIVE_NAME');
      continue;
    }
    // A married name with two surnames (鄧何少芳 = 邓 + 何少芳).
    const lengths =
      rest.length === 4 &&
      SURNAMES.has(rest[0]!) &&
      SURNAMES.has(rest[1]!) &&
      /^[\u4e00-\u9fa5]{4}$/.test(rest)
        ? [4, 3]
        : [3];
    for (const length of lengths) {
      const name = length === 4 ? rest.slice(1) : rest.slice(0, 3);
      if (!/^[\u4e00-\u9fa5]{3}$/.test(name) || nameScore(name, false) < RELATION_BAR) continue;
      add(start, start + length, 'RELATIVE_NAME');
      break;
    }
  }
}

/** Adds round 10's structural names to `out`. */
export function findStructuralNames(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  if (/\t|[|｜]| {2}|　/.test(text)) tableNames(text, add);
  if (CJK.test(text)) {
    staffFieldNames(text, add);
    if (/[（(]/.test(text)) departmentNames(text, add);
    relationNames(text, add);
  } else if (/[（(]/.test(text)) departmentNames(text, add);
}
