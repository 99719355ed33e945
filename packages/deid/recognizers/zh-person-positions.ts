/**
 * Round 8 (issue 18): generic Chinese names without a cue word. The specific rules (zh-names.ts) and the name
 * model (zh-name-model.ts) find names after cue words and with table given-name characters; new writers' notes
 * name people in other words. Here a candidate is any known surname (single or compound, zh-surnames.ts) with one
 * or two Han characters that is not an ordinary word (zh-words.ts: jieba's dictionary, the clinical lexicon,
 * drug names) and whose given characters are not clinical characters (nameScore, lenient: characters outside the
 * given-name tables cost a little), standing in a person position:
 * 1. before a verb a person does (说 诉 称 表示 签字 陪同 来电 要求 拒绝 …), a day word (今天, 昨晚) or a
 *    relation (的女儿), with a pause, the start or a preposition (由 经 与 和 请 让 …) before it;
 * 2. between pauses (，王建国，) with a higher bar;
 * 3. items of a list joined by 、 where at least two items are name candidates (王建国、李梅、周晓东);
 * 4. the value of a field (any label, `X：王建国`) standing alone up to the next pause;
 * 5. before a title the older rules do not know (医师 药师 技师 护师 教授 院长 科长 师傅 同志): a surname
 *    alone is one span with its title (王医师), as with 王主任.
 * Precision is traded for recall on purpose (issue 18, round 8): a false span costs a placeholder, a missed name
 * leaves the hospital. Pure (the dictionary is read once, lazily; see zh-words.ts).
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { codesOf, isWordySurname, nameScore, surnameOf } from './zh-name-model.ts';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './zh-surnames.ts';
import { isCommonWord } from './zh-words.ts';
import { T2S, toSimplified } from './zh-traditional.ts';
import { isDialogue } from './zh-names.ts';
import { execAll } from './collect.ts';

const CJK = /[\u4e00-\u9fa5]/;

const COMPOUND_FIRST = new Set(COMPOUND_SURNAMES.map((s) => s[0]!));
const SURNAME_STARTS = new Set([
  ...SINGLE_SURNAMES,
  ...COMPOUND_SURNAMES.map((s) => s[0]!),
  ...[...T2S.keys()].filter((c) => SINGLE_SURNAMES.includes(T2S.get(c)!)),
]);

const SURNAME_START_CODES = codesOf(SURNAME_STARTS);

/** What a person does or is, right after the name (sticky at the name's end). */
const PERSON_RIGHT = new RegExp(
  '(?:说|诉|称|讲|问|答|表示|签字|签名|签署|陪同|陪护|陪诊|来电|致电|电话|回电|反映|要求|询问|咨询|同意|拒绝|认为|觉得|' +
    '补充|提到|提出|确认|到场|在场|告诉|告知|转告|叮嘱|交代|负责|代诉|代述|代签|回忆|介绍|担心|希望|发现|提供|' +
    // Round 11: what staff do in notes and forms (汤立建议复查, 鲍明到场处理, 范雯接听).
    '建议|指示|嘱咐|处理|查看|接听|签收|领取|办理|交班|接班|巡视|汇报|通知|' +
    '和|与|及|一起|等人|同来|患者|病人|老人家|同学|小朋友|宝宝|' +
    '沟通|商量|商议|谈话|面谈|前来|来院|来诊|来科|来我院|就诊|复诊|住院|入院|出院|离院|回家|回复|答复|诉说|自诉|自述|主诉|述|哭|笑|' +
    '主刀|一助|二助|查房|会诊|接诊|收治|诊治|看诊|出诊|坐诊|值班|开具|开立|开药|调整|指导|随访|评估|复核|审核|核对|书写|记录|执行|签发|操作|' +
    '今天|今日|今晨|昨天|昨日|昨晚|明天|上午|下午|晚上|早上|夜间|目前|现在|本人|家属|' +
    '的(?:母亲|父亲|女儿|儿子|妻子|丈夫|爱人|老伴|家属|孙子|孙女|血压|病情|情况|检查|化验|报告|电话|手机|家)|家(?:吗|里|人|中)|' +
    '(?:先生|女士|小姐|阿姨|叔叔|大爷|大妈|奶奶|爷爷|老人|医生|大夫|主任|护士|老师))',
  'y',
);
/** Every Han character of PERSON_RIGHT (a superset of the characters a position can start with). */
const RIGHT_CHARS = new Set([...PERSON_RIGHT.source.matchAll(/[\u4e00-\u9fa5]/g)].map((m) => m[0]));
/** A pause or the end after the name (sticky). */
const PAUSE_RIGHT = /(?:[，,。；;、！!？?）)（(\s]|$)/y;
/** Words right before a name that make its left side a person position. */
const LEFT_WORD =
  /(?:由|经|与|和|同|跟|请|让|叫|给|对|向|据|及|陪|带|送|找|问|告知|通知|联系|转告|嘱|嘱咐|提醒|协助|帮|替|等|了|见|是|为|告诉|名为|名叫)$/;
const CLINICIAN_RIGHT =
  /^(?:医生|大夫|主任|护士|医师|药师|技师|护师|教授|主刀|查房|会诊|接诊|收治|诊治|看诊|出诊|坐诊|值班|开具|开立|开药|调整|指导|随访|评估|复核|审核|核对|书写|记录|执行|签发|操作)/;

/** Roles and pronouns after a word-like surname character (由家属签字, 和患者说). */
const ROLE_WORD =
  /^(?:家属|患者|病人|本人|医生|护士|老人|自己|大家|我们|他们|她们|你们|孩子|儿子|女儿|老伴|爱人)/;
/** Endings of drug, chemical and herbal names (利福平 aside): 姜酮, 黄芩苷, 马钱子碱, 甘草酸, 六味丸. */
const CHEMICAL_END = /[酮碱酸钠钾钙胺醇唑嗪啶苷酯肽膏丸汤酶素]$/;
/** Wishes and greetings that start with a surname character (祝健康, 祝好). */
const GREETING = /^祝(?:健康|好|您|你|早|顺|平|康)/;

/** Bars (lenient nameScore: surname weight + given characters, -0.5 for one outside the tables). */
const BAR_BEFORE_VERB = 0;
const BAR_BETWEEN_PAUSES = 2.4;
const BAR_LIST_ITEM = 0;
/** Before 的 with no verb (王建国的检查单): a likelier name. */
const BAR_BEFORE_OF = 2.0;
/** A table cell holding the candidate alone (line start, tab or | on both sides). */
const BAR_CELL = -1;
const BAR_FIELD = 0;

/** A candidate of the given length at `start`: Han characters, a surname, no ordinary word, a score. */
function candidateScore(text: string, start: number, length: number): number {
  const name = toSimplified(text.slice(start, start + length));
  if (name.length !== length || [...name].some((c) => !CJK.test(c))) return -Infinity;
  const surname = surnameOf(name);
  if (!surname || name.length - surname.length < 1 || name.length - surname.length > 2) return -Infinity;
  if (isCommonWord(name) || (name.length === 3 && isCommonWord(name.slice(0, 2)))) return -Infinity;
  if (CHEMICAL_END.test(name)) return -Infinity;
  if (GREETING.test(name) || ROLE_WORD.test(name.slice(surname.length))) return -Infinity;
  // A surname that is more often a word (由, 和, 但, 那) needs given characters from the tables.
  if (isWordySurname(surname)) return nameScore(name, true);
  // A doubled character is a word (谢谢, 常常), and so is a name that continues a word on its left.
  if (name[1] === name[0]) return -Infinity;
  if (start > 0 && CJK.test(text[start - 1]!) && isCommonWord(text.slice(start - 1, start + 1)))
    return -Infinity;
  return nameScore(name, false);
}

/** A candidate alone in a table cell: a line start, tab or | before it and a tab, | or line end after it. */
function isCell(text: string, start: number, end: number): boolean {
  let a = start - 1;
  while (a >= 0 && (text[a] === ' ' || text[a] === '　')) a--;
  let b = end;
  while (b < text.length && (text[b] === ' ' || text[b] === '　')) b++;
  const before = a < 0 ? '\n' : text[a]!;
  const after = b >= text.length ? '\n' : text[b]!;
  return /[\n\t|｜]/.test(before) && /[\n\t|｜]/.test(after);
}

function leftIsPersonPosition(text: string, start: number): boolean {
  if (start === 0) return true;
  // A digit before it makes a quantity (2周后, 3周岁), not a person.
  if (/[\d０-９一二三四五六七八九十两几半]/.test(text[start - 1]!)) return false;
  if (!CJK.test(text[start - 1]!)) return true;
  return LEFT_WORD.test(text.slice(Math.max(0, start - 3), start));
}

const test = (sticky: RegExp, text: string, at: number) => {
  sticky.lastIndex = at;
  return sticky.test(text);
};

/** Rules 1 and 2: names in running text before a person verb or between pauses. */
function proseCandidates(text: string, add: (start: number, end: number, category: PhiCategory) => void) {
  for (let i = 0; i < text.length - 1; i++) {
    if (!SURNAME_START_CODES.has(text.charCodeAt(i))) continue; // speed: no string made (codesOf)
    if (!SURNAME_STARTS.has(text[i]!) || !leftIsPersonPosition(text, i)) continue;
    const compound = COMPOUND_FIRST.has(text[i]!)
      ? COMPOUND_SURNAMES.find((s) => text.startsWith(s, i))
      : undefined;
    const lengths = compound ? [compound.length + 2, compound.length + 1] : [3, 2];
    for (const length of lengths) {
      const end = i + length;
      // The position first (two sticky tests), the candidate's score only then (speed).
      const next = text[end];
      // Cheap filter before the sticky tests (speed): what follows must be able to start a position.
      if (next !== undefined && CJK.test(next) && !RIGHT_CHARS.has(next)) continue;
      const verb = test(PERSON_RIGHT, text, end);
      const pause = !verb && (i === 0 || !CJK.test(text[i - 1]!)) && test(PAUSE_RIGHT, text, end);
      const of = !verb && !pause && text[end] === '的';
      if (!verb && !pause && !of) continue;
      const score = candidateScore(text, i, length);
      const bar = verb
        ? BAR_BEFORE_VERB
        : of
          ? BAR_BEFORE_OF
          : isCell(text, i, end)
            ? BAR_CELL
            : BAR_BETWEEN_PAUSES;
      if (score >= bar) {
        add(i, end, CLINICIAN_RIGHT.test(text.slice(end, end + 2)) ? 'CLINICIAN_NAME' : 'PATIENT_NAME');
        i = end - 1;
        break;
      }
    }
  }
}

const LIST = /(?<![\u4e00-\u9fa5])([\u4e00-\u9fa5]{2,4}(?:[、][\u4e00-\u9fa5]{2,4})+)(?![\u4e00-\u9fa5])/dg;

/** Rule 3: a list of people joined by 、. */
function listCandidates(text: string, add: (start: number, end: number, category: PhiCategory) => void) {
  LIST.lastIndex = 0;
  for (const m of execAll(LIST, text)) {
    const items: [number, number, number][] = [];
    let at = m.indices![1]![0];
    for (const item of m[1]!.split('、')) {
      items.push([at, at + item.length, candidateScore(text, at, item.length)]);
      at += item.length + 1;
    }
    // Two likely names make it a list of people: its other surname-led items are names too (钱立).
    if (items.filter(([, , score]) => score >= BAR_LIST_ITEM).length < 2) continue;
    for (const [start, end, score] of items) if (score > -Infinity) add(start, end, 'PATIENT_NAME');
  }
}

const FIELD =
  /(?:^|[\n，,；;。\s])([\u4e00-\u9fa5]{1,8})[：:][ \t　]*([\u4e00-\u9fa5]{2,4})(?=[\s，,。；;、)）(（]|$)/dg;
const STAFF_LABEL = /[医护师员者]|记录|审核|核对|执行|经办/;
const CHAT_ROLE_LABEL = /^(?:医生|医师|大夫|护士|药师|患者|病人|家属)$/;
/** One-character relations before a name in a field's value (round 10). */
const KIN_ONE = '妻夫子女侄孙孫甥媳婿';

/** Rule 4: the value of any field, standing alone. */
function fieldCandidates(text: string, add: (start: number, end: number, category: PhiCategory) => void) {
  FIELD.lastIndex = 0;
  const dialogue = isDialogue(text);
  for (const m of execAll(FIELD, text)) {
    // Round 10: in a dialogue the words after a bare role (医生：房缺，…) are a reply, not a field.
    if (dialogue && CHAT_ROLE_LABEL.test(m[1]!)) continue;
    const [matchStart, end] = m.indices![2]!;
    let start = matchStart;
    // A relation before the name in the value (联络人：孫何家俊, 家属：妻韦秀兰): the name after it.
    if (
      end - start >= 3 &&
      KIN_ONE.includes(text[start]!) &&
      candidateScore(text, start + 1, end - start - 1) >= BAR_FIELD
    )
      start += 1;
    else if (candidateScore(text, start, end - start) < BAR_FIELD) continue;
    add(start, end, STAFF_LABEL.test(m[1]!) ? 'CLINICIAN_NAME' : 'PATIENT_NAME');
  }
}

/** Titles, also with a rank before them (副主任医师) and a space between name and title ("黄俊杰 医生"). */
const NEW_TITLES =
  /[ \t　]?(副?(?:主任医师|主治医师|主管护师|主管药师|住院医师|规培医生|进修医生|实习医生|住院医|主任|医师|医生|醫師|醫生|大夫|药师|技师|护师|護士|护士长|护士|教授|院长|科长)|师傅|同志)/g;
const PERSON_TITLE = /^(?:师傅|同志)$/;
/** A unit before a staff name: "心内科王建国副主任医师". */
const UNIT_BEFORE = /[科室组院区站部]$/;
const NOT_BEFORE_TITLE = /[主全专内外床治诊级区庭班科院管交接责值执临药技]/;

/** Rule 5: a surname (and given name) before a title the older rules leave. */
function titleCandidates(text: string, add: (start: number, end: number, category: PhiCategory) => void) {
  NEW_TITLES.lastIndex = 0;
  for (const m of execAll(NEW_TITLES, text)) {
    for (const length of [3, 2, 1]) {
      const start = m.index - length;
      if (start < 0) continue;
      const name = text.slice(start, m.index);
      if ([...name].some((c) => !CJK.test(c)) || surnameOf(toSimplified(name)) === undefined) continue;
      const prev = start > 0 ? text[start - 1]! : '';
      const category: PhiCategory = PERSON_TITLE.test(m[1]!) ? 'PATIENT_NAME' : 'CLINICIAN_NAME';
      if (length === 1 || COMPOUND_SURNAMES.includes(name)) {
        // A surname alone keeps its title in the span (王医师, 王副主任) and stands right before it.
        if (m[0] !== m[1]) continue;
        // A surname alone: anything before it but a word it ends (主管药师, 值班医师) or its own double.
        if (prev === name || (CJK.test(prev) && isCommonWord(prev + name))) continue;
        // 和医师, 那医生, 但医生: a word, not a surname — unless a verb of telling stands before it (告知单医生).
        if (
          isWordySurname(name) &&
          !/(?:告知|通知|报告|联系|请示|汇报)$/.test(text.slice(Math.max(0, start - 2), start))
        )
          continue;
        add(start, m.index + m[1]!.length, category);
        break;
      }
      const left = toSimplified(text.slice(Math.max(0, start - 3), start));
      if (CJK.test(prev) && !LEFT_WORD.test(left) && !UNIT_BEFORE.test(left)) continue;
      if (NOT_BEFORE_TITLE.test(name[name.length - 1]!)) continue;
      if (candidateScore(text, start, length) >= BAR_BEFORE_VERB) {
        add(start, m.index, category);
        break;
      }
    }
  }
}

/**
 * Rule 6: Tibetan and Uyghur names, written as two or more common name parts without a surname (扎西顿珠,
 * 次仁卓玛, 阿依古丽, 努尔古丽); dotted transliterations are found by zh-names.ts.
 */
const MINORITY_PARTS =
  '扎西|次仁|卓玛|顿珠|格桑|央金|德吉|多吉|旺堆|尼玛|达瓦|平措|索朗|白玛|边巴|普布|拉姆|曲珍|旺姆|仁增|桑珠|洛桑|' +
  '丹增|强巴|益西|朗杰|巴桑|次旦|卓嘎|罗布|加措|嘉措|才让|拉毛|梅朵|吉美|阿依|古丽|买买提|麦麦提|艾力|热依|央宗|泽仁|泽旺|贡布|群培|琼达|' +
  '阿不都|吐尔逊|艾买提|努尔|帕提|米娜|阿力木|热合曼|依明|玉素甫|克里木|艾尼|瓦尔|阿卜杜|迪力|卡德尔|图尔荪|帕丽|热娜';
const MINORITY = new RegExp(`(?:${MINORITY_PARTS})(?:${MINORITY_PARTS}|[江汗罕]){1,2}`, 'g');

/** Rule 7: a familiar name (小刘, 老王) after a role or relation: "当班护士小刘说", "邻居老周". */
const FAMILIAR_AFTER_ROLE = new RegExp(
  `(?<=护士|医生|大夫|师傅|保安|护工|阿姨|司机|同事|邻居|室友|同学|朋友|主任|药师|技师|护理员|陪护)[小老][${SINGLE_SURNAMES}](?![\u4e00-\u9fa5])`,
  'g',
);
const FAMILIAR_BEFORE_VERB = new RegExp(
  `(?<=护士|医生|大夫|师傅|保安|护工|阿姨|司机|同事|邻居|室友|同学|朋友|主任|药师|技师|护理员|陪护)[小老][${SINGLE_SURNAMES}]`,
  'g',
);

function patternCandidates(text: string, add: (start: number, end: number, category: PhiCategory) => void) {
  if (
    /[扎次卓顿格央德多旺尼达平索白边普拉曲仁桑洛丹强益朗巴罗加嘉才梅吉阿古买麦艾热吐努帕米依玉克瓦迪卡图泽贡群琼]/.test(
      text,
    )
  ) {
    MINORITY.lastIndex = 0;
    for (const m of execAll(MINORITY, text)) add(m.index, m.index + m[0].length, 'PATIENT_NAME');
  }
  if (/[小老]/.test(text)) {
    for (const regex of [FAMILIAR_AFTER_ROLE, FAMILIAR_BEFORE_VERB]) {
      regex.lastIndex = 0;
      for (const m of execAll(regex, text)) {
        const end = m.index + 2;
        if (regex === FAMILIAR_BEFORE_VERB && !test(PERSON_RIGHT, text, end)) continue;
        if (isCommonWord(m[0].slice(1)) && regex === FAMILIAR_BEFORE_VERB) continue;
        const staff = /护士|医生|大夫|主任|药师|技师/.test(text.slice(Math.max(0, m.index - 2), m.index));
        add(m.index, end, staff ? 'CLINICIAN_NAME' : 'PATIENT_NAME');
      }
    }
  }
}

/** Adds the generic name spans of round 8 to `out`. */
export function findPositionedNames(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  proseCandidates(text, add);
  if (text.includes('、')) listCandidates(text, add);
  if (/[：:]/.test(text)) fieldCandidates(text, add);
  titleCandidates(text, add);
  patternCandidates(text, add);
}
