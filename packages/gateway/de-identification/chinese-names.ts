/**
 * Chinese personal names found by context: a cue word (患者, 姓名, 家属, 之子 …) or a title (先生, 女士)
 * next to a common surname followed by one or two given-name characters. Common words that start with a
 * surname character (高血压, 平素 …) are rejected.
 */

// The most frequent single-character surnames (covering the great majority of the population) and the
// compound ones still in use.
const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '司徒',
  '夏侯',
  '长孙',
  '宇文',
  '轩辕',
  '端木',
  '独孤',
];

// Characters that end a name: punctuation is excluded by the CJK class; these are words that commonly follow.
const STOP =
  '因于在是男女主诉既往现年岁以今昨自由被与和及的了为等入出来去到患病诊说称反述之先老医护院科室床号性体曾有无经近均已将把对向从陪同';
// Characters that do not occur in given names but do follow surname characters in clinical text.
const NOT_GIVEN = '血压糖症痛炎癌瘤肿咳喘晕吐泻疼酸胀麻痒尿便脉率热龄危险素时常规身下期效果量';
const NOT_NAMES = new Set([
  '平素',
  '平时',
  '时有',
  '时常',
  '常规',
  '常年',
  '向来',
  '何时',
  '全身',
  '余下',
  '高龄',
  '高危',
  '方可',
  '方才',
  '安静',
  '明显',
  '明日',
  '明天',
  '成人',
  '成年',
  '单侧',
  '双侧',
  '车祸',
  '关节',
  '管理',
  '应用',
  '和缓',
  '连续',
  '连日',
  '华法',
  '左侧',
  '左心',
  '左室',
  '石膏',
  '白天',
  '白细胞',
  '黄疸',
  '黎明',
]);

const given = `(?:(?![${STOP}${NOT_GIVEN}])[\\u4e00-\\u9fa5])`;
const surname = `(?:${COMPOUND_SURNAMES.join('|')}|[${SINGLE_SURNAMES}])`;
const NAME = `(${surname}${given}{1,2})`;

const PATIENT_CUES = '患者|病人|病患|患儿|姓名|病者|产妇|孕妇|就诊者|受检者';
const RELATIVE_CUES =
  '家属|其子|其女|其妻|其夫|儿子|女儿|丈夫|妻子|配偶|父亲|母亲|联系人|紧急联系人|监护人|陪护|陪同人';

const PATIENT_CUE = new RegExp(`(?:${PATIENT_CUES})(?:姓名)?[：:\\s]*${NAME}`, 'g');
const RELATIVE_CUE = new RegExp(`(?:${RELATIVE_CUES})(?:姓名)?[：:\\s]*${NAME}`, 'g');
const OF_RELATION_BEFORE = new RegExp(`${NAME}之(?:子|女|妻|夫|母|父|孙|孙女)`, 'g');
const OF_RELATION_AFTER = new RegExp(`之(?:子|女|妻|夫|母|父|孙|孙女)${NAME}`, 'g');
const TITLE = new RegExp(`(${surname}${given}{0,2})(先生|女士|小姐|老先生|老太太|阿姨|大爷|大妈)`, 'g');

export interface FoundName {
  value: string;
  relative: boolean;
}

function accept(name: string): boolean {
  return !NOT_NAMES.has(name) && !NOT_NAMES.has(name.slice(0, 2));
}

export function findChineseNames(text: string): FoundName[] {
  const found: FoundName[] = [];
  const add = (regex: RegExp, relative: boolean) => {
    for (const match of text.matchAll(regex)) {
      const name = match[1]!;
      if (accept(name)) found.push({ value: name, relative });
    }
  };
  add(PATIENT_CUE, false);
  add(RELATIVE_CUE, true);
  add(OF_RELATION_BEFORE, false);
  add(OF_RELATION_AFTER, true);
  for (const match of text.matchAll(TITLE)) {
    const name = match[1]!;
    if (!accept(name)) continue;
    // A bare surname ("张先生") is replaced together with its title: replacing "张" alone would hit words.
    found.push({ value: name.length === 1 ? name + match[2]! : name, relative: false });
  }
  return found;
}
