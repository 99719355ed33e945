/**
 * Round 15 (issue 18), recall first: general mechanisms from the "left for the next round" list of
 * docs/notes/deid-recall-first-2026-12-08.md (docs/notes/deid-round15-2026-12-08.md). Fresh invented sentences (no
 * corpus line), failing before the round, with hard negatives.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './index.ts';

/** Is every non-space character of `value` (its `nth` occurrence) inside some span? */
const hidden = (text: string, value: string, nth = 0) => {
  const spans = detectPhi(text);
  let at = text.indexOf(value);
  for (let k = 0; k < nth && at >= 0; k++) at = text.indexOf(value, at + 1);
  for (let i = at; i < at + value.length; i++)
    if (!/\s/.test(text[i]!) && !spans.some((s) => s.start <= i && i < s.end)) return false;
  return at >= 0;
};
const spanTexts = (text: string) => detectPhi(text).map((s) => s.text);

describe('short forms of a name found in the note', () => {
  it('hides initials in brackets after a found name and joined to it by a slash', () => {
    const slip = '采样者：岑秋燕（CQY）　复核者：司徒朗（STL）\n请把 GXM/耿晓敏 的工号补上';
    for (const v of ['CQY', 'STL', 'GXM']) expect(hidden(slip, v)).toBe(true);
    expect(hidden('Checked by K. Okafor (KO)   Witness: Dana Whitcombe (DW)', 'KO')).toBe(true);
  });
  it('hides the initials of a found English name where they stand alone', () => {
    const note = 'Counselled by Harriet Quenby, pharmacist.\nRefill authorised by HQ on the ward.';
    expect(hidden(note, 'HQ')).toBe(true);
  });
  it('hides a short form a legend defines, where it stands alone', () => {
    const log = '日期 | 事项 | 经办\n12-01 | 复印 | 柏\n12-02 | 盖章 | 冼\n经办人全名：柏=柏雨桐，冼=冼浩然';
    expect(hidden(log, '柏')).toBe(true);
    expect(hidden(log, '冼')).toBe(true);
  });
  it('hides the given name of a found full name where it stands alone', () => {
    const chat = '家属签字：甘雨萱\n小妹-雨萱：我明天下午到';
    expect(hidden(chat, '雨萱', 1)).toBe(true);
  });
  it('leaves initials that are clinical abbreviations, and single characters inside words', () => {
    expect(spanTexts('Seen by Chris Tanner. CT head clear.')).not.toContain('CT');
    const walk = '经办人全名：林=林子豪\n森林公园散步后胸闷';
    expect(
      detectPhi(walk).some((s) => s.start <= walk.indexOf('森林') + 1 && walk.indexOf('森林') + 1 < s.end),
    ).toBe(false);
  });
});

describe('chat speakers', () => {
  it('hides a name after a time stamp, after a relation and a dash, and a nickname with an emoji', () => {
    const chat =
      '[08:15] 查文博（肾内科）：早上好\n二哥-振宇：收到\n甜甜🍬：我下午过去\n[08:20] 查文博：好的';
    for (const v of ['查文博', '振宇', '甜甜']) expect(hidden(chat, v)).toBe(true);
    expect(hidden(chat, '查文博', 1)).toBe(true);
  });
  it('leaves bare roles as speakers', () => {
    expect(spanTexts('患者：我头晕\n医生：多久了？\n[09:00] 护士：量个血压')).toEqual([]);
  });
});

describe('dates without a year', () => {
  it('hides a month-day after this year, last year and next year', () => {
    expect(hidden('主诉：今年8月17日午睡后出现言语不清', '8月17日')).toBe(true);
    expect(hidden('去年2月3日曾有类似发作', '2月3日')).toBe(true);
  });
  it('hides month-days in a note that already has a date', () => {
    const note = '入院日期：2026-11-20\n尿培养送检 11-22，结果回报 11-24\n11.25夜班交接：体温正常';
    for (const v of ['11-22', '11-24', '11.25']) expect(hidden(note, v)).toBe(true);
    const en = 'Admitted 14 Nov 2026. Knee washout 18/11. Cultures negative 21/11. Card Exp 09/2029.';
    for (const v of ['18/11', '21/11', '09/2029']) expect(hidden(en, v)).toBe(true);
  });
  it('hides a day with 号 in a note with dates, holidays and spoken dates', () => {
    expect(hidden('复诊时间：2026年12月3日\n回复：我15号请假过来', '15号')).toBe(true);
    expect(hidden('Fell on the 3rd while shopping; worse since Easter.', '3rd')).toBe(true);
    expect(hidden('Fell on the 3rd while shopping; worse since Easter.', 'Easter')).toBe(true);
    expect(hidden('DOB given as "the second of March fifty-one".', 'second of March fifty-one')).toBe(true);
  });
  it('leaves ranges, doses, pressures, scores and beds', () => {
    const note =
      '入院日期：2026-11-20\n血压 148/93，血糖 5-7 mmol/L，每次1/2片，GCS 15/15，住3号床，2-3次/日';
    expect(spanTexts(note)).toEqual(['2026-11-20']);
    expect(spanTexts('Seen 2026-11-20. Power 4/5 in the left arm; pain 6/10; on the 2nd floor.')).toEqual([
      '2026-11-20',
    ]);
  });
});

describe('short phone numbers and masked numbers', () => {
  it('hides extensions after a phone word and masked mobiles', () => {
    const note =
      '值班：分机 7315　院感科电话 6642\nBleep 2289 or ext. 4410\n手机 139****2087　身份证后四位 511X';
    for (const v of ['7315', '6642', '2289', '4410', '139****2087', '511X'])
      expect(hidden(note, v)).toBe(true);
  });
  it('leaves counts and doses after those words', () => {
    expect(spanTexts('电话随访 3 次，每次 20 分钟')).toEqual([]);
  });
});

describe('Chinese addresses by their chain of suffixes', () => {
  it('hides an address from its province or city to the room, after a place verb', () => {
    const v1 = '昆明市五华区青年路210号';
    expect(hidden(`昨晚在${v1}某餐厅用餐`, v1)).toBe(true);
    const v2 = '湖南省株洲市芦淞区建设北路18号金城广场B座905';
    expect(hidden(`资料寄至${v2}，邮编412000`, v2)).toBe(true);
    const v3 = '四川省绵阳市涪城区锦绣园D3区7栋1单元1502';
    expect(hidden(`住${v3}\n主治医师：龙`, v3)).toBe(true);
  });
  it('leaves provinces and cities in prose', () => {
    expect(spanTexts('湖南省高血压防治指南建议每年随访')).toEqual([]);
  });
});

describe('organisations by the suffix of their name', () => {
  it('hides a company, a law firm, a school and a sub-unit standing as an item of their own', () => {
    const note =
      '监查员：吕菁（苏州恒瑞达医药研发有限公司派驻）\n代理人：江苏明远律师事务所，\n学校：南京鼓楼实验幼儿园\n' +
      '寄到单位：浙江建工集团有限公司杭州项目部，谢谢';
    for (const v of [
      '苏州恒瑞达医药研发有限公司',
      '江苏明远律师事务所',
      '南京鼓楼实验幼儿园',
      '浙江建工集团有限公司杭州项目部',
    ])
      expect(hidden(note, v)).toBe(true);
    expect(hidden('Retired lecturer (University of Leeds), walks daily.', 'University of Leeds')).toBe(true);
  });
  it('leaves school words in prose, medical schools and affiliations', () => {
    expect(
      spanTexts('我是一位中学教师，刚刚大学毕业的儿子可以去幼儿园工作吗').filter((t) =>
        /幼儿园|大学/.test(t),
      ),
    ).toEqual([]);
    expect(spanTexts('医生：我是北京协和医学院毕业的')).toEqual([]);
    expect(spanTexts('Patients attending the University of Leeds clinic were enrolled.')).toEqual([]);
  });
});

describe('persons by the position they stand in', () => {
  it('hides English names after a title with initials, before a bracketed number or role, after a role noun', () => {
    const note =
      'Paged Dr. K. Lindqvist and Dr Seán Ó Dálaigh.\nCohort: Marisol Quintero Paz (0081234567), Kwame Mensah (statistician)\n' +
      'Chaperone (family present): Harold Pimm  Time: 10:05\nThe porter, Dimitri, brought the chart; collected by courier Tavita.\n' +
      'ZELLWEGER, AUGUSTINE P';
    for (const v of [
      'K. Lindqvist',
      'Seán Ó Dálaigh',
      'Marisol Quintero Paz',
      'Kwame Mensah',
      'Harold Pimm',
      'Dimitri',
      'Tavita',
      'ZELLWEGER, AUGUSTINE P',
    ])
      expect(hidden(note, v)).toBe(true);
  });
  it('hides a Chinese name between a department or a role noun and a staff verb', () => {
    expect(hidden('档案室鞠慧敏核对了复印件', '鞠慧敏')).toBe(true);
    expect(hidden('当事人晏国栋已签收', '晏国栋')).toBe(true);
  });
  it('leaves body parts, clinic visits and scales in brackets', () => {
    expect(spanTexts('腰部冷痛，建议心内科门诊复诊。')).toEqual([]);
    expect(spanTexts('Outcomes: Hospital Anxiety (questionnaire), Body Mass (index)')).toEqual([]);
  });
});

describe('labelled codes and URLs of any scheme', () => {
  it('hides codes after a reference, badge, registration or plate label, and sftp URLs', () => {
    const note =
      'Ref QX 7730145 / Badge 2291 / plate KA 7TR 402 / reg BD19 XLM / Member ID: MB-771204 / licence no. 88410Q\n' +
      'Upload to ftp://files.example-lab.org/batch/77 daily.';
    for (const v of [
      'QX 7730145',
      '2291',
      'KA 7TR 402',
      'BD19 XLM',
      'MB-771204',
      '88410Q',
      'ftp://files.example-lab.org/batch/77',
    ])
      expect(hidden(note, v)).toBe(true);
  });
  it('leaves short numbers after those words', () => {
    expect(spanTexts('See Figure 2 (reg 12); plate 3 of 4 was read.')).toEqual([]);
  });
});
