/**
 * Round 11 (issue 18), recall first (with the safety net): Chinese identifiers by structure, where the earlier
 * rules need a cue word or a name-table character.
 * 1. A person right after a role or a relation (工友冉老三, 心理老师罗婧, 侄子祁有福代答, 住院总古丽米拉, 同桌晓雯,
 *    翻译阮小姐, 医务处莫婷婷): the shortest 2–4 characters after the role that end on a word boundary (a pause, a
 *    connector, a dictionary word: 协助, 每周, 发现) and look like a person — a surname with any given characters
 *    but function words, a familiar form (老邱, 小林, 阿伦, 杨老二), or characters of given names and
 *    transliterations (晓雯, 努尔兰, 其其格, 朱丽叶); also a Latin name after the role (同学Ling Xiaoyu, 经纪Cindy 吴).
 * 2. Nicknames and aliases: after 小名/乳名/昵称/本名/全名 (琪琪, 糖豆, 才让卓玛), and what such a bracket or 本名
 *    follows (钱阿婆，本名…, 星星（藏族，全名…）); a Latin name and a Chinese one side by side in brackets
 *    (Tommy Lau（劉德明）, 阿伦（Allen Ho）); a Latin given name before a Chinese surname (Lily 胡, Sarah 林).
 * 3. Persons heading a line or a list item before a bracket or a sex (1）符传丽（住院号…, Nguyen Thi Hoa（越南籍）;
 *    the value of 姓名： whatever its characters (孛尔只斤·巴特尔); chat speakers after a bracketed role and before a
 *    time ([患者] 小鱼儿 09:12：); initials in a signature or before a bracketed name (签名：ZYM, 值班WJ（王俊）).
 * Pure.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { codesOf, givenWeight, isWordySurname } from './zh-name-model.ts';
import { SINGLE_SURNAMES } from './zh-surnames.ts';
import { toSimplified } from './zh-traditional.ts';
import { isCommonWord, isWord2 } from './zh-words.ts';
import { execAll } from './collect.ts';

const CJK = /[\u4e00-\u9fa5]/;
/** Rare surnames outside the frequency table, taken only where a person is expected (field values, after roles). */
const RARE_SURNAMES = '訾宓郦沃仉鄂郏钭隗蹇缑谯酆';
const SURNAMES = new Set([...SINGLE_SURNAMES, ...RARE_SURNAMES]);

// ---- 1. a person after a role or a relation -----------------------------------------------------------

/** Roles and relations written straight before a person's name; staff roles name a clinician. */
const STAFF_ROLES =
  '经手人|经办人|处理人|签收人|负责人|住院总|总住院|村医|夜班|白班|值班|护士长|护工|心理老师|社工|翻译|调查员|随访人|登记人|联络员|医务处|医务科|护理部|客服|专员|药剂师';
const OTHER_ROLES =
  '来电人|来访者|咨询者|投诉人|陪同人|陪诊人|家属|妈妈|爸爸|外婆|外公|姥姥|姥爷|爷爷|奶奶|工友|同事|同学|室友|舍友|同桌|朋友|好友|邻居|男友|女友|男朋友|女朋友|前女友|前男友|未婚妻|未婚夫|老伴|爱人|宝宝|患儿|孩子|外孙女|外孙|孙女|侄女|外甥女|表哥|表姐|表弟|表妹|堂哥|堂姐|嫂子|姐夫|妹夫|弟媳|继母|继父|保姆|雇主|房东|老师|班主任|组长|班长|主管|经理|领导|老板|师傅|证人|律师|民警|警官|代理人|经纪|妻子|丈夫|太太|老公|老婆|先生|儿子|女儿|侄子|外甥|母亲|父亲|哥哥|姐姐|弟弟|妹妹|儿媳|女婿';
const ROLE = new RegExp(`(${STAFF_ROLES})|(?:${OTHER_ROLES})`, 'g');
const STAFF_ROLE = new RegExp(`^(?:${STAFF_ROLES})$`);
/** Characters of given names and transliterated names outside the tables (努尔兰, 古丽米拉, 其其格, 朱丽叶). */
const NAME_LIKE = new Set('尔兰古丽米拉其格叶努阿依娜莎提克木汗买热曼巴特图雅琪雯婧鱼豆萱妍彤凯满渔思');
/** Function characters never inside a name written after a role. */
const FUNCTION_CHARS = new Set(
  '我你他她它们的了是在和与不没也都就还说这那个些吗呢吧啊呀么要会能可已上下过去来着把被让查看做打吃喝用服测病症痛炎患',
);
/** A surname with an honorific (阮小姐, 葛先生). */
const HONORIFIC = /^(?:小姐|先生|女士|太太|阿姨|师傅|老师)$/;
/** Kinship words after 阿 (阿姨, 阿婆) are no names. */
const KIN_AFTER_A = new Set('姨婆公伯叔姐哥妹弟嫂爸妈奶爷');
/** A given-name character of the tables (weight 0.8 or more) or of transliterations. */
const strongGiven = (c: string) => (givenWeight(c) ?? 0) >= 0.8 || NAME_LIKE.has(c);
/** What a name may be followed by (one character): a pause, a connector or a verb of a person's doing. */
const ONE_AFTER = new Set(
  '，,。；;、：:（(）)“”"\'！!？? \t\n　和与及于在说诉讲问代帮陪等也都就是的已又才每',
);
const FAMILIAR = /^(?:[老小阿][\u4e00-\u9fa5]|[\u4e00-\u9fa5]老[二三四五六七八九大幺])$/;

/** Is `name` (2–4 Han characters, simplified) shaped like a person's name after a role? */
function personShaped(name: string, pauseAfter = false): boolean {
  if ([...name].some((c) => FUNCTION_CHARS.has(c))) return false;
  // A familiar form after a role is a person even where it is also a word (社工小林).
  if (FAMILIAR.test(name))
    return name[0] === '阿'
      ? !KIN_AFTER_A.has(name[1]!)
      : SURNAMES.has(name[1]!) || SURNAMES.has(name[0]!) || (name[0] === '小' && strongGiven(name[1]!));
  if (name.length === 2 && (isCommonWord(name) || isWord2(name))) return false;
  if (isWord2(name.slice(0, 2))) return false;
  // Three or four characters led by a surname, one of them a given-name character: a dictionary person name
  // (朱丽叶) stays a name here.
  if (SURNAMES.has(name[0]!) && HONORIFIC.test(name.slice(1))) return true;
  if (SURNAMES.has(name[0]!) && !isWordySurname(name[0]!))
    return name.length === 2
      ? givenWeight(name[1]!) !== undefined || NAME_LIKE.has(name[1]!) || pauseAfter
      : [...name.slice(1)].some(strongGiven);
  if (isCommonWord(name)) return false;
  return [...name].every((c) => givenWeight(c) !== undefined || NAME_LIKE.has(c));
}

/** Does the text at `end` start on a boundary (a pause, a connector, a dictionary word, Latin or a digit)? */
function boundaryAt(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined || !CJK.test(next) || ONE_AFTER.has(next)) return true;
  return isWord2(text.slice(end, end + 2));
}

const LATIN_NAME = /^(?:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}(?:[ \t]?[\u4e00-\u9fa5](?![\u4e00-\u9fa5]))?)/;

/** The name standing at `start` after a role (Latin or Han), as [start, end], or undefined. */
function nameAt(text: string, start: number): [number, number] | undefined {
  const latin = LATIN_NAME.exec(text.slice(start, start + 40));
  if (latin) {
    const value = latin[0];
    // A trailing Chinese character is a surname (Cindy 吴), not the next word.
    const last = value[value.length - 1]!;
    const end =
      CJK.test(last) && !SURNAMES.has(toSimplified(last))
        ? start + value.replace(/[ \t]?[\u4e00-\u9fa5]$/, '').length
        : start + value.length;
    return [start, end];
  }
  for (let length = 2; length <= 4; length++) {
    const raw = text.slice(start, start + length);
    if (raw.length < length || !/^[\u4e00-\u9fa5]+$/.test(raw)) return undefined;
    if (!boundaryAt(text, start + length)) continue;
    // A surname and any character ending a clause is a name after a role (经手人邢蕾。).
    const pause = /^(?:[，,。；;、\s]|$)/.test(text.slice(start + length, start + length + 1));
    return personShaped(toSimplified(raw), pause) ? [start, start + length] : undefined;
  }
  return undefined;
}

function roleNames(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  ROLE.lastIndex = 0;
  for (const m of execAll(ROLE, text)) {
    const category: PhiCategory = m[1] && STAFF_ROLE.test(m[1]) ? 'CLINICIAN_NAME' : 'RELATIVE_NAME';
    let at = nameAt(text, m.index + m[0].length);
    // A list after the role (工友冉老三、邹德胜; 同学Ling Xiaoyu、孔令辉).
    for (let n = 0; at && n < 6; n++) {
      add(at[0], at[1], category);
      at = '、和及与'.includes(text[at[1]] ?? '-') ? nameAt(text, at[1] + 1) : undefined;
    }
  }
}

// ---- 2. nicknames, aliases, mixed names ---------------------------------------------------------------

const ALIAS_CUE = '小名|乳名|昵称|外号|绰号|网名|本名|全名|原名|真名|大名|英文名|中文名|曾用名';
const AFTER_ALIAS_CUE = new RegExp(
  `(?:${ALIAS_CUE})(?:叫做|叫|是|为)?[：:]?[ \\t]*([\\u4e00-\\u9fa5·]{2,5}|[A-Z][a-z]+(?:[ \\t][A-Z][a-z]+){0,2})`,
  'dg',
);
/** The word a bracket with an alias cue, or a ，本名 follows (钱阿婆，本名…; 星星（藏族，全名…）). */
const BEFORE_ALIAS_CUE = new RegExp(
  `(?<=^|[\\n，,。；;：:\\s）)])([\\u4e00-\\u9fa5]{2,4}|[A-Z][a-z]+(?:[ \\t][A-Z][a-z]+){0,2})(?:[（(][^）)\\n]{0,8}?(?:${ALIAS_CUE})|[，,](?:本名|全名|原名|真名|大名))`,
  'dg',
);
/** A Latin name and a Chinese name side by side, one in brackets. */
const LATIN_PERSON = "[A-Z][a-z]+(?:[ \\t](?:[A-Z]\\.|[A-Z][a-z'’-]+)){1,3}";
const PAIR = new RegExp(
  `(?<![A-Za-z\\u4e00-\\u9fa5])(?:(${LATIN_PERSON})[（(]([\\u4e00-\\u9fa5]{2,4})[）)]|([\\u4e00-\\u9fa5]{2,4})[（(](${LATIN_PERSON})[）)])`,
  'dg',
);
/** A Latin given name before a Chinese surname (Lily 胡, Sarah 林，女). */
const MIXED = /(?<![A-Za-z])([A-Z][a-z]{1,10}[ \t]?[\u4e00-\u9fa5])(?![\u4e00-\u9fa5])/dg;

function isChinesePerson(raw: string): boolean {
  const name = toSimplified(raw);
  if (isCommonWord(name) || isWord2(name.slice(0, 2))) return false;
  return (SURNAMES.has(name[0]!) && !isWordySurname(name[0]!)) || /^[阿小老]/.test(name);
}

function aliasNames(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  for (const regex of [AFTER_ALIAS_CUE, BEFORE_ALIAS_CUE]) {
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      const [start, end] = m.indices![1]!;
      // After the cue anything is a name (小名叫糖豆); before it, not an ordinary word.
      if (regex === AFTER_ALIAS_CUE || !isCommonWord(m[1]!)) add(start, end, 'PATIENT_NAME');
    }
  }
  if (/[（(]/.test(text)) {
    PAIR.lastIndex = 0;
    for (const m of execAll(PAIR, text)) {
      const chinese = m[2] ?? m[3]!;
      if (!isChinesePerson(chinese)) continue;
      for (const group of [1, 2, 3, 4]) {
        const at = m.indices![group];
        // A title before a Latin name is not part of it (Pt Zhou Guangming（周光明）).
        const title = /^(?:Pt|Mr|Mrs|Ms|Miss|Dr|Patient)[ \t]+/.exec(m[group] ?? '');
        if (at) add(at[0] + (title?.[0].length ?? 0), at[1], 'PATIENT_NAME');
      }
    }
  }
  MIXED.lastIndex = 0;
  for (const m of execAll(MIXED, text)) {
    const value = m[1]!;
    if (!SURNAMES.has(toSimplified(value[value.length - 1]!))) continue;
    const [start, end] = m.indices![1]!;
    add(start, end, 'PATIENT_NAME');
  }
}

// ---- 3. line heads, 姓名 values, chat speakers, initials ------------------------------------------------

/** A person heading a line or list item, before a bracket with an identifier, a sex or a nationality. */
const LINE_HEAD = new RegExp(
  `(?:^|\\n)[ \\t　]*(?:\\d{1,2}[）).．、]|[（(]\\d{1,2}[）)]|[-•·*])?[ \\t　]*([\\u4e00-\\u9fa5]{2,4}(?:·[\\u4e00-\\u9fa5]{1,6})?|${LATIN_PERSON})` +
    `(?=[（(](?:住院号|门诊号|病案号|床号|就诊卡|ID|\\d{1,3}床|男|女|\\d{1,3}岁|[\\u4e00-\\u9fa5]{1,4}籍)|[，,][ \\t]*[男女][，,])`,
  'dg',
);
const NAME_FIELD = /(?:姓名|名字)[ \t]*[：:][ \t　]*([^\s，,；;。（(]{2,12})/dg;
const CHAT_SPEAKER =
  /(?:^|\n)[ \t]*[[【［](患者|家属|医生|护士|药师|用户|客户|咨询者|咨询人|客服|助理)[\]】］][ \t]*([^\s\d:：[\]【】]{1,12}?)[ \t]+\d{1,2}:\d{2}/dg;
const ROLE_WORD = /^(?:患者|家属|医生|护士|药师|用户|客户|咨询者|客服|助理|系统|匿名)$/;
const INITIALS =
  /(?:(?:签名|签字|签章)[ \t]*[：:][ \t]*([A-Z]{2,4})(?![A-Za-z])|(?<![A-Za-z])([A-Z]{2,3})(?=[（(][\u4e00-\u9fa5]{2,3}[）)]))/dg;

/** 老劉, 小陳: a familiar form with a traditional surname, at a boundary. */
const FAMILIAR_TRADITIONAL =
  /(?<=^|[^\u4e00-\u9fa5]|[说和与让给找跟同陪问叫])([老小][劉陳黃張趙吳鄭楊許馮鄧蕭盧蘇譚錢鍾羅韓謝馬孫鄒蔣龍顧陸麥歐嚴閻溫賀費韋駱聶龔鄺])/dg;
/** A rare single surname straight before a title after a preposition (由沃护士执行, 请仉医生). */
const SURNAME_TITLE = /(?<=由)([\u4e00-\u9fa5])(?=护士|医生|医师|大夫|药师)/dg;
const NOT_SURNAME_BEFORE_TITLE = new Set('男女主副值管责护医药该本我你他她各全专住实');
/** A letter's last line made of a name only (…传真至…。⏎凯文). */
const SIGN_OFF = /\n[ \t　]*([\u4e00-\u9fa5]{2,3})\s*$/d;

function lineNames(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  FAMILIAR_TRADITIONAL.lastIndex = 0;
  for (const m of execAll(FAMILIAR_TRADITIONAL, text)) {
    const [start, end] = m.indices![1]!;
    add(start, end, 'PATIENT_NAME');
  }
  SURNAME_TITLE.lastIndex = 0;
  for (const m of execAll(SURNAME_TITLE, text)) {
    if (NOT_SURNAME_BEFORE_TITLE.has(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    add(start, end + 2, 'CLINICIAN_NAME');
  }
  const signOff = SIGN_OFF.exec(text);
  if (signOff) {
    const name = toSimplified(signOff[1]!);
    const shaped =
      !isWord2(name.slice(0, 2)) &&
      [...name.slice(1)].every(strongGiven) &&
      (SURNAMES.has(name[0]!) || strongGiven(name[0]!));
    if (shaped) add(signOff.indices![1]![0], signOff.indices![1]![1], 'CLINICIAN_NAME');
  }
  LINE_HEAD.lastIndex = 0;
  for (const m of execAll(LINE_HEAD, text)) {
    const value = m[1]!;
    // A transliterated name with a dot (詹妮弗·李) is a person whatever its first character; a role before it
    // (患者安娜·…) is not part of it.
    if (CJK.test(value[0]!) && !value.includes('·') && !isChinesePerson(value)) continue;
    const [start, end] = m.indices![1]!;
    const role = value.includes('·')
      ? (/^(?:患者|病人|家属|姓名|受检者|来访者)/.exec(value)?.[0].length ?? 0)
      : 0;
    add(start + role, end, 'PATIENT_NAME');
  }
  NAME_FIELD.lastIndex = 0;
  for (const m of execAll(NAME_FIELD, text)) {
    const [start, end] = m.indices![1]!;
    add(start, end, 'PATIENT_NAME');
  }
  CHAT_SPEAKER.lastIndex = 0;
  for (const m of execAll(CHAT_SPEAKER, text)) {
    if (ROLE_WORD.test(m[2]!)) continue;
    const [start, end] = m.indices![2]!;
    add(start, end, /医生|护士|药师/.test(m[1]!) ? 'CLINICIAN_NAME' : 'PATIENT_NAME');
  }
  INITIALS.lastIndex = 0;
  for (const m of execAll(INITIALS, text)) {
    const at = m.indices![1] ?? m.indices![2]!;
    // Initials before a bracket only when the bracket holds a name (WJ（王俊）, not CT（增强）).
    if (m[2]) {
      const inner = /[（(]([\u4e00-\u9fa5]{2,3})[）)]/.exec(text.slice(at[1], at[1] + 6));
      const person = inner && toSimplified(inner[1]!);
      if (!person || !SURNAMES.has(person[0]!) || isWordySurname(person[0]!) || isCommonWord(person))
        continue;
      if (text[at[0] - 1] === '抗') continue;
    }
    add(at[0], at[1], 'CLINICIAN_NAME');
  }
}

// ---- 4. staff and person fields of forms ---------------------------------------------------------------

/**
 * Labels of forms whose value is a person (手术记录, 交班, 危急值, 讨论, CRF, 委托, 结算清单), beyond round 10's staff
 * labels: the value is 1–4 Han characters (or a 、 list) led by a surname, ending the field (a tab, two spaces, a
 * full-width space, the line's end or a pause), whatever its words (麻醉：甘露).
 */
const FORM_LABEL =
  '手术者|主刀|术者|一助|二助|三助|助手|麻醉医师|麻醉者|麻醉|器械护士|巡回护士|洗手护士|主持人|参加人员|出席人员|记录者|接收人|报告人|' +
  '交班护士|接班护士|交班者|接班者|交班人|接班人|主检医师|总检医师|检查者|研究者签字|研究者|监查员|委托人|申请人|代理人|被鉴定人|鉴定人|' +
  '参保人|被保险人|投保人|受试者|随访医生|经治医师|上级医师|值班医师|质控医师|质控护士|审批人|退药人|领药人|送检人|采血人|签收人';
const FIELD_VALUE =
  '[ \\t]*[：:][ \\t]*([\\u4e00-\\u9fa5]{1,4}(?:[、，,][ \\t]*[\\u4e00-\\u9fa5]{1,4})*)(?=[\\t\\n（(，,]|$|[ 　]{1,}|[。；;])';
const FORM_FIELD = new RegExp(`(?:${FORM_LABEL})${FIELD_VALUE}`, 'dg');
/**
 * Any label naming a person by its ending (咨询师：, 报告人：, 转诊医生：, 患者：); its value must be no ordinary word,
 * and a bare role at a line's start is a chat speaker (患者：谢谢), not a field.
 */
const PERSON_LABEL_FIELD = new RegExp(
  `([\\u4e00-\\u9fa5]{0,4}(?:医生|医师|护士|药师|技师|咨询师|治疗师|营养师|人|者))${FIELD_VALUE}`,
  'dg',
);
const BARE_SPEAKER = /^(?:患者|病人|医生|医师|护士|药师|家属|用户|咨询者|来访者|咨询人|本人|病者)$/;
/** A name's initials in a field (受试者姓名缩写：ZHXF). */
const INITIALS_FIELD = /(?:姓名缩写|姓名首字母|缩写)[ \t]*[：:][ \t]*([A-Z]{2,5})(?![A-Za-z])/dg;
/** Words a form field may hold that are no person (麻醉：全麻, 参加人员：全科). */
const NOT_PERSON_VALUE = /^(?:全|局|无|本|患|家|科|医|护|见|同|详|略|略|待|未|不)/;

function formFields(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  for (const regex of [FORM_FIELD, PERSON_LABEL_FIELD]) {
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      const generic = regex === PERSON_LABEL_FIELD;
      if (generic) {
        const labelStart = m.indices![1]![0];
        const lineStart =
          labelStart === 0 || /\n[ \t　]*$/.test(text.slice(Math.max(0, labelStart - 4), labelStart));
        if (lineStart && BARE_SPEAKER.test(m[1]!)) continue;
      }
      const group = generic ? 2 : 1;
      let at = m.indices![group]![0];
      for (const part of m[group]!.split(/([、，,][ \t]*)/)) {
        const start = at;
        at += part.length;
        if (/^[、，,]/.test(part) || part.length === 0) continue;
        const name = toSimplified(part);
        if (NOT_PERSON_VALUE.test(name) || !SURNAMES.has(name[0]!)) continue;
        if (name.length > 1 && isWord2(name) && isWordySurname(name[0]!)) continue;
        // A generic label's value is no ordinary word (患者：高血压, 报告人：谢谢).
        if (
          generic &&
          name.length > 1 &&
          (isWord2(name.slice(0, 2)) ||
            (name.length === 2 && isCommonWord(name)) ||
            [...name].some((c) => FUNCTION_CHARS.has(c)))
        )
          continue;
        add(start, at, 'CLINICIAN_NAME');
      }
    }
  }
  INITIALS_FIELD.lastIndex = 0;
  for (const m of execAll(INITIALS_FIELD, text)) {
    const [start, end] = m.indices![1]!;
    add(start, end, 'PATIENT_NAME');
  }
}

// ---- 5. a three-character name before a measurement ----------------------------------------------------

/** A measurement or a time of the patient right after the name (焦守义血小板18, 季红霞今晨体温). */
const MEASURE_RIGHT =
  /^(?:血压|血糖|血小板|血钾|血钠|血红蛋白|体温|心率|脉搏|血氧|肌酐|尿量|引流|术后|今晨|晨起|夜间|入院后|出院后)/;

/** The first characters of MEASURE_RIGHT's words: a cheap test before the others (speed). */
const MEASURE_FIRST = codesOf('血体心脉肌尿引术今晨夜入出');

function namesBeforeMeasures(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  for (let i = 0; i + 3 < text.length; i++) {
    if (!MEASURE_FIRST.has(text.charCodeAt(i + 3))) continue;
    if (!SURNAMES.has(text[i]!) || isWordySurname(text[i]!)) continue;
    const prev = text[i - 1];
    if (prev !== undefined && (CJK.test(prev) || /[\d.]/.test(prev))) continue;
    if (!MEASURE_RIGHT.test(text.slice(i + 3, i + 7))) continue;
    const name = toSimplified(text.slice(i, i + 3));
    if (!/^[\u4e00-\u9fa5]{3}$/.test(name) || [...name].some((c) => FUNCTION_CHARS.has(c))) continue;
    if (isCommonWord(name) || isWord2(name.slice(0, 2))) continue;
    if (![...name.slice(1)].some(strongGiven)) continue;
    add(i, i + 3, 'PATIENT_NAME');
  }
}

/** Two three-character names joined by a connector (赖月娥与赖国清为夫妻): both of a name's shape. */
const NAME_PAIR = /(?<![\u4e00-\u9fa5])([\u4e00-\u9fa5]{3})[与和及、]([\u4e00-\u9fa5]{3})/dg;

function threeCharName(raw: string): boolean {
  const name = toSimplified(raw);
  if (!SURNAMES.has(name[0]!) || isWordySurname(name[0]!)) return false;
  if ([...name].some((c) => FUNCTION_CHARS.has(c)) || isCommonWord(name) || isWord2(name.slice(0, 2)))
    return false;
  return [...name.slice(1)].some(strongGiven);
}

function namePairs(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  NAME_PAIR.lastIndex = 0;
  for (const m of execAll(NAME_PAIR, text)) {
    if (!threeCharName(m[1]!) || !threeCharName(m[2]!)) continue;
    for (const group of [1, 2]) {
      const [start, end] = m.indices![group]!;
      add(start, end, 'PATIENT_NAME');
    }
  }
}

/** Adds round 11's Chinese names to `out`. */
export function findRound11ChineseNames(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  roleNames(text, add);
  aliasNames(text, add);
  lineNames(text, add);
  if (/[：:]/.test(text)) formFields(text, add);
  namesBeforeMeasures(text, add);
  namePairs(text, add);
}
