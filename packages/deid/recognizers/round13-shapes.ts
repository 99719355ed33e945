/**
 * Round 13 (issue 18), recall first (with the safety net): identifiers tuning-6 showed by their shape or label
 * (docs/notes/deid-tuning6-study-2026-12-08.md).
 * 1. Chinese document numbers "…字第N号" (（2026）粤0106委鉴字第1873号, 醫字第044518號).
 * 2. Account names after 账号/用户名 (zjj_user_104417); plates after 车牌 with a city name (广州D48833).
 * 3. Employers: a work-unit field's value; an organisation with a unit suffix before a work verb
 *    (在…执法大队值班); a brand before an occupation (…速运快递员); in English after a verb of employment
 *    ("retired from Rich Products Corporation", "joining the University of …", "30 years at …") or with a
 *    firm's suffix (… Associates, … Corporation).
 * 4. An address found elsewhere is extended over the administrative units and numbers written after it
 *    (贵州省黔西南州 + 兴义市则戎镇冷洞村五组).
 * Pure.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';

const RULES: [RegExp, PhiCategory][] = [
  [/((?:[（(]\d{4}[）)])?[\u4e00-\u9fa5\d]{1,12}字第\d{2,8}[号號])/dg, 'IDENTIFIER'],
  [
    /(?:账号|帐号|用户名|登录名|用户ID)[：:]?[ \t　]*([A-Za-z][A-Za-z0-9_.-]*[_\d][A-Za-z0-9_.-]*)/dg,
    'ACCOUNT_NO',
  ],
  [/车牌(?:号码?)?[：:]?[ \t　]*([\u4e00-\u9fa5]{1,3}[A-Z][·•\s]?[A-Z0-9]{5,6})(?![A-Z0-9])/dg, 'VEHICLE'],
  [
    /(?:工作单位|就职单位|所在单位|就职于|任职于|供职于|受雇于)[：:]?[ \t　]*((?!无|退休|不详|务农|个体|自由职业)[^\s　，,。；;（(：:]{4,24})/dg,
    'EMPLOYER',
  ],
  [
    /在((?:[\u4e00-\u9fa5]{2,8}(?:省|市|县|区))?[\u4e00-\u9fa5]{2,12}?(?:大队|中队|支队|公司|集团|合作社|工厂|车间|分局|派出所|银行|支行))(?=值班|上班|工作|任职|打工|做工|执勤)/dg,
    'EMPLOYER',
  ],
  [
    /([\u4e00-\u9fa5]{2,6}(?:速运|速递|快递|物流|外卖|货运))(?=快递员|骑手|配送员|送货员|司机|职工|员工)/dg,
    'EMPLOYER',
  ],
  [
    /\b(?:retired[ \t]+from|joining|joined|years[ \t]+at|worked[ \t]+at|works[ \t]+at|working[ \t]+at|employed[ \t]+(?:at|by)|employee[ \t]+of|works[ \t]+for|worked[ \t]+for)[ \t]+(?:the[ \t]+)?([A-Z][A-Za-z'’&.-]*(?:[ \t]+(?:of|and|&|for|[A-Z][A-Za-z'’&.-]*)){0,5}[ \t]+[A-Z][A-Za-z'’&.-]*)/dg,
    'EMPLOYER',
  ],
  [/\b((?:[A-Z][A-Za-z'’&-]+[ \t]+){1,4}(?:Associates|Corporation|Partners|LLP|LLC))\b/dg, 'EMPLOYER'],
];

/** Administrative units and numbers that continue an address (sticky). */
const ADDRESS_MORE =
  /(?:[\u4e00-\u9fa5]{1,6}?(?:自治州|自治县|地区|街道|社区|胡同|省|市|州|盟|县|区|旗|镇|乡|村|路|街|巷|弄|屯)|[\d一二三四五六七八九十]{1,4}(?:组|队|号|栋|幢|单元|室|楼|层))/y;

/** Adds round 13's shapes to `out`. */
export function findRound13Shapes(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  for (const [regex, category] of RULES)
    for (const m of execAll(regex, text)) add(...m.indices![1]!, category);
  for (const span of out) {
    if (span.category !== 'ADDRESS') continue;
    let end = span.end;
    for (;;) {
      ADDRESS_MORE.lastIndex = end;
      const m = ADDRESS_MORE.exec(text);
      if (!m) break;
      end += m[0].length;
    }
    if (end > span.end) {
      span.end = end;
      span.text = text.slice(span.start, end);
    }
  }
}
