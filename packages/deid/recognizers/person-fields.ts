/**
 * Round 14 (issue 18), recall first: person fields recognised by the SHAPE of their label, not by a list of
 * labels (docs/notes/deid-recall-first-2026-12-08.md). Independent notes keep inventing staff labels (审方, 调配,
 * 书记员, 出车记录员, 研究协调员(CRC), 办案民警, RPh, Tech, crew, Prescriber); precision has headroom above its
 * goal, so any label that ends like a person (…者/人/员/师/士/长/官/警, a staff action such as 审方/复核/调配,
 * English …er/…or/…ist/…ian, "by", crew, Tech, RPh) opens a person field, and every item of its value that is
 * no ordinary word is masked:
 * - Chinese: after an optional department (财务科, 住院处, 儿科门诊), each item of a list (、 /) that is a lone
 *   surname (审方：樊), a 2–4 character run that is no dictionary word, or upper-case initials (调配：YF, D.Q.)
 *   with a bracketed name after them (D.Q.（邓青）).
 * - Without a colon, a role noun ending in 员/官/警/长 right before a surname-led name (书记员关雪莹).
 * - English: initials (RPh: GK), "A. Moua", two or three capitalised words that are no clinical or common
 *   word (crew: Gareth Llewellyn / Priti Solanki), "HALVORSEN, PER" and "NGUYEN-BAKER, T".
 * Pure (the dictionary is read once, lazily; see zh-words.ts).
 */
import type { PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';
import { CLINICAL_WORD, NOT_NAMES } from './en-name-words.ts';
import { nameEndAt } from './round13-zh.ts';
import { surnameOf } from './zh-name-model.ts';
import { isCommonWord, isWord2At } from './zh-words.ts';

const HAN_RUN = /[\u4e00-\u9fa5]+/y;
/** A label whose last characters say a person follows, then a colon. */
const ZH_LABEL =
  /(?<=^|[\s　，,。；;、|）)\]】])[\u4e00-\u9fa5]{0,6}?(?:者|人|员|师|士|长|官|警|审方|调配|复核|审核|核对|检验|送检|办理|经办|签收|发药|汇总|陪同|见证)(?:[（(][A-Za-z]{1,6}[）)])?[ \t　]*[：:][ \t　]*/gm;
/** Labels of that shape that hold no person. */
const ZH_NOT_PERSON_LABEL =
  /(?:身长|队长|时长|增长|生长|成长|延长|擅长|特长|波长|院长意见|家长意见|病人情况)/;
/** A department before the person (财务科, 住院处, 儿科门诊, 病案室, 检验中心). */
const DEPT = /[\u4e00-\u9fa5]{1,5}?(?:科|室|处|部|中心|门诊|病区|组|队)[ \t　]?/y;
const INITIALS = /(?:[A-Z]\.){2,3}|[A-Z]{2,4}(?![A-Za-z])/y;
const BRACKETED_NAME = /[（(]([\u4e00-\u9fa5]{2,4})[）)]/y;
const PLACEHOLDER =
  /^(?:不详|未知|本人|患者|病人|家属|同上|待定|暂无|无|空缺|见上|签字|签名|本院|我院|医生|护士|主任|家长|父亲|母亲|儿子|女儿|是的|好的|对的|谢谢|收到|明白|可以|不用|没有|嗯嗯|好吧|行的|知道了)$/;
/** A bare role at a line's start is a dialogue's speaker (患者：哦哦。); older rules read its name fields. */
const BARE_ROLE = /^(?:患者|病人|患儿|医生|医师|护士|家属|用户|客服|咨询者|提问者|回答者)[ \t　]*[：:]/;
/** A field value ends at a gap, a line end, a bracket, a list separator or a pause, not at a full stop. */
const FIELD_END = /^(?:$|[\s　（(）)、/／，,；;|]|和)/;
/** A chat speaker (李护士：, 王医生：): what follows is speech, not a field value. */
const SPEAKER = /^[\u4e00-\u9fa5]{1,2}(?:护士|医生|医师|药师|老师|师傅|护士长)[ \t　]*[：:]/;
/** A role noun right before a name, no colon: 书记员关雪莹, 站点长孔令飞, 办案民警荣浩. */
const ZH_ROLE_NOUN = /[\u4e00-\u9fa5]{1,4}(?:员|官|民警|站长|点长|组长|班长)(?=[\u4e00-\u9fa5])/g;

/** Adds Chinese person-field values to `out`. */
function findChineseFields(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number) =>
    out.push({ category: 'CLINICIAN_NAME', start, end, text: text.slice(start, end) });
  for (const m of execAll(ZH_LABEL, text)) {
    if (ZH_NOT_PERSON_LABEL.test(m[0]) || SPEAKER.test(m[0]) || BARE_ROLE.test(m[0])) continue;
    let at = m.index + m[0].length;
    for (let items = 0; items < 6 && at < text.length; items++) {
      DEPT.lastIndex = at;
      const d = DEPT.exec(text);
      if (d) {
        const after = at + d[0].length;
        HAN_RUN.lastIndex = after;
        const rest = HAN_RUN.exec(text);
        // the department is followed by a name (财务科丘明), not the department itself ending the field
        if (rest && rest[0].length >= 1 && rest[0].length <= 4) at = after;
      }
      INITIALS.lastIndex = at;
      const ini = INITIALS.exec(text);
      let end: number | undefined;
      if (ini) {
        end = at + ini[0].length;
        add(at, end);
        BRACKETED_NAME.lastIndex = end;
        const b = BRACKETED_NAME.exec(text);
        if (b && !isCommonWord(b[1]!)) {
          add(end + 1, end + 1 + b[1]!.length);
          end += b[0].length;
        }
      } else {
        HAN_RUN.lastIndex = at;
        const r = HAN_RUN.exec(text);
        if (!r) break;
        const run = r[0];
        if (run.length === 1 && surnameOf(run + '一') === run) end = at + 1;
        else if (run.length >= 2 && run.length <= 4 && personLike(text, at, run)) end = at + run.length;
        else if (run.length > 4) {
          const e = nameEndAt(text, at);
          if (e !== undefined && !/[\u4e00-\u9fa5]/.test(text[e] ?? '')) end = e;
        }
        if (end === undefined || !FIELD_END.test(text.slice(end, end + 1))) break;
        add(at, end);
        BRACKETED_NAME.lastIndex = end;
        const b = BRACKETED_NAME.exec(text);
        if (b) end += b[0].length;
      }
      const sep = /^[ \t]*(?:[、/／]|和)[ \t]*/.exec(text.slice(end, end + 4));
      if (!sep) break;
      at = end + sep[0].length;
    }
  }
  for (const m of execAll(ZH_ROLE_NOUN, text)) {
    const at = m.index + m[0].length;
    if (isWord2At(text, at - 1)) continue; // 员工, 官方: the noun's last character starts a word
    const end = nameEndAt(text, at);
    if (end !== undefined && end - at >= 2) add(at, end);
  }
}

/** Is a 2–4 character run in a person field a name (no ordinary word, no department, no placeholder)? */
function personLike(text: string, at: number, run: string): boolean {
  if (PLACEHOLDER.test(run) || isCommonWord(run)) return false;
  if (/[科部处室院所站队组局司]$/.test(run)) return false;
  if (run.length === 2) return !isWord2At(text, at);
  // a longer run made of words (晚间巡视) is no name unless it starts with a surname
  let pairs = 0;
  for (let i = at; i + 2 <= at + run.length; i++) if (isWord2At(text, i)) pairs++;
  return surnameOf(run) !== undefined ? pairs < 2 : pairs === 0;
}

/** An English label ending like a person (…er, …or, …ist, …ian, by, crew, Tech, RPh, nurse), then a colon. */
const EN_LABEL =
  /\b(?:[A-Za-z]+(?:er|or|ist|ian)|by|crew|Crew|Tech|RPh|nurse|Nurse|staff|Staff)[ \t]*:[ \t]*/g;
const EN_NOT_PERSON_LABEL =
  /^(?:Order|Disorder|Number|Character|Other|Center|Counter|Monitor|Factor|Color|Colour|Register|Filter|Marker|Barrier|Provider ID|Sponsor|Tumor|Tumour|Error|Indicator|Carrier|Supplier|Manufacturer|Water|Paper|Chapter|Cancer|Header|Folder|Identifier|Modifier|Qualifier)\b/i;
const EN_ITEM =
  /(?:([A-Z][A-Z'’-]+,[ \t]*[A-Z]+(?:[ \t][A-Z](?![a-z]))?)|([A-Z]\.[ \t]?[A-Z][a-z'’-]+(?:-[A-Z][a-z]+)?)|((?:[A-Z][a-z'’-]+|Ó)(?:[ \t](?:[A-Z][a-zA-Z'’-]+|Ó)){1,2})|([A-Z]{2,3}))(?![A-Za-z])/y;

/** Adds English person-field values to `out`. */
function findEnglishFields(text: string, out: PhiSpan[]): void {
  for (const m of execAll(EN_LABEL, text)) {
    const label = m[0].replace(/[ \t]*:[ \t]*$/, '');
    if (EN_NOT_PERSON_LABEL.test(label)) continue;
    let at = m.index + m[0].length;
    for (let items = 0; items < 4; items++) {
      EN_ITEM.lastIndex = at;
      const it = EN_ITEM.exec(text);
      if (!it) break;
      const words = it[3]?.split(/[ \t]+/) ?? [];
      if (it[3] && words.some((w) => NOT_NAMES.has(w) || CLINICAL_WORD.test(w))) break;
      out.push({ category: 'CLINICIAN_NAME', start: at, end: at + it[0].length, text: it[0] });
      const sep = /^[ \t]*(?:\/|&|and)[ \t]*/.exec(text.slice(at + it[0].length, at + it[0].length + 6));
      if (!sep) break;
      at += it[0].length + sep[0].length;
    }
  }
}

/** Adds round 14's person-field values to `out`. */
export function findPersonFields(text: string, out: PhiSpan[]): void {
  if (/[\u4e00-\u9fa5]/.test(text)) findChineseFields(text, out);
  if (/[A-Za-z][ \t]*:/.test(text)) findEnglishFields(text, out);
}
