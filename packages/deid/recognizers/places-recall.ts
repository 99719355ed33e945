/**
 * Round 8 (issue 18): addresses and employers by generic suffixes, recall first (Safe Harbor item B: every
 * geographic subdivision smaller than a state; employers of the person and relatives, see employers.ts).
 * The specific rules (addresses.ts, employers.ts) need an administrative level, a door number or a cue word;
 * new writers name places and workplaces without them.
 * Addresses:
 * 1. an estate, village or street name (…小区 花园 家园 新村 公寓 大厦 苑 山庄 村 屯 组 路 街 巷 弄 胡同) followed by a
 *    building, unit or room (阳光小区3栋2单元501室), or after a place verb (家在, 住在, 来自, 回到, 搬到, 在) alone
 *    (住幸福里小区, 来自石桥村, 在和平街);
 * 2. a city and a district or county without a province (长沙市岳麓区, 桃源县城关镇) and a county, district or town
 *    after a place verb (来自桃源县);
 * Employers:
 * 3. a name ending in an organisation suffix (…公司 厂 学校 中学 小学 大学 银行 局 集团 商场 超市 …) before an
 *    occupation or a word of work (红星机械厂工人, 工商银行职员, 从红星机械厂退休), its start at a pause or after
 *    a person or a verb of place (the person word is left out). Hospitals, clinics and health services stay
 *    (decision 0006: where the note is written).
 * Round 9: a school before a study word (孙子在实验小学读三年级, 女儿是南京大学学生).
 * Pure.
 */
import type { PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';

const NUM = '(?:\\d+|[一二三四五六七八九十百零]+|[A-Z])';
const PROVINCE =
  '(?:(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾)省?|(?:内蒙古|广西|西藏|宁夏|新疆)(?:自治区|壮族自治区|回族自治区|维吾尔自治区)?)';
const UNIT = `(?:${NUM}(?:号楼|号院|栋|幢|座|单元|门|层|楼|室|号|区|组|队|社|排))`;
/** A place-name character: Han, not a word that ends the phrase before a place (在, 住, 的 …). */
const P = '(?:(?![在住于到从自是为和与及的了家我他她去回来搬位，。；、])[\\u4e00-\\u9fa5])';
const ESTATE = '(?:小区|花园|家园|新村|新城|公寓|大厦|雅苑|名苑|苑|山庄|公馆|村|屯)';
const STREET = '(?:路|街|大街|大道|巷|弄|胡同)';
const PLACE_VERB = '(?:家在|家住|住在|住|现住|居住在|居住于|来自|回到|回|搬到|搬去|搬回|位于|在|到|去|老家)';
const NOT_PLACE = /^(?:本|该|此|我|当地|附近|周边|同|一|这|那|农|走|点|些|很|多|少)|医院|门诊|诊所|药店|科/;
/** Each address rule with a cheap gate: characters it cannot match without (speed). */
const GATES: RegExp[] = [
  /(?:省|自治区)[^，。\n]{1,6}(?:市|州|地区)/,
  /[镇乡][^，。\n]{1,6}[村屯]/,
  /[路街巷弄同][与和]/,
  /(?:区|园|村|城|寓|厦|苑|庄|馆|屯|组)[\dA-Z一二三四五六七八九十]/,
  /(?:家|住|居|来|回|搬|位|在|到|去)[^，。\n]{0,8}(?:区|园|村|城|寓|厦|苑|庄|馆|屯|路|街|道|巷|弄|胡同)/,
  /市[^，。\n]{1,6}[区县]/,
  /县[^，。\n]{1,6}[镇乡]/,
  /(?:来自|老家|家在|家住|住在|搬到|回到)/,
];

/**
 * Speed (issue 18): a rule starting with place characters is tried only where a run of Chinese characters, no longer
 * than its parts allow, reaches the word that ends them (镇, 村, 市, 区 …) — a necessary condition put first,
 * cheap for irregexp (same matches).
 */
const ahead = (run: string, next: string) => `(?=[\\u4e00-\\u9fa5]${run}?${next})`;
const ADDRESS_RULES: RegExp[] = [
  // A province and its city (湖南省长沙市), a town and its village (城关镇石桥村3组), a crossing of streets.
  new RegExp(`(${PROVINCE}${P}{1,6}?(?:市|州|地区))`, 'dg'),
  new RegExp(
    `${ahead('{1,6}', '[镇乡][\\u4e00-\\u9fa5]{1,6}?[村屯]')}(${P}{1,6}?(?:镇|乡)${P}{1,6}?(?:村|屯)(?:${UNIT})*)`,
    'dg',
  ),
  new RegExp(
    `${ahead('{1,9}', '[路街道巷弄同][与和]')}(${P}{1,8}?${STREET}(?:与|和)${P}{1,8}?${STREET}(?:交叉口|路口|交汇处|交界处)?)`,
    'dg',
  ),
  new RegExp(
    `${ahead('{2,11}', '[区园村城寓厦苑庄馆屯组](?:\\d|[一二三四五六七八九十百零A-Z])')}(${P}{2,10}?(?:${ESTATE}|组)(?:${UNIT})+(?:\\d+(?:室|房)?)?)`,
    'dg',
  ),
  new RegExp(
    `${ahead('{2,9}', '[区园村城寓厦苑庄馆屯路街巷弄同道]')}(?<=${PLACE_VERB})(${P}{2,8}?(?:${ESTATE}|${STREET}))(?![\\u4e00-\\u9fa5]*(?:医院|诊所|卫生))`,
    'dg',
  ),
  new RegExp(
    `${ahead('{2,6}', '市[\\u4e00-\\u9fa5]{1,6}?[区县]')}(${P}{2,6}?市${P}{1,6}?(?:区|县)(?:${P}{1,6}?(?:镇|乡|街道))?)`,
    'dg',
  ),
  new RegExp(
    `${ahead('{2,6}', '县[\\u4e00-\\u9fa5]{1,6}?[镇乡]')}(${P}{2,6}?县${P}{1,6}?(?:镇|乡)(?:${P}{1,6}?(?:村|屯))?)`,
    'dg',
  ),
  new RegExp(
    `${ahead('{1,6}', '[省市县区镇乡]')}(?<=来自|老家|家在|家住|住在|搬到|回到)(${P}{1,6}?(?:省|市|县|区|镇|乡))`,
    'dg',
  ),
];

const ORG_SUFFIX =
  '有限责任公司|股份有限公司|有限公司|分公司|公司|集团|工厂|机械厂|厂|物流|快递|餐厅|餐馆|宾馆|工作室|门店|药房|药店|加油站|营业厅|车间|中学|小学|学校|大学|学院|幼儿园|银行|支行|局|研究所|研究院|超市|商场|酒店|饭店|物业|车队|煤矿|工地|派出所|法院|检察院|事务所';
const WORK_AFTER =
  '(?:的?(?:做|当|任|作)?(?:工人|职员|职工|员工|教师|老师|会计|司机|保安|厨师|干部|工程师|经理|主任|技术员|营业员|售货员|店员|服务员|收银员|快递员|骑手|文员|销售|保洁|门卫|校长|领导|同事)|退休|下岗|离职|辞职|上班|工作|打工|任职|就职|做工|干活|教书|值班|' +
  // Round 9: a school before study words (实验小学读三年级, 南京大学学生).
  '读书|上学|就读|念书|住校|上课|读[一二三四五六初高大研]|[一二三四五六]年级|学生|研究生|在读)';
const EMPLOYER = new RegExp(
  `(?<=^|[\\s，,。；;：:、（(]|系|为|是|原|现|曾|在|从|到)((?:(?![在从到于系为是的了和与及我他她])[\\u4e00-\\u9fa5A-Za-z0-9]){2,16}?(?:${ORG_SUFFIX}))(?=${WORK_AFTER})`,
  'dg',
);
const PERSON_START =
  /^(?:患者|病人|其|他|她|我|本人|家属|儿子|女儿|丈夫|妻子|老伴|爱人|父亲|母亲|大儿子|小儿子|大女儿|小女儿|原|现|曾|在|从|于|系|为|是)+/;
const NOT_EMPLOYER =
  /医院|卫生|诊所|社区|医疗|本院|我院|该院|本单位|单位|国企|私企|外企|事业|[的了喝吃能去会想要于见在和与或及等]|^(?:一|这|那|某|家)/;
const ORG_GATE = new RegExp(WORK_AFTER.replace('的?', ''));
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Adds addresses and employers found by their suffixes to `out` (touching a span found: dropped). */
export function findRecallPlaces(text: string, out: PhiSpan[]): void {
  if (!/[\u4e00-\u9fa5]/.test(text)) return;
  const found = out.slice();
  const add = (category: PhiSpan['category'], start: number, end: number) => {
    const candidate = { start, end };
    if (end - start < 3 || found.some((span) => overlaps(span, candidate))) return;
    const span: PhiSpan = { category, start, end, text: text.slice(start, end) };
    out.push(span);
    found.push(span);
  };
  for (const [i, regex] of ADDRESS_RULES.entries()) {
    if (!GATES[i]!.test(text)) continue;
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      if (NOT_PLACE.test(m[1]!)) continue;
      const [start, end] = m.indices![1]!;
      add('ADDRESS', start, end);
    }
  }
  if (!ORG_GATE.test(text)) return;
  EMPLOYER.lastIndex = 0;
  for (const m of execAll(EMPLOYER, text)) {
    const [start0, end] = m.indices![1]!;
    const lead = PERSON_START.exec(m[1]!)?.[0].length ?? 0;
    const value = m[1]!.slice(lead);
    if (value.length < 3 || NOT_EMPLOYER.test(value)) continue;
    add('EMPLOYER', start0 + lead, end);
  }
}
