/**
 * Chinese personal names. A name is a surname (table, incl. compound surnames) and one or two given-name
 * characters, accepted when its context says it is a name:
 * - a cue before it: 患者/姓名/受检者 (patient), 家属/其子/丈夫/联系人 (relative), 主治医师/护士/术者 (clinician),
 *   我叫/我是 (the writer);
 * - what follows it: a sex or age (陈志强，男，61岁 — also at the start of a note without any cue), a title
 *   (先生, 女士, 老人, 医生, 主任), a relation (之子, 的女儿);
 * Words that start with a surname character (高血压, 平素, 明天 …) are rejected.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { ZH_GIVEN_CHARS } from './given-names.ts';
import {
  bestNameBefore,
  findModelNames,
  findProseNames,
  isLikelyName,
  nameScore,
  surnameOf,
} from './zh-name-model.ts';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from './zh-surnames.ts';
import { isCommonWord, isWord2 } from './zh-words.ts';
import { execAll } from './collect.ts';

// Characters that end a name (words that commonly follow one).
const STOP =
  '因于在是男女主诉既往现年岁以今昨自由被与和及的了为等入出来去到患病诊说称反述之先老医护院科室床号性体曾有无经近均已将把对向从陪同替代签要想也都就还再又讲问请您你我他她它们这那个今日周时分次例';
// Characters that do not occur in given names but follow surname characters in clinical text.
const NOT_GIVEN = '血压糖症痛炎癌瘤肿咳喘晕吐泻疼酸胀麻痒尿便脉率热龄危险素常规身下期效果量药片粒支剂克毫升';
export const NOT_NAMES = new Set(
  (
    '平素 平时 时有 时常 常规 常年 向来 何时 全身 余下 高龄 高危 方可 方才 安静 明显 明日 明天 成人 成年 单侧 双侧 车祸 ' +
    '关节 管理 应用 和缓 连续 连日 华法 左侧 左心 左室 石膏 白天 白细胞 黄疸 黎明 上级 上周 上次 上午 下午 ' +
    '本人 家属 甘油 甘露 谷丙 谷草 尿酸 钙通 钾离 钠盐 吉非 利尿 利伐 利格 利多 苏打 卡托 阿司 阿托 阿利 ' +
    '氨氯 贝那 培哚 厄贝 缬沙 奥美 坎地 替格 美托 比索 卡维 呋塞 托拉 螺内 达格 恩格 二甲 胰岛 ' +
    '司机 工人 职员 教师 退休 农民 保姆 干部 学生 无业 个体 商人 医生 护士 主任 ' +
    '查房 查体 查看 查血 查尿 查出 查明 查找 查阅 首次 记录 于是 于今 向日 安排 安全 康复 戴上 包括 宁可 常用 明确 乔丹 江湖 海鲜 海带 宫颈 强化 平稳 ' +
    '孙子 孙女 孙辈 曾孙 雷米 程度 程序 胡萝 文化 文献 任何 和平 华北 华南 金水 武侯 鼓楼 南开 南山 朝阳 海淀 ' +
    '柏子 金樱 龙胆 夏枯 贝伐 贝前 贝母 贝壳 左边 右边 左手 右手 左腿 右腿 左脚 右脚 左眼 右眼 左半 右半 房颤 谢谢 居民 呼吸'
  ).split(' '),
);

const given = `(?:(?![${STOP}${NOT_GIVEN}])[\\u4e00-\\u9fa5])`;
const surname = `(?:${COMPOUND_SURNAMES.join('|')}|[${SINGLE_SURNAMES}])`;
const NAME = `(${surname}${given}{1,2})`;
/**
 * Speed (issue 18): a name is two to four Chinese characters, so a rule written NAME + context is tried only where
 * such a run is followed by a character its context can start with — a necessary condition put first, which
 * irregexp checks far faster than the surname table (same matches).
 */
const ahead = (length: string, next: string) => `(?=[\\u4e00-\\u9fa5]${length}${next})`;

const PATIENT_CUES =
  '\\d+\\s*床|患者姓名|患者|病人|病患|患儿|姓名|病者|产妇|孕妇|就诊者|受检者|被会诊患者|随访对象|签约居民|服务对象|我叫|我是|本人';
const RELATIVE_CUES =
  '家属|其子|其女|其妻|其夫|其孙女?|其母|其父|儿子|女儿|丈夫|妻子|爱人|老伴儿?|老公|邻居|同事|朋友|同学|室友|房东|老婆|媳妇|对象|男朋友|女朋友|外孙女婿|孙女婿|配偶|父亲|母亲|我爸爸?|我妈妈?|我父亲|我母亲|' +
  '长子|次子|三子|幼子|长女|次女|三女|幼女|大儿子|二儿子|小儿子|大女儿|二女儿|小女儿|二子|两子|二女|两女|一子一女|侄子|侄女|外甥女?|岳父|岳母|公公|婆婆|' +
  '儿媳|女婿|孙子|孙女|外孙女?|哥哥|姐姐|弟弟|妹妹|护工|护理员|联系人|紧急联系人|监护人|陪护|陪同人|陪诊人|保姆|代诉人|病史陈述者|病史提供者';
const CLINICIAN_CUES =
  '质控医师|质控医生|床位医生|上级医生|随访人|随访医生|责任医生|签约医生|录入人|审核人|主治医师|主治医生|主管医师|主管医生|上级医师|住院医师|经治医师|接诊医师|接诊医生|值班医师|值班医生|会诊医师|转诊医生|申请医生|' +
  '家庭医生|社区医生|乡村医生|签名医生|医师签名|医生签名|记录者|记录人|术者|助手|麻醉医师|主刀|护士长|交班护士|接班护士|护士|责任护士|' +
  '一助|二助|三助|器械护士|巡回护士|洗手护士|程控技师|技师|检验者|审核者|检验医师|报告医师|送检医生|送检医师|主检医师|分析医师|调配药师|核对药师|药师|审核药师|审方药师|医师|医生';
/** Staff fields of forms, recognised only as "label：name" (经办人：苗莉, 编码员：路佳, 记录：安晓丽). */
const STAFF_FIELDS = `${CLINICIAN_CUES}|记录|经办人|经办|医嘱开立|开立|开单|执行人|执行|财务审核|审核|核对发药|核对|发药|调配|编码员|操作者|操作员|收费员|登记人|复核人|复核|驾驶员|司机|担架员|车组医生|车组护士`;
/** Persons in the fields of claim, refund and registration forms (被保险人：邝文静, 收款人：慕容德). */
const PERSON_FIELDS =
  '患者姓名|姓名|患者|厂家工程师|工程师|翻译|患方签名|签字|签名|代签人|被保险人|被保人|投保人|受益人|申请人|收款人|领款人|代办人|委托人|参保人姓名|参保人|签字人|患方签字|就诊人|受检人|被检者|联系人姓名';

const cued = (cues: string) => new RegExp(`(?:${cues})(?:姓名)?[：:\\s（(]*${NAME}`, 'dg');
/** After a labelled field ("质控医师：萧炎", "姓名：林炎"), any characters up to the end of the field. */
const LABELLED = (cues: string) =>
  new RegExp(
    `(?:${cues})[：:][ \\t　]*(?:[\\u4e00-\\u9fa5]{2,8}[处科室部组][ \\t　]+)?(${surname}[\\u4e00-\\u9fa5]{1,2})(?=[\\s　，,。；;、)）(（]|签字|签名|确认|$)`,
    'dg',
  );
const CLINICIAN_LABEL = LABELLED(STAFF_FIELDS);
const PATIENT_LABEL = LABELLED(PERSON_FIELDS);
/**
 * A staff field holds a name even when its surname is rare (字应芬, 者永福): any two or three characters
 * standing alone after the label, unless they name a place or unit (心内科, 检验室) or say nobody (本人, 不详).
 */
const SPEAKER_TITLE = new RegExp(
  `(?:^|\\n)[ \\t　]*(?:${surname}|[老小][\\u4e00-\\u9fa5])(?:护士长|护士|医生|医师|大夫|主任|药师|老师)[：:][^\\n]*$`,
);
const STAFF_LABEL_ANY = new RegExp(
  `(?:${STAFF_FIELDS})[：:][ \\t　]*([\\u4e00-\\u9fa5]{2,3})(?=[\\s　，,。；;、)）]|$)`,
  'dg',
);
/** A bare role opening a line (a chat speaker, not a form's field). Round 9. */
const SPEAKER_ROLE = /(?:^|\n)[ \t　]*(?:医生|医师|大夫|护士|药师)[：:]/;
const NOT_A_PERSON =
  /[科室院部区组床号楼站所处中心局]$|^(?:本人|同上|不详|签字|盖章|未签|待定|家属|自己|暂无|是的|好的|可以|收到|您好|你好|谢谢|对的|不是|没有|不用|明白|知道了|行的|不行|需要|不要|已经|没事|嗯嗯|好滴|对)$/;
/** The sender of a group-chat line: "诸葛明远 08:12：", "王丽 8:05:33:" at the start of a line. */
const CHAT_SENDER = new RegExp(
  `(?:^|\\n)[ \\t　]*(${surname}[\\u4e00-\\u9fa5]{1,2})[ \\t　]*\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?[ \\t　]*[：:]`,
  'dg',
);
const PATIENT_CUE = cued(PATIENT_CUES);
const RELATIVE_CUE = cued(RELATIVE_CUES);
const CLINICIAN_CUE = cued(CLINICIAN_CUES);
const NAMED_CUE = new RegExp(`(?:叫做|叫|名为|名叫)${NAME}`, 'dg');
/**
 * No cue: a surname and two common given-name characters standing between punctuation (or the start) and
 * a word that typically follows a patient in a note (血压, 诉, 今日 …): "，王建国血压控制…".
 */
const BARE = new RegExp(
  `${ahead('{3,4}', '(?:[血心体来诉自主述今昨夜晨于因已仍病目现近无未服规入出复随让说问要想也阿叔大奶爷，。；、\\s]|$)')}(?<=^|[\\s，。；：、,.;:（(）)]|今日|今晨|昨日|昨晚|次日|嘱|告知|通知|协助|查看|床的|病房的|住院的|出院的|来看病的|隔壁的|陪|带|送|替|帮|跟)(${surname}${given}{2})(?=$|血压|血糖|血钾|心率|体温|来|诉|自诉|自述|主诉|述|今|昨|夜间|晨起|于|因|已|仍|病情|目前|现|近|无|未|服用|规律|入院|出院|复诊|随访|让|说|问|要|想|也|阿姨|叔叔|大爷|奶奶|爷爷|[，。；、\\s])`,
  'dg',
);
// A name followed by sex or age: "陈志强，男，61岁", "司马德明　男　76岁", "赵玉兰 92岁".
const SEX_AFTER = new RegExp(
  `${ahead('{2,4}', '[，,、\\s　]*(?:[（(男女]|\\d{1,3}岁)')}${NAME}(?=[，,、\\s　]*(?:[（(]?[男女][）)]?[，,\\s　。]|\\d{1,3}岁|[（(][男女]))`,
  'dg',
);
const RELATION_AFTER = new RegExp(
  `${ahead('{2,4}', '[的之]')}${NAME}(?=(?:的|之)(?:子|女|妻|夫|母|父|孙|孙女|爱人|丈夫|妻子|儿子|女儿|家属))`,
  'dg',
);
/** "常德（其子）", "黄志明（之子）": a relative named before the relation in brackets. */
const RELATION_BRACKET = new RegExp(
  `${ahead('{2,4}', '[（(]')}${NAME}(?=[（(](?:其|之)?(?:子|女|妻|夫|母|父|孙|孙女|孙子|儿子|女儿|丈夫|妻子|爱人|儿媳|女婿|外孙女?|侄子|侄女|哥哥|姐姐|弟弟|妹妹|配偶|老伴)[）)])`,
  'dg',
);
/** The next names of a list of relatives: "育有二子：司马东、司马南", "其女李梅、李兰". */
const LIST_NEXT = new RegExp(`^[、和及与]${NAME}`, 'd');
const RELATION_BEFORE = new RegExp(`之(?:子|女|妻|夫|母|父|孙|孙女)${NAME}`, 'dg');
/** Titles after a name; the name before one is chosen by the name model (按邓主任 → 邓主任, not 林按邓). */
const TITLE = new RegExp(
  `(先生|女士|小姐|老先生|老太太|老太|老爷子|奶奶|爷爷|老人|阿姨|大爷|大妈|医生|大夫|主任|护士长|护士|老师)`,
  'dg',
);
const NOT_BEFORE_TITLE = /[主全专内外床治诊级区庭班科院管交接责值]/;
const CLINICIAN_TITLES = new Set(['医生', '大夫', '主任', '护士长', '护士']);

// Round 4: names without a cue word.
/** Surname characters that make words with 老/小 or a kinship word (小时, 老师, 小区, 老公, 阿姨). */
const NOT_FAMILIAR =
  '米时师区公阿于信容尚都相曾初阴和向方安明成全常单关连应车石文平万从原由元可但利居幸位来那及计';
const FAMILIAR_SURNAME = `[${[...SINGLE_SURNAMES].filter((c) => !NOT_FAMILIAR.includes(c)).join('')}]`;
/** 老刘, 小李: one span; not after a numeral or measure word (两个小时, 三小时). */
const FAMILIAR = new RegExp(
  `(?<=^|[^\\u4e00-\\u9fa5\\d]|[说和跟让陪给问叫找是请带对与同及等])([老小]${FAMILIAR_SURNAME})(?=[（(，,。；;、\\s　：:]|说|自己|诉|在|陪|来|的|也|和|今|每|去|给|让|负责|$)`,
  'dg',
);
/** Compiled once (speed): a familiar nickname (小王, 老李) and a staff field's label right before a value. */
const FAMILIAR_NICK = new RegExp(`^[小老]${FAMILIAR_SURNAME}$`);
const STAFF_FIELD_BEFORE = new RegExp(`(?:${STAFF_FIELDS})[：:][ \t　]*$`);
/** 吴姨, 王叔叔, 李婶 (not 韦伯, 兰伯特): a surname and a kinship title used for neighbours and carers, one span. */
const KIN_TITLE = new RegExp(
  `(?<![\\u4e00-\\u9fa5])(${FAMILIAR_SURNAME}(?:姨|叔叔?|婶婶?|伯伯|嫂子?))`,
  'dg',
);
/** Transliterated names with a middle dot (玛丽亚·冈萨雷斯, 买买提·吐尔逊): characters of the transliteration table. */
const TRANSLIT =
  '吾阿埃艾爱安昂奥巴芭拜班邦鲍贝本比彼毕波伯博布查达黛丹道德登迪蒂丁东杜多厄恩尔法范菲斐费芬丰佛弗福盖甘冈戈格古瓜哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里丽利莉连林琳琉留卢鲁路伦罗洛玛马迈麦曼芒梅门蒙米密敏莫默姆穆纳娜奈南内妮尼涅宁纽努诺欧帕潘佩彭皮普齐奇乔切琴丘萨塞赛桑瑟森沙莎山尚舍申什史舒斯松苏索塔泰坦汤唐特提廷图托娃瓦万旺威韦维温沃乌伍西希锡夏谢辛休雅亚扬耶伊因英尤于约泽扎詹珍朱兹卓买热江古吐逊木合力依孜汗则衣';
const TRANSLIT_NAME = new RegExp(`([${TRANSLIT}][${TRANSLIT}]{0,5}[·•・][${TRANSLIT}夫]{1,8})`, 'dg');
/** Names in a list of participants: "参加讨论：李主任、周玉、陈思远". */
const PARTICIPANTS =
  /(?:参加讨论|参加人员|参会人员|参会者|出席人员|出席|与会人员|讨论人员|在场人员|参与人员)[：:][ \t　]*([^\n]{2,80})/dg;
const PERSON_ITEM = new RegExp(
  `^(?:${surname}[\\u4e00-\\u9fa5]{1,2}|${surname}(?:主任|医生|医师|护士长|护士|药师|老师))$`,
);
/** The next names of a staff field: "护士：小周　邱雪". */
const FIELD_NEXT = new RegExp(
  `^[、　 \\t]+((?:${surname}|[老小])[\\u4e00-\\u9fa5]{1,2})(?=[\\s　，,。；;、]|$)`,
  'd',
);
/**
 * Round 6: staff named after their department or unit ("心内科端木青、内分泌科佘立群", "病案室浦丽",
 * "检验科敖丽电话报告", "工会谢丽萍，电话…"), the name standing before a pause, a verb of report or the end.
 */
const DEPT_NAME = new RegExp(
  `(?<=[科室]|中心|工会|病区)(${surname}${given}{1,2})(?=[、，,。；;\\s　]|电话|建议|认为|报告|表示|汇报|指出|同意|$)`,
  'dg',
);
/**
 * Round 6: the sender of a chat line after its time ("08:22 阿强：", "19:02 素珍阿姨：", "08:15 大女儿冬梅：",
 * "20:31 芸芸🌸：") — nicknames and given names without a surname; a relation before and a title after are
 * left out of the span, a role (患者, 家属, 护士, 医生) is no sender name. Without a relation, a title or an emoji
 * the sender must look like a nickname (阿强, 小雪, 芸芸), so "14:00 体温：" stays.
 */
const CHAT_NICK = new RegExp(
  `(?:^|\\n)[^\\n：:]{0,16}?\\d{1,2}:\\d{2}(?::\\d{2})?[ \\t　]+(${RELATIVE_CUES})?([\\u4e00-\\u9fa5]{2,3}?)(阿姨|叔叔|大爷|奶奶|爷爷|姐|哥)?([\\u{1F300}-\\u{1FAFF}\\u2600-\\u27BF\\uFE0F]*)[：:]`,
  'dgu',
);
const NOT_SENDER =
  /^(?:患者|病人|家属|本人|护士|医生|医师|大夫|主任|药师|老师|群主|管理员|系统|助手|客服|我|自己|爸爸|妈妈|儿子|女儿|老伴|丈夫|妻子|护士长|值班|随访|回复)$|[护医师科室院]/;
/** A name written in pinyin after its label ("姓名拼音 WANG JIANGUO", "拼音：LI MING"). */
const PINYIN_NAME = /拼音[：:\s]*([A-Z][a-zA-Z]{1,11}(?:[ \t][A-Z][a-zA-Z]{1,11}){1,2})(?![A-Za-z])/dg;
/** The person brought along: "今天带郑美玲来的是她女儿", "陪王秀兰来复查". */
/**
 * A person named in a field whose label ends in 人 (预约人：钟灵秀, 取药人, 送检人, 填表人), an @mention
 * (@蒋振华), a reply (回复 欧阳春燕：) and a surname given alone (姓邬).
 */
const PERSON_LABEL = new RegExp(
  `(?<![\\u4e00-\\u9fa5])(?!病人|本人|个人|家人|老人|亲人)(?:[\\u4e00-\\u9fa5]{1,3}人)[：:][ \\t　]*(${surname}[\\u4e00-\\u9fa5]{1,2})(?=[\\s　，,。；;、)）(（]|$)`,
  'dg',
);
const MENTION = new RegExp(
  `(?:@|＠|回复[ \\t　]*)(${surname}[\\u4e00-\\u9fa5]{1,2})(?=[\\s　，,：:。]|$)`,
  'dg',
);
const SURNAME_ALONE = new RegExp(`(?<=姓)(${surname})(?=[，,。；;、\\s]|$)`, 'dg');
const ACCOMPANIED = new RegExp(`(?:陪|带|送|扶)${NAME}(?=来|去|到|回)`, 'dg');
/**
 * Round 5: a name after a verb of contact ("已电话通知向海燕明早来", "由龙建军签字", "联系汪德福。"), kept only
 * when the name model finds it likely (common surname, given-name characters from the tables).
 */
const CONTACTED = new RegExp(
  `(?:通知|告知|联系|转告|致电|打电话给|交代|交待|提醒|嘱咐|请|让|叫|由)${NAME}(?=来|去|到|回|签字|签名|确认|说|明|今|下午|上午|晚上|家属|本人|[，,。；;、\\s]|$)`,
  'dg',
);
/** A name before its role in brackets ("孔繁荣（患者本人）", "缪桂芳（护工）"). */
const ROLE_BRACKET = new RegExp(
  `${ahead('{2,4}', '[（(]')}${NAME}(?=[（(](?:患者本人|本人|患者|家属|护工|保姆|陪护|陪同|陪诊|代诉人|监护人|联系人|签字人)[）)])`,
  'dg',
);
/** A name right before a mobile number ("紧急联系：谷丽华 13812345678"). */
const BEFORE_PHONE = new RegExp(
  `${ahead('{2,4}', '[ \\t　]*(?:\\+?86[- ]?)?1[3-9]\\d')}${NAME}(?=[ \\t　]*(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d))`,
  'dg',
);
/** A surname and one common given-name character before a verb of report: "08:30 周洁诉胸闷". */
const BARE_SHORT = new RegExp(
  `${ahead('{2,3}', '(?:诉|自诉|自述|主诉|说|称|入睡|表示|拒绝|要求|今日|今晨|昨晚|昨日)')}(?<=^|[\\s，。；：、,.;:（(）)])(${surname}[${ZH_GIVEN_CHARS}])(?=诉|自诉|自述|主诉|说|称|入睡|表示|拒绝|要求|今日|今晨|昨晚|昨日)`,
  'dg',
);

/**
 * Surname characters that are far more often ordinary words (于睡眠中, 尚未临产, 容易并发, 曾孕4产2): a name with
 * one of them must have common given-name characters (于海波 yes, 于睡眠 no).
 */
const WORDY_SURNAMES = new Set([
  ...'于信容尚都相曾初阴和向方时安明成全常单关连应华车石文平高万从原由元可但利居幸位来那及区计',
]);
const COMMON_GIVEN = new Set([...ZH_GIVEN_CHARS]);

/** Starts of drug and lab words (甘露醇, 谷丙转氨酶): a name only when standing alone in a field ("医师：甘露"). */
const WORD_STARTS = new Set('甘露 华法 谷丙 谷草 钙通 钾离 吉非 利尿 利伐 利格 利多 胡萝 雷米'.split(' '));

function accept(name: string, labelled = false): boolean {
  if (labelled && WORD_STARTS.has(name)) return true;
  if (NOT_NAMES.has(name) || NOT_NAMES.has(name.slice(0, 2))) return false;
  if (!labelled && WORDY_SURNAMES.has(name[0]!) && !COMPOUND_SURNAMES.some((c) => name.startsWith(c)))
    return [...name.slice(1)].every((c) => COMMON_GIVEN.has(c));
  return true;
}

/** A chat line's speaker: a bare role and a colon at a line's start (医生：, 患者：). */
const CHAT_ROLE = /(?:^|\n)[ \t　]*(?:医生|医师|大夫|护士|药师|患者|病人|家属)[：:]/g;
const ROLE_COLON = /(?:医生|医师|大夫|护士|药师|患者|病人|家属)[：:]/;
const CHAT_ROLE_BEFORE = /(?:^|\n)[ \t　]*(?:医生|医师|大夫|护士|药师|患者|病人|家属)[：:][ \t　]*$/;

/**
 * Round 10: a text with two or more chat lines (医生：… / 患者：…) is a dialogue, and the words after its speakers
 * are replies, not field values (医生：会的，… ; 患者：尤其是…). Outside text: MIE dialogues.
 */
export function isDialogue(text: string): boolean {
  // A role right before a colon somewhere (a literal scan, cheap) before the line-start scan (speed).
  if (!ROLE_COLON.test(text)) return false;
  CHAT_ROLE.lastIndex = 0;
  let n = 0;
  while (CHAT_ROLE.exec(text)) if (++n >= 2) return true;
  return false;
}

export function findChineseNames(text: string, out: PhiSpan[]): void {
  const dialogue = /[：:]/.test(text) && isDialogue(text);
  const afterSpeaker = (start: number) =>
    dialogue && CHAT_ROLE_BEFORE.test(text.slice(Math.max(0, start - 12), start));
  const add = (
    regex: RegExp,
    category: PhiCategory,
    labelled = false,
    likely: (name: string) => boolean = () => true,
  ) => {
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      const name = m[1]!;
      if (!accept(name, labelled) || !likely(name)) continue;
      const [start, end] = m.indices![1]!;
      if (afterSpeaker(start)) continue;
      // Round 10: in a dialogue an ordinary word (严重, 唐山, 严禁用) is no name without a field label (MIE).
      if (dialogue && !labelled && name.length >= 2 && isCommonWord(name)) continue;
      out.push({ category, start, end, text: name });
    }
  };
  add(CLINICIAN_CUE, 'CLINICIAN_NAME');
  add(CLINICIAN_LABEL, 'CLINICIAN_NAME', true);
  add(PATIENT_LABEL, 'PATIENT_NAME', true);
  add(PATIENT_CUE, 'PATIENT_NAME');
  add(RELATIVE_CUE, 'RELATIVE_NAME');
  for (let i = 0; i < out.length; i++) {
    const span = out[i]!;
    if (span.category !== 'RELATIVE_NAME') continue;
    const m = LIST_NEXT.exec(text.slice(span.end));
    if (!m || !accept(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    out.push({ category: 'RELATIVE_NAME', start: span.end + start, end: span.end + end, text: m[1]! });
  }
  // Cheap gates (round 6, speed): a rule runs only when the text holds a character it cannot match without.
  if (/叫|名为/.test(text)) add(NAMED_CUE, 'PATIENT_NAME');
  if (/\d[:：]\d/.test(text)) add(CHAT_SENDER, 'PATIENT_NAME');
  // Scored by the name model, lenient (rare given characters allowed): "给爸妈科普用" is no name.
  if (/[科室心会区]/.test(text))
    add(
      DEPT_NAME,
      'CLINICIAN_NAME',
      true,
      (name) => !NOT_A_PERSON.test(name) && nameScore(name, false) >= 0.5,
    );
  if (/\d:\d\d[^\n]{0,12}[：:]/.test(text)) {
    CHAT_NICK.lastIndex = 0;
    for (const m of execAll(CHAT_NICK, text)) {
      const name = m[2]!;
      if (NOT_SENDER.test(name) || NOT_A_PERSON.test(name) || !accept(name, true)) continue;
      const nick =
        /^阿[\u4e00-\u9fa5]$/.test(name) ||
        FAMILIAR_NICK.test(name) ||
        (name.length === 2 && name[0] === name[1]);
      if (!m[1] && !m[3] && !m[4] && !nick) continue;
      const [start, end] = m.indices![2]!;
      out.push({ category: 'PATIENT_NAME', start, end, text: name });
    }
  }
  if (text.includes('拼音')) add(PINYIN_NAME, 'PATIENT_NAME', true);
  STAFF_LABEL_ANY.lastIndex = 0;
  for (const m of execAll(STAFF_LABEL_ANY, text)) {
    const name = m[1]!;
    if (afterSpeaker(m.indices![1]![0])) continue;
    if (NOT_A_PERSON.test(name) || NOT_NAMES.has(name) || NOT_NAMES.has(name.slice(0, 2))) continue;
    // Round 9: without a known surname, a value starting with a dictionary word is a reply (医生：可以的), and so
    // is one holding a word after a bare role at a line's start, a chat speaker (医生：不客气; 审核医师：郏新民 stays).
    if (
      !surnameOf(name) &&
      (isWord2(name.slice(0, 2)) ||
        (isWord2(name.slice(1, 3)) && SPEAKER_ROLE.test(text.slice(Math.max(0, m.index - 1), m.index + 4))))
    )
      continue;
    // "李护士：是的" is a chat speaker (a surname and a title at the start of a line), not a staff field.
    if (SPEAKER_TITLE.test(text.slice(Math.max(0, m.index - 6), m.index + m[0].length))) continue;
    const [start, end] = m.indices![1]!;
    out.push({ category: 'CLINICIAN_NAME', start, end, text: name });
  }
  for (let i = 0; i < out.length; i++) {
    const span = out[i]!;
    if (
      span.category !== 'CLINICIAN_NAME' ||
      !/[：:][ \t　]*$/.test(text.slice(Math.max(0, span.start - 3), span.start))
    )
      continue;
    const m = FIELD_NEXT.exec(text.slice(span.end));
    if (!m || !accept(m[1]!, true) || NOT_A_PERSON.test(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    out.push({ category: 'CLINICIAN_NAME', start: span.end + start, end: span.end + end, text: m[1]! });
  }
  PARTICIPANTS.lastIndex = 0;
  for (const m of execAll(PARTICIPANTS, text)) {
    let at = m.indices![1]![0];
    for (const item of m[1]!.split(/([、，,；; 　\t]+)/)) {
      if (PERSON_ITEM.test(item) && !NOT_A_PERSON.test(item) && accept(item, true))
        out.push({ category: 'CLINICIAN_NAME', start: at, end: at + item.length, text: item });
      at += item.length;
    }
  }
  if (/[·•・]/.test(text)) add(TRANSLIT_NAME, 'PATIENT_NAME', true);
  add(BARE_SHORT, 'PATIENT_NAME');
  if (/[陪带送扶]/.test(text)) add(ACCOMPANIED, 'PATIENT_NAME');
  if (/人[：:]/.test(text)) add(PERSON_LABEL, 'PATIENT_NAME', true);
  if (/[@＠]|回复/.test(text)) add(MENTION, 'PATIENT_NAME', true);
  if (text.includes('姓')) add(SURNAME_ALONE, 'PATIENT_NAME', true);
  add(CONTACTED, 'PATIENT_NAME', false, isLikelyName);
  // Cheap gates: most texts have no bracket, mobile number, "…人：" label or mention at all.
  if (/[（(]/.test(text)) add(ROLE_BRACKET, 'PATIENT_NAME', false, (name) => nameScore(name, false) >= 1.5);
  if (/1[3-9]\d/.test(text)) add(BEFORE_PHONE, 'PATIENT_NAME', false, isLikelyName);
  if (/[姨叔婶伯嫂]/.test(text)) add(KIN_TITLE, 'PATIENT_NAME', true);
  add(SEX_AFTER, 'PATIENT_NAME');
  add(RELATION_AFTER, 'PATIENT_NAME');
  if (text.includes('之')) add(RELATION_BEFORE, 'RELATIVE_NAME');
  add(BARE, 'PATIENT_NAME', false, isLikelyName);
  for (const name of [...findModelNames(text), ...findProseNames(text)])
    if (accept(name.text)) out.push({ category: 'PATIENT_NAME', ...name });
  if (/[（(]/.test(text)) add(RELATION_BRACKET, 'RELATIVE_NAME');
  FAMILIAR.lastIndex = 0;
  for (const m of execAll(FAMILIAR, text)) {
    const [start, end] = m.indices![1]!;
    const staff = STAFF_FIELD_BEFORE.test(text.slice(Math.max(0, start - 8), start));
    out.push({ category: staff ? 'CLINICIAN_NAME' : 'PATIENT_NAME', start, end, text: m[1]! });
  }
  TITLE.lastIndex = 0;
  for (const m of execAll(TITLE, text)) {
    const at = bestNameBefore(
      text,
      m.index,
      (name) => accept(name) && !NOT_BEFORE_TITLE.test(text[m.index - name.length - 1] ?? ''),
    );
    if (at === undefined) continue;
    const name = text.slice(at, m.index);
    // Round 10: a word before a title is no name in a dialogue (全国医生, 麻烦大夫), nor one whose first character
    // ends the word on its left (任何|一位医生).
    if (name.length >= 2 && dialogue && isCommonWord(name)) continue;
    if (at > 0 && /[\u4e00-\u9fa5]/.test(text[at - 1]!) && isWord2(text[at - 1]! + name[0]!)) continue;
    const clinician = CLINICIAN_TITLES.has(m[1]!);
    // A bare surname ("张先生", "刘医生") is replaced together with its title: "张" alone would hit words.
    // So is a compound surname alone ("夏侯主任").
    const bare = name.length === 1 || COMPOUND_SURNAMES.includes(name);
    // Round 10: a word-like surname alone (和医生沟通, 那医生说) is a word, unless a verb of telling precedes it.
    if (
      name.length === 1 &&
      WORDY_SURNAMES.has(name) &&
      !/(?:告知|通知|报告|联系|请示|汇报)$/.test(text.slice(Math.max(0, at - 2), at))
    )
      continue;
    const [start, end] = bare ? [at, m.index + m[1]!.length] : [at, m.index];
    out.push({
      category: clinician ? 'CLINICIAN_NAME' : 'PATIENT_NAME',
      start,
      end,
      text: text.slice(start, end),
    });
  }
}
