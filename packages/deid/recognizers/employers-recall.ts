/**
 * Round 9 (issue 18): employers without an organisation suffix, recall first (with the net). The suffix rules
 * (employers.ts, places-recall.ts) need 公司, 厂, 银行 …; writers name workplaces by brand or short name (美团,
 * 富士康, 中石化, 顺丰, 市一中, 阿里巴巴, British Rail). Here the workplace is what stands
 * 1. after a verb of employment (就职于, 供职于, 任职于, 受雇于, 服务于) up to a pause;
 * 2. between 在 and a word of work (在美团送外卖, 在阿里巴巴做程序员, 在富士康流水线工作);
 * 3. between 系/是 and an occupation (系中石化职工, 是顺丰的快递员, 是市一中的语文老师);
 * 4. (en) after "retired from", "employee of", "employed at/with" (capitalised words).
 * Hospitals, clinics and health services stay (decision 0006), and so do places and generic words (在家, 在当地,
 * 在外地打工). Pure.
 */
import type { PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';

const ORG = "(?:(?![的在])[\\u4e00-\\u9fa5A-Za-z0-9&·'’])";
const OCCUPATION =
  '(?:职工|员工|工人|职员|快递员|外卖员|骑手|司机|保安|保洁|厨师|服务员|收银员|营业员|店员|会计|出纳|文员|销售|程序员|工程师|技术员|经理|主管|干部|教师|老师|医生|护士|工作人员)';
/** Occupations that name a workplace's staff (not 医生, 经理: 是主治医生, 是项目经理). */
const WORKER =
  '(?:职工|员工|工人|职员|快递员|外卖员|骑手|司机|保安|保洁|店员|营业员|收银员|程序员|工程师|老师|教师)';
const WORK =
  '(?:上班|工作|打工|任职|就职|做工|干活|实习|送外卖|跑外卖|送快递|开车|跑车|带班|值班|倒班|(?:做|当|任)(?:[\\u4e00-\\u9fa5]{0,2})' +
  OCCUPATION +
  ')';
const RULES: RegExp[] = [
  new RegExp(`(?:就职于|供职于|任职于|受雇于|服务于|工作于)(${ORG}{2,16}?)(?=[，,。；;、\\s（(]|$)`, 'dg'),
  new RegExp(
    `(?<=在)(${ORG}{2,10})(?:的)?(?:[\\u4e00-\\u9fa5]{0,4}?(?:流水线|车间|门店|仓库|工地|总部|分部))?(?=${WORK})`,
    'dg',
  ),
  new RegExp(`(?<=[系是])(${ORG}{2,10})(?:的)?(?:[\\u4e00-\\u9fa5]{0,2}?)(?=${WORKER})`, 'dg'),
  /\b(?:retired[ \t]+from|employee[ \t]+of|employed[ \t]+(?:at|with|by))[ \t]+((?:[A-Z][A-Za-z'’&-]+)(?:[ \t]+(?:[A-Z][A-Za-z'’&-]+|of|and|&))*)/dg,
];
/** Places, generic words and health services: no employer. */
const NOT_EMPLOYER =
  /^(?:家|家里|家中|本地|当地|外地|老家|外面|外省|城里|乡下|农村|村里|镇上|市里|附近|那里|这里|那边|这边|单位|公司|厂里|工地|一家|一个|某|他|她|我|其|我们|他们)|医院|卫生|诊所|社区|医疗|本院|我院|该院|[的了和与或及在从到]|^[一二三四五六七八九十两几多]/;
/** Words before an occupation that describe the job, not the workplace (是退休职工, 在夜班工作, 是合同工人). */
const MODIFIER =
  /^(?:主治|主管|值班|责任|住院|实习|退休|普通|一线|临时|合同|正式|兼职|全职|高级|初级|中级|资深|专职|代课|夜班|白班|外卖|快递|网约|私人|个体|下岗|失业|农民|环卫|建筑|语文|数学|英语|小学|中学|大学|幼儿园)|[科室房区诊里内上下外时]$|(?<![一二三四五六七八九十实附])中$|^(?:病房|门诊|急诊|手术|ICU|CCU|NICU|病区)/;
const GATE = /就职于|供职于|任职于|受雇于|服务于|工作于|在|[系是]|retired|employ/;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Adds suffix-less employers to `out` (a candidate touching a span already found is dropped). */
export function findRecallEmployers(text: string, out: PhiSpan[]): void {
  if (!GATE.test(text)) return;
  const found = out.slice();
  for (const regex of RULES) {
    regex.lastIndex = 0;
    for (const m of execAll(regex, text)) {
      const value = m[1]!;
      if (value.length < 2 || NOT_EMPLOYER.test(value) || MODIFIER.test(value)) continue;
      const [start, end] = m.indices![1]!;
      const span: PhiSpan = { category: 'EMPLOYER', start, end, text: value };
      if (found.some((other) => overlaps(other, span))) continue;
      out.push(span);
      found.push(span);
    }
  }
}
