/**
 * Round 13 (issue 18), recall first (with the safety net): pipe tables read by their header. A table's header row
 * says what each column holds (`| Patient / MRN | Tech |`, `| 日期 | 患者 | 住院号 | 药师 |`); every cell of a person,
 * date or identifier column is that identifier, whether or not a cue word stands in the row. A header cell split
 * by " / " (`Patient / MRN`) splits its cells the same way. Cells are checked by shape (a name column's cell is a
 * short name, not a sentence; an identifier holds a digit), and placeholders (无名氏, 不详, Doe, Unknown) are left.
 * Pure.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';

type Column = PhiCategory | undefined;

const PATIENT_HEADER =
  /^(?:patient(?:'s)? name|patient|name(?: \(.*\))?|full name|initials|subject|患者|患者姓名|姓名|病人|病人姓名|受试者|家属|联系人)$/i;
const STAFF_HEADER =
  /^(?:techs?|technologist|nurse|rn|pharmacist|signed(?: by)?|signature|staff|clinician|physician|doctor|provider|witness|reported by|given by|checked by|verified by|entered by|护士|申请护士|责任护士|执行护士|护士签名|药师|审核药师|医师|医生|主治医师|经治医师|主管医生|主管医师|主管护士|管床医生|责任医生|签名|操作者?|操作人|执行人|执行者|核对人?|经手人|记录人|记录者|审核人|审核者|申请人|交班|接班|交班人|接班人)$/i;
const DATE_HEADER =
  /^(?:date(?: .*)?|dob|d\.o\.b\.?|birth ?date|date of birth|日期|出生日期|生日|就诊日期|登记日期)$/i;
const ID_HEADER =
  /^(?:mrn|mrn ?#|scr ?#|screen(?:ing)? ?(?:#|no\.?|id)|subject ?(?:id|#|no\.?)|patient ?id|id|acct|account|住院号|门诊号|病案号|病历号|登记号|就诊卡号|ID号|受试者编号|筛选号)$/i;

function columnOf(header: string): Column {
  const h = header.trim();
  if (PATIENT_HEADER.test(h)) return 'PATIENT_NAME';
  if (STAFF_HEADER.test(h)) return 'CLINICIAN_NAME';
  if (DATE_HEADER.test(h)) return 'DATE';
  if (ID_HEADER.test(h)) return 'MRN';
  return undefined;
}

/** Placeholders standing where a name would (an unidentified patient, a field left blank). */
const PLACEHOLDER =
  /^(?:无名氏|不详|未知|本人|患者|家属|无|空|同上|doe\b.*|unknown.*|unidentified.*|n\/?a|none|nil|y|n|yes|no|-+|—+)$/i;
const ZH_NAME_CELL = /^[\u4e00-\u9fa5][\u4e00-\u9fa5·•]{1,7}$/;
const EN_NAME_CELL = /^(?:[A-Z][A-Za-z'’.-]*,?)(?:[ \t]+[A-Z][A-Za-z'’.-]*,?){0,4}$/;
/** Suffixes a name cell may carry (付强双人: with a second signer). */
const ZH_CELL_SUFFIX = /(?:双人|等|签字|签名|核对|确认)$/;

/** Spans of one cell (`start`..`end` in text) for its column. */
function cellSpans(text: string, start: number, end: number, column: Column, out: PhiSpan[]): void {
  // Trim, then cut at a bracket: 盛桂兰（96岁）, RN Bethany Cole (5N).
  while (start < end && /\s/.test(text[start]!)) start++;
  let cut = end;
  for (let i = start; i < end; i++)
    if (text[i] === '(' || text[i] === '（') {
      cut = i;
      break;
    }
  while (cut > start && /\s/.test(text[cut - 1]!)) cut--;
  if (cut <= start) return;
  const value = text.slice(start, cut);
  if (PLACEHOLDER.test(value)) return;
  const add = (s: number, e: number) =>
    out.push({ category: column!, start: s, end: e, text: text.slice(s, e) });
  if (column === 'DATE') {
    if (
      /^(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|\d{1,2}月\d{1,2}[日号]?|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)$/.test(
        value,
      )
    )
      add(start, cut);
    return;
  }
  if (column === 'MRN') {
    if (/^[A-Za-z0-9][A-Za-z0-9-]{3,24}$/.test(value) && /\d/.test(value)) add(start, cut);
    return;
  }
  // A name column: one or more names split by 、 , ; or "/".
  const piece = /[^、，,;；/／]+/g;
  for (let m = piece.exec(value); m; m = piece.exec(value)) {
    let s = start + m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    let name = text.slice(s, e);
    const suffix = ZH_CELL_SUFFIX.exec(name);
    if (suffix && name.length - suffix[0].length >= 2) {
      e -= suffix[0].length;
      name = name.slice(0, -suffix[0].length);
    }
    if (PLACEHOLDER.test(name)) continue;
    if (ZH_NAME_CELL.test(name)) add(s, e);
    else if (/^[A-Z]{2,4}$/.test(name))
      add(s, e); // initials (RKW, JTR)
    else if (EN_NAME_CELL.test(value) && m.index === 0) {
      // "HUANG, MEI-LING", "Ronald K. Whitcomb": the whole cell (its comma is the inverted name's)
      add(start, cut);
      return;
    }
  }
}

/** The cells of one table line: [start, end) offsets, outer pipes dropped. */
function cellsOf(text: string, lineStart: number, lineEnd: number): [number, number][] {
  const cells: [number, number][] = [];
  let s = lineStart;
  for (let i = lineStart; i <= lineEnd; i++) {
    if (i === lineEnd || text[i] === '|') {
      cells.push([s, i]);
      s = i + 1;
    }
  }
  const blank = ([a, b]: [number, number]) => text.slice(a, b).trim() === '';
  if (cells.length && blank(cells[0]!)) cells.shift();
  if (cells.length && blank(cells[cells.length - 1]!)) cells.pop();
  return cells;
}

/** Adds the cells of person, date and identifier columns of every pipe table in `text`. */
export function findTableColumns(text: string, out: PhiSpan[]): void {
  if (!text.includes('|')) return;
  let header: { columns: Column[][] } | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const pipes = line.split('|').length - 1;
    if (pipes < 2) header = undefined;
    else if (/^[\s|:-]+$/.test(line)) {
      // a Markdown rule line under the header
    } else if (!header) {
      const cells = cellsOf(text, lineStart, lineEnd).map(([a, b]) =>
        text
          .slice(a, b)
          .split(/\s+\/\s+/)
          .map((h) => columnOf(h)),
      );
      header = cells.some((c) => c.some(Boolean)) ? { columns: cells } : undefined;
      // a header has no identifier itself; a first line that is data is not read as a header
      if (header && /\d{3,}/.test(line)) header = undefined;
    } else {
      const cells = cellsOf(text, lineStart, lineEnd);
      cells.forEach(([a, b], i) => {
        const kinds = header!.columns[i];
        if (!kinds?.some(Boolean)) return;
        if (kinds.length === 1) return cellSpans(text, a, b, kinds[0], out);
        // "HUANG, MEI-LING / 88012457" under "Patient / MRN"
        const parts: [number, number][] = [];
        const sep = /\s+\/\s+/g;
        let s = a;
        for (let m = sep.exec(text.slice(a, b)); m; m = sep.exec(text.slice(a, b))) {
          parts.push([s, a + m.index]);
          s = a + m.index + m[0].length;
        }
        parts.push([s, b]);
        if (parts.length !== kinds.length) return;
        parts.forEach(([ps, pe], k) => {
          if (kinds[k]) cellSpans(text, ps, pe, kinds[k], out);
        });
      });
    }
    lineStart = lineEnd + 1;
  }
}
