/**
 * Round 13 (issue 18), recall first (with the safety net): Chinese persons by position and by shape, the classes
 * tuning-6 showed the older rules miss (docs/notes/deid-tuning6-study-2026-12-08.md).
 * 1. A role noun or a department right before a name, with or without a colon (配血者X, 操作人X, 担架员X,
 *    助产士X, 药学部X, 保卫科X, 负责人：X): the surname table and the word dictionary bound the name (X三方销毁:
 *    the name stops where a word starts).
 * 2. A surname and a title after a pause, a department or a role noun, wordy surnames too (，方主任, 辅导员尚老师,
 *    信息科左工, 经史护士长), and rare surnames the frequency table lacks (郦, 谯, 禤, 代, 占 …).
 * 3. Kinship words and bed numbers before a name without a surname: a reduplicated nickname (女儿婷婷), a
 *    non-word pair before a pause or a function character (其妻央金不识字), a quoted name (孙女“妞妞”).
 * 4. Naming words before a quoted name (小名“豆豆”, 乳名“糖糖”, 自称“小贾”, 叫“小梅”).
 * 5. Transliterated names (Uyghur, Tibetan, Mongolian …) by their characters: joined by a middle dot anywhere
 *    (热娜古丽·阿不都), alone in a person position (努尔曼医师, 主管医师阿布都热合曼, 由古丽米拉负责).
 * 6. Hangul in Chinese text (a Korean name: 金凤（朝鲜族，김봉）).
 * Pure (the dictionary is read once, lazily; see zh-words.ts).
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';
import { givenWeight, surnameOf, surnameWeight } from './zh-name-model.ts';
import { isCommonWord, isWord2At } from './zh-words.ts';

/**
 * Surnames in use that the frequency-ordered table lacks (rank beyond its end), after the 2019 public-security
 * surname report's long tail; accepted only in person positions (role, kinship, title).
 */
const RARE_SURNAMES = '郦谯禤代占琚隗厍糜麴宓酆缑亓佴阙蒯郜逄衡訾眭鄂竺靳';
/** Characters that do not continue a given name (verbs, particles, pronouns, numbers of a count). */
const NOT_GIVEN = new Set(
  '的了在是和与及或等被把对向从为于以说诉称问答已将再又也都就还不没无有个位名人者员师士长们这那此其该各每上下中内外前后左右男女岁年月日时分床号室科部处院病症药片次例我你他她它您咱叫班'.split(
    '',
  ),
);
const CJK = /[\u4e00-\u9fa5]/;
const TITLE =
  '(?:护士长|主任医师|副主任|主任|医师|医生|大夫|护士|药师|技师|老师|教授|经理|师傅|大妈|大爷|大姐|阿姨|科长|院长|处长|律师|警官|工(?=[\\s　，,。；;、]|$))';
const TITLE_AT = new RegExp(TITLE, 'y');

/** Surnames that are mostly function words (由, 和, 都 …): never taken in a position without more evidence. */
const FUNCTION_SURNAMES = '由从但可那及来位应计和于区时全原是为向对给让请找跟被把将都也就还再又';

/** The surname at `at`: a compound or table one, else a rare one (person positions only). */
function surnameAt(text: string, at: number): string | undefined {
  const s = surnameOf(text.slice(at, at + 2));
  if (s) return FUNCTION_SURNAMES.includes(s) ? undefined : s;
  return RARE_SURNAMES.includes(text[at]!) ? text[at] : undefined;
}

/**
 * The surname-led name starting at `at` in a person position, or its end (undefined when none): two given
 * characters unless the second starts a word with what follows (杭军三方 → 杭军), one otherwise; never an
 * ordinary word (万一, 石膏).
 */
export function nameEndAt(text: string, at: number, lenient = false): number | undefined {
  const surname = surnameAt(text, at);
  if (!surname) return undefined;
  const g = at + surname.length;
  const ok = (i: number) => i < text.length && CJK.test(text[i]!) && !NOT_GIVEN.has(text[i]!);
  if (!ok(g)) return undefined;
  // the surname and the next character already make a word (万一, 高热, 石膏): no name
  if (surname.length === 1 && (isCommonWord(text.slice(at, g + 1)) || isWord2At(text, at))) {
    // 黄家 is a word, 黄家豪（ a name: in a lenient position a third name character before a pause
    if (
      lenient &&
      ok(g + 1) &&
      givenWeight(text[g]!) !== undefined &&
      /[，,）)、；;（(\s　]/.test(text[g + 2] ?? '') &&
      !isCommonWord(text.slice(at, g + 2))
    )
      return g + 2;
    if (!(lenient && /[（(]/.test(text[g + 1] ?? ''))) return undefined;
  }
  TITLE_AT.lastIndex = g;
  if (TITLE_AT.test(text)) return undefined; // 王主任: the title rule's
  if (ok(g + 1) && !isWord2At(text, g + 1)) {
    TITLE_AT.lastIndex = g + 1;
    const titled = TITLE_AT.test(text);
    const cand = text.slice(at, g + 2);
    if (!titled && !isCommonWord(cand)) return g + 2;
  }
  const cand = text.slice(at, g + 1);
  if (isCommonWord(cand) && surname.length === 1 && !lenient) return undefined;
  return g + 1;
}

/** Characters of transliterated names (Uyghur, Kazakh, Tibetan, Mongolian) in Chinese writing. */
const TRANS =
  '不阿艾爱安巴拜贝比别波布达丹德迪蒂多尔法菲弗盖格古哈海罕汗赫吉加杰金卡凯坎克肯库拉莱兰朗勒雷里力丽利莉琳伦罗洛玛买麦曼梅米敏穆娜纳乃尼妮努帕佩普齐奇热茹萨赛桑莎沙舍斯苏索塔泰坦特提图托瓦旺维沃乌西希谢辛雅亚央伊依扎卓孜措次仁姆珠旦增都合提江';
const TRANS_RUN = `[${TRANS}]`;
const DOTTED = new RegExp(`${TRANS_RUN}{2,8}[·•・]${TRANS_RUN}{2,8}(?:[·•・]${TRANS_RUN}{2,8})?`, 'g');

/** Role nouns and labels that stand right before a person (a colon may follow). */
const ROLE =
  '(?:配血者|记录者|审核者|操作者|执行者|报告者|签字者|书写者|交班者|接班者|操作人|承办人|联系人|负责人|经办人|委托人|代理人|监护人|陪护人|核对人|发送人|接收人|申请人|报告人|送检人|签收人|见证人|' +
  '邻居|同事|朋友|室友|担架员|驾驶员|辅导员|调度员|护理员|护工|司机|助产士|护士长|护士|药师|技师|治疗师|营养师|翻译|审核|核对|签名|记录|' +
  '主管医师|主治医师|住院医师|进修医师|规培医师|交班医师|接班医师|值班医师|会诊医师|麻醉医师|上级医师|主刀|一助|二助|接班|交班|' +
  '(?:药学|医务|护理|保卫|信息|财务|后勤|设备|总务|人事|质控|院感|宣传|党政|营养|检验|放射|病理)(?:部|处|科|室)|产房|病房|药房|手术室|诊室)';
const DEPT = '[\\u4e00-\\u9fa5]{1,6}(?:科|中心)';
const ROLE_BEFORE = new RegExp(
  `(?:${ROLE}|(${DEPT})(?=[ 　]?[\\u4e00-\\u9fa5]))[ \\t　]*[：:]?[ \\t　]*(?=[\\u4e00-\\u9fa5])`,
  'g',
);
/** Is a field's token made of words (晚间巡视: 晚间 + 巡视), not a name (山本美咲, 佐藤恵)? */
function wordy(text: string, at: number, length: number): boolean {
  if (length === 2) return isWord2At(text, at);
  let pairs = 0;
  for (let i = at; i + 2 <= at + length; i++) if (isWord2At(text, i)) pairs++;
  return pairs >= 2 || isWord2At(text, at + length - 2);
}
const FIELD_TOKEN = /[\u4e00-\u9fa5]{2,4}(?=[（(\s　；;/]|$)/y;
const PLACEHOLDER = /^(?:不详|未知|本人|患者|家属|同上|待定|暂无|无|空缺|见上|签字|签名)$/;
/** A title after a pause, a department, a role noun or a preposition (the name is the surname + title). */
const TITLED = new RegExp(
  `(?:^|(?<=[\\s　，,。；;：:、（(“"]|${ROLE})|(?<=[科经由请找问让跟和与及]))([\\u4e00-\\u9fa5]{1,2})(?=${TITLE})`,
  'gm',
);

/** Where a patient's name stands before its sex and age. */
const DEMOGRAPHIC = /(?:患者|病人|患儿|姓名[：:]?)[ \t　]*(?=[\u4e00-\u9fa5]{2,4}[，,\s　]+[男女])/g;
/** Kinship words and bed numbers: a person follows. */
const KIN =
  /(?:女儿|儿子|其妻|其夫|妻子|丈夫|老伴|爱人|孙女|孙子|外孙女|外孙|子女|儿媳|女婿|侄子|侄女|姐姐|哥哥|弟弟|妹妹|小朋友|宝宝|患儿|邻居|同事|\d{1,3}床)[ \t　]*(?=[\u4e00-\u9fa5“"「])/g;
/** A boundary after a bare given name: a pause, a bracket, a quote, or a function character. */
const AFTER_BARE = /[\s　，,。；;、（(）)“”"：:]|[不在是已说诉陪晚明今昨也都和与及的来去要会]/;
/** Reduplicated adverbs and kinship words that are no nickname (刚刚, 常常, 奶奶 …). */
const NOT_REDUP = new Set(
  '刚常渐慢天偷悄好多稍往匆默轻统仅微时处年人奶爷妈爸哥姐弟妹叔伯姑舅姥婆公宝娃嫂'.split(''),
);
/** Naming words before a quoted name. */
const NAMING =
  /(?:小名|乳名|昵称|外号|绰号|网名|自称|名叫|拟叫|叫做|叫|称呼|外孙女|孙女|孙子|女儿|儿子|侄女|侄子|外甥女?|妻子|丈夫|老伴|爱人|姐姐|哥哥|弟弟|妹妹|邻居|同事|朋友)[ \t　]*[“"「『]([\u4e00-\u9fa5]{1,4})[”"」』]/g;
const HANGUL = /[\uac00-\ud7a3]{2,4}/g;
/** A transliterated name alone in a person position: after a role, before a title, 由…负责. */
const TRANS_BEFORE_TITLE = new RegExp(`(?<![${TRANS}])(${TRANS_RUN}{3,8})(?=医师|医生|大夫|护士|负责)`, 'dg');

const NAMES = new Set<PhiCategory>(['PATIENT_NAME', 'RELATIVE_NAME', 'CLINICIAN_NAME']);
/** A name-like stretch right before a bracket: Han characters (a title form 聂老, a nickname) or a romanised name. */
const APPOSED =
  /([\u4e00-\u9fa5]{2,4}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3})[（(](?=[\u4e00-\u9fa5]{2,4}[，,）)、；;])/g;
const TITLE_FORM = /(?:老|总|工|医生|大夫|主任|老师|护士|师傅|经理|阿姨|大爷)$/;
const LATIN_BEFORE = /[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}$/;
const ZH_DAY =
  '(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十|[一二三四五六七八九十])';
const LUNAR = new RegExp(`农历[ \t　]*((?:正|[一二三四五六七八九冬腊]|十[一二]?)月${ZH_DAY}(?:日)?)`, 'dg');
/** Ages over 89 written in Chinese numerals before 了 or 岁 (“九十一了”, 一百零二岁). */
const ZH_OLD_AGE =
  /(?<![\u4e00-\u9fa5]{2}[第个])((?:九十[一二三四五六七八九]?|一百(?:零[一二三四五六七八九]|[一二三四五六七八九]?十?[一二三四五六七八九]?)?))(?=了|岁|高龄)/dg;

/** Adds round 13's Chinese persons to `out`. */
export function findRound13ChineseNames(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  // 1. role noun or department + name
  for (const m of execAll(ROLE_BEFORE, text)) {
    const at = m.index + m[0].length;
    if (isWord2At(text, at - 1)) continue; // 科普, 记录时: the cue's last character starts a word
    const end = nameEndAt(text, at);
    // after a department only a frequent surname (科普一下: 普 is a rare one)
    const titled = () => {
      TITLE_AT.lastIndex = end!;
      return TITLE_AT.test(text) || text.startsWith('副主任', end!);
    };
    if (
      end !== undefined &&
      (!m[1] || surnameWeight(surnameOf(text.slice(at, at + 2)) ?? '') >= 1 || titled())
    ) {
      add(at, end, 'CLINICIAN_NAME');
      continue;
    }
    // a labelled field (翻译：佐藤恵（公司同事）): any token that is no word, up to a bracket or a pause
    if (/[：:]/.test(m[0]) && !/^(?:记录|审核|核对)/.test(m[0])) {
      FIELD_TOKEN.lastIndex = at;
      const f = FIELD_TOKEN.exec(text);
      if (
        f &&
        !PLACEHOLDER.test(f[0]) &&
        !/[科部处室院所站队组]$/.test(f[0]) &&
        !wordy(text, at, f[0].length) &&
        !isCommonWord(f[0])
      ) {
        add(at, at + f[0].length, 'CLINICIAN_NAME');
        continue;
      }
    }
    const trans = new RegExp(`${TRANS_RUN}{3,8}`, 'y');
    trans.lastIndex = at;
    const t = trans.exec(text);
    if (t && !isWord2At(text, at)) add(at, at + t[0].length, 'CLINICIAN_NAME');
  }
  // 2. surname + title
  for (const m of execAll(TITLED, text)) {
    const s = m[1]!;
    const at = m.index + m[0].length - s.length;
    TITLE_AT.lastIndex = at + s.length;
    const t = TITLE_AT.exec(text);
    if (!t) continue;
    const surname = surnameAt(text, at);
    if (!surname || surname.length !== s.length || FUNCTION_SURNAMES.includes(surname)) continue;
    // after a department or a preposition (科普, 部门经理, 和医生) only a frequent surname
    if (/[科经由请找问让跟和与及]/.test(text[at - 1] ?? '') && surnameWeight(surname) < 1) continue;
    const clinical =
      /^(?:护士长|主任医师|副主任|主任|医师|医生|大夫|护士|药师|技师|教授|科长|院长|处长)$/.test(t[0]);
    add(at, at + s.length + t[0].length, clinical ? 'CLINICIAN_NAME' : 'PATIENT_NAME');
  }
  // 1b. a patient named before sex and age (患者代文博，男，66岁): rare surnames too
  for (const m of execAll(DEMOGRAPHIC, text)) {
    const at = m.index + m[0].length;
    const end = nameEndAt(text, at);
    if (end !== undefined && /^[，,\s　]+[男女][，,\s　]/.test(text.slice(end, end + 4)))
      add(at, end, 'PATIENT_NAME');
  }
  // 3. kinship word or bed number + name
  for (const m of execAll(KIN, text)) {
    const at = m.index + m[0].length;
    const category: PhiCategory = m[0].includes('床') ? 'PATIENT_NAME' : 'RELATIVE_NAME';
    const a = text[at]!;
    if (a === '“' || a === '"' || a === '「') continue; // 4. below
    if (text[at + 1] === a && !NOT_REDUP.has(a) && !(at + 2 < text.length && text[at + 2] === a)) {
      add(at, at + 2, category);
      continue;
    }
    const end = nameEndAt(text, at, category === 'RELATIVE_NAME');
    if (end !== undefined && (end >= text.length || !CJK.test(text[end]!) || AFTER_BARE.test(text[end]!))) {
      add(at, end, category);
      continue;
    }
    // a bare pair that is no word, before a boundary (其妻央金不识字, 女儿代安在…); not after a bed (8床全占)
    if (
      !m[0].includes('床') &&
      at + 2 <= text.length &&
      CJK.test(text[at + 1] ?? '') &&
      !NOT_GIVEN.has(a) &&
      !NOT_GIVEN.has(text[at + 1]!) &&
      !isWord2At(text, at) &&
      !isCommonWord(text.slice(at, at + 2)) &&
      (at + 2 === text.length || AFTER_BARE.test(text[at + 2]!)) &&
      !isWord2At(text, at + 1)
    )
      add(at, at + 2, 'RELATIVE_NAME');
  }
  // 4. naming word + quoted name
  if (/[“"「『]/.test(text))
    for (const m of execAll(NAMING, text)) {
      const at = m.index + m[0].length - m[1]!.length - 1;
      add(at, at + m[1]!.length, 'PATIENT_NAME');
    }
  // 5. transliterated names
  if (/[·•・]/.test(text))
    for (const m of execAll(DOTTED, text)) add(m.index, m.index + m[0].length, 'PATIENT_NAME');
  for (const m of execAll(TRANS_BEFORE_TITLE, text)) {
    const [s, e] = m.indices![1]!;
    if (!isWord2At(text, s)) add(s, e, 'CLINICIAN_NAME');
  }
  // 7. apposition: a name with its other form in brackets (常医生（常晓文）, 聂老（聂金堂，…）, 朵朵（欧阳朵）,
  // Chan Siu Ling（陈小玲，…）): the bracketed name shares the surname, or stands after a found name or a romanised one
  if (/[（(]/.test(text))
    for (const m of execAll(APPOSED, text)) {
      const open = m.index + m[1]!.length;
      const at = open + 1;
      const end = nameEndAt(text, at, true);
      if (end === undefined || !/[，,）)、；;]/.test(text[end] ?? '')) continue;
      const before = m[1]!;
      const latin = /[A-Za-z]$/.test(before);
      // the same person by a title form (聂老, 常医生) and the full name
      const t = TITLE_FORM.exec(before);
      const stem = t ? before.slice(0, t.index) : '';
      const surnameLength =
        stem.length >= 2 && text.startsWith(stem.slice(-2), at)
          ? 2
          : stem !== '' && text.startsWith(stem.slice(-1), at)
            ? 1
            : 0;
      const sameSurname = surnameLength > 0;
      const afterName = out.some((sp) => sp.end === open && NAMES.has(sp.category));
      if (!latin && !sameSurname && !afterName) continue;
      add(at, end, 'PATIENT_NAME');
      if (latin) {
        const lm = LATIN_BEFORE.exec(before);
        // a title or label before the romanised name is no part of it (Pt Zhou Guangming)
        const lead = lm ? /^(?:(?:Pt|Patient|Mr|Mrs|Ms|Miss|Dr|Prof|Name|Re)[ -])+/.exec(lm[0]) : null;
        if (lm) add(m.index + lm.index + (lead?.[0].length ?? 0), open, 'PATIENT_NAME');
      } else if (!afterName && sameSurname) add(m.index + t!.index - surnameLength, open, 'PATIENT_NAME');
    }
  // 8. lunar dates (农历十月十六, 农历三月初五) and ages in Chinese numerals before 了/岁 (“九十一了”)
  if (text.includes('农历')) for (const m of execAll(LUNAR, text)) add(...m.indices![1]!, 'DATE');
  if (text.includes('九十') || text.includes('一百'))
    for (const m of execAll(ZH_OLD_AGE, text)) add(...m.indices![1]!, 'AGE');
  // 6. Hangul
  for (const m of execAll(HANGUL, text)) add(m.index, m.index + m[0].length, 'PATIENT_NAME');
}
