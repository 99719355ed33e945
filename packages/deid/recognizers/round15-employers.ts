/**
 * Round 15 (issue 18), recall first (with the safety net): organisations by the suffix of their name where the
 * name stands as an item of its own (after a pause, a bracket, a label's colon, a table's pipe or a line's
 * start): 广东华商律师事务所, （上海药明津石医药科技有限公司派驻）, | 中国人寿石家庄分公司调查员, 幼儿园：上海长宁国际
 * 幼儿园, 美的集团年底…, with a sub-unit after a company (…有限责任公司西安项目部); "University of Exeter".
 * Hospitals, clinics and health centres are not employers here (decision 0006): a name holding or followed by
 * one is left.
 * Pure.
 */
import type { PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';

const SUFFIX =
  '股份有限公司|有限责任公司|有限公司|集团|律师事务所|会计师事务所|事务所|分公司|项目部|幼儿园|学院|大学|研究院|研究所|中学|小学';
const SUB_UNIT = '分公司|项目部|分行|支行|营业部|分院|事业部|办事处|分部';
const ORG_ITEM = new RegExp(
  `(?<=^|[\\s　，,、；;：:（(|])([\\u4e00-\\u9fa5A-Za-z0-9]{2,28}(?:${SUFFIX})(?:[\\u4e00-\\u9fa5]{1,6}?(?:${SUB_UNIT}))?)`,
  'dgm',
);
/** The longest opening that ends in a verb of place or being. */
const LEADING_VERB = /^.*(?:于|在|到|是|系|为|去|自)/;
/** The suffix and sub-unit ending a value, stripped to see what names it. */
const SUFFIX_END = new RegExp(`(?:${SUFFIX})(?:[\\u4e00-\\u9fa5]{0,6}?(?:${SUB_UNIT}))?$`);
const NOT_A_NAME =
  /^(?:一|某|这|那|该|每|各|本)|[我你他她它]|可以|能够|刚刚|如何|参加|拥有|所处|想|要去|去|来|没|不|了|着|过/;
const WORK_BEFORE =
  /(?:\(|\b(?:lecturer|professor|researcher|student|staff|employee|employed|works?|worked|working|retired|job)\b[^.\n]{0,15})[ \t]*$/i;
const MAKER = /制药|药业|医药|药厂|生物|医疗|器械/;
const WORK_AFTER = /^(?:派驻|派出|员工|职工|工作|上班|调查员|监查员|的员工)/;
const HEALTH = /医院|诊所|卫生院|卫生服务|社区卫生|卫生室|医务室|疾控|保健院|急救/;
const UNIVERSITY =
  /\b(University[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![ \t]+(?:Hospital|Medical|Health|Press))/dg;

/** Adds round 15's employers to `out`. */
export function findRound15Employers(text: string, out: PhiSpan[]): void {
  if (/[\u4e00-\u9fa5]/.test(text) && /公司|集团|事务所|项目部|幼儿园|学院|大学|研究|学/.test(text))
    for (const m of execAll(ORG_ITEM, text)) {
      let start = m.indices![1]![0];
      const end = m.indices![1]![1];
      if (HEALTH.test(m[1]!) || HEALTH.test(text.slice(end, end + 8))) continue;
      // A verb of place or of being that opens the item is no part of the name (毕业于北京大学, 我在美的集团).
      const verb = LEADING_VERB.exec(m[1]!);
      if (verb) start += verb[0].length;
      const value = text.slice(start, end);
      // What names the organisation before its suffix: two characters at least, no pronoun, quantifier or
      // verb (一位中学教师, 可以去幼儿园, 刚刚大学毕业), no medical school (a hospital's name: decision 0006).
      const name = value.replace(SUFFIX_END, '');
      if (name.length < 2 || NOT_A_NAME.test(name) || /医学|医科|中医药|协和|护理/.test(value)) continue;
      // Makers of drugs and devices are no employer (氨氯地平（辉瑞制药有限公司）) unless someone works there.
      if (MAKER.test(value) && !WORK_AFTER.test(text.slice(end, end + 4))) continue;
      out.push({ category: 'EMPLOYER', start, end, text: value });
    }
  if (text.includes('University'))
    for (const m of execAll(UNIVERSITY, text)) {
      const [start, end] = m.indices![1]!;
      // Someone's work or study there (lecturer (University of …), works at …), not an author's affiliation.
      if (!WORK_BEFORE.test(text.slice(Math.max(0, start - 30), start))) continue;
      out.push({ category: 'EMPLOYER', start, end, text: m[1]! });
    }
}
