/**
 * Employers of the patient or a relative (Safe Harbor §164.514(b)(2)(i) lists identifiers "of the
 * individual or of relatives, employers, or household members"; i2b2 2014 annotates them as ORGANIZATION).
 * Found by context: 工作单位/单位/就职于/在…工作/到…上班/系…退休, "works at", "employed by". Hospitals and
 * health services are not employers here (they are where the note was written and stay).
 */
import type { PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';

const ORG_SUFFIX =
  '项目部|分公司|支行|分行|营业部|管理站|管理所|股份有限公司|集团有限公司|有限责任公司|有限公司|公司|集团|工厂|厂|中学|小学|学校|大学|学院|幼儿园|研究所|研究院|设计院|局|银行|出版社|报社|电视台|派出所|法院|检察院|事务所|车队|煤矿|矿|农场|超市|商场|饭店|酒店|工地|所|站|处|馆|场';
const ORG = `([\\u4e00-\\u9fa5A-Za-z0-9（）()]{2,30}(?:${ORG_SUFFIX}))`;
const ZH = [
  new RegExp(`(?:就读于|就职于|任职于|供职于|受雇于)${ORG}`, 'dg'),
  new RegExp(
    `(?:工地|护工|保姆|家政|务工|打工|工作|上班|就读于?|学生|职工|退休|任职|教师|工人|员工|司机|职员|干部|工程师|会计|保安|厨师|销售)[（(]${ORG}(?=[）)])`,
    'dg',
  ),
  new RegExp(
    `(?:工作单位(?:及地址|名称)?|就职单位|所在单位|参保单位|投保单位|用人单位|(?:^|[\\n\\s　，,；;])单位(?:名称)?)[：:\\s]*${ORG}`,
    'dg',
  ),
  // 患者系北京市海淀区中关村第三小学教师: an institution followed by an occupation (系 is not part of it).
  new RegExp(
    `(?:系|为|是|任|做|当)${ORG}(?=的?(?:公务员|教师|老师|医生|工人|职员|职工|员工|干部|会计|司机|保安|工程师|校长|厨师|保洁|门卫|营业员|售货员|技术员|主任|经理|退休))`,
    'dg',
  ),
  new RegExp(
    `(?:就职于|任职于|供职于|受雇于|在|到|系)${ORG}(?=(?:工作|上夜班|上白班|上班|值夜班|值班|任职|就职|退休|干活|教书|打工|务工|做工|当|做|任|的|\\s*[，,。]?\\s*(?:职业|职务)))`,
    'dg',
  ),
];
/**
 * Round 6: a company named alone in brackets after a person ("护工韦秀芳（长沙康馨家政服务有限公司）"); makers of
 * drugs and devices in brackets (氨氯地平（辉瑞制药有限公司）) are not employers (checked below).
 */
const BRACKET_ORG =
  /(?<=[\u4e00-\u9fa5]{2,4}[（(])([\u4e00-\u9fa5]{4,30}(?:有限责任公司|股份有限公司|有限公司|集团|项目部|分公司))(?=[）)])/dg;
const EN_ORG = "((?:[A-Z][\\w&'.-]*)(?:[ \\t]+(?:(?:and|of|&|the|for)[ \\t]+)?[A-Z][\\w&'.-]*){0,6})";
const EN = [
  new RegExp(
    `\\b(?:[Ww]orks?|[Ww]orked|[Ww]orking|[Ee]mployed|[Ee]mployee|[Dd]rives|[Dd]rove|[Dd]riving)(?:[ \\t]+(?:nights|days|part-time|full-time|shifts))?[ \\t]+(?:at|for|by|with)[ \\t]+${EN_ORG}`,
    'dg',
  ),
  // "a teacher from Lincoln Elementary School", "works as a machinist at Acme Tool Company".
  new RegExp(
    `\\b(?:teacher|nurse|worker|employee|janitor|clerk|machinist|driver|dispatcher|operator|foreman|supervisor|loader|packer|miner|porter|courier|bartender|server|waitress|waiter|plumber|carpenter|painter|roofer|trucker|cashier|manager|engineer|mechanic|accountant|secretary|cook|chef|custodian|technician|librarian|principal|professor|officer|guard|electrician|welder|farmer|laborer|labourer|salesman|saleswoman|receptionist|assistant|aide)[ \\t]+(?:at|from|for|with)[ \\t]+(?:the[ \\t]+)?${EN_ORG}`,
    'dg',
  ),
  new RegExp(`\\b(?:[Ee]mployer|[Oo]ccupation at|[Ww]orkplace)[ \\t]*:[ \\t]*${EN_ORG}`, 'dg'),
  // "I am at Green Mountain Dairy Cooperative": an organisation named by its kind after "at".
  new RegExp(
    `\\bat[ \\t]+(?:the[ \\t]+)?((?:[A-Z][\\w&'-]*[ \\t]+){1,5}(?:Inc\\.|LLC|Ltd\\.?|Co\\.|Company|Corporation|Corp\\.|Cooperative|Co-op|Factory|Plant|Mill|Foundry|Lines|Logistics|Freight|Trucking|Manufacturing|Industries|Ceramics|Works|Warehouse|Distribution|Dairy|Farms?|Bakery|Foods|Packing|Motors|Construction|Quarry))(?![ \\t]*[A-Z])`,
    'dg',
  ),
];
/** A trailing abbreviation keeps its period ("Brightwater Ceramics Inc."). */
const ABBREVIATION_END = /\b(?:Inc|Co|Corp|Ltd|Bros|Mfg)\.$/;
const NOT_ORG = /^(?:Home|Night|Nights|The|A|An|Hospital|Clinic|Our|This)$/;

export function findEmployers(text: string, out: PhiSpan[]): void {
  for (const regex of [...ZH, BRACKET_ORG, ...EN]) {
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      const [start, end] = m.indices![1]!;
      const raw = text.slice(start, end).replace(/[ \t]+$/, '');
      const value = ABBREVIATION_END.test(raw) ? raw : raw.replace(/[ \t.]+$/, '');
      if (NOT_ORG.test(value) || /医院|(?<!环境)卫生|诊所|社区/.test(value)) continue;
      if (regex === BRACKET_ORG && /药|医疗|器械|生物|试剂/.test(value)) continue;
      out.push({ category: 'EMPLOYER', start, end: start + value.length, text: value });
    }
  }
}
