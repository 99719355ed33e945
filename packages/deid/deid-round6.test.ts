/**
 * Round-6 classes (issue 18, after held-out 3 was moved to tuning as tuning-3): staff named after their
 * department (心内科端木青), chat senders with nicknames after a time (阿强：, 素珍阿姨：, 大女儿冬梅：), rare surnames,
 * labelled persons before 签字, names in pinyin, serial numbers of forms and letters (结算单号, 任务编号, Our
 * reference:, EMS run #), phone extensions (转602, ext. 22), dates (3-15复查, 12/1 05:40, 25/3/5 15:40,
 * 5-Apr-2025), places of origin and events (籍贯, 地点), employers (单位：…支行, a company in brackets, "drives
 * for"), English labels (Agent:, Ordering: SURNAME, GIVEN, "… wrote:", "also known as") and an age after a name.
 * Fresh sentences, not corpus text; hard negatives (drug makers, hospital rooms, form labels, subject lines,
 * doses, ranges) stay unmarked.
 */
import { describe, expect, it } from 'vitest';
import { findDates } from './dates.ts';
import { detectPhi } from './detect.ts';

const found = (text: string) => detectPhi(text).map((s) => s.text);

describe('Chinese names, round 6', () => {
  it('finds staff named after their department or unit', () => {
    const note =
      '会诊人员：呼吸科闻人秋、营养科笪晓梅，病案室逯佳　2025年2月1日。影像科亢志远电话报告：右肺结节。';
    expect(found(note)).toEqual(expect.arrayContaining(['闻人秋', '笪晓梅', '逯佳', '亢志远']));
    expect(found('心内科会诊后转外科治疗，急诊科就诊，骨科医生查看，中心静脉置管。')).toEqual([]);
    // found on the clinical-language tuning messages: 科 of 科普 is no department
    expect(found('给我爸妈科普用，谢谢')).toEqual([]);
  });
  it('finds chat senders with a nickname, a relation or a title after the time, not vital-sign labels', () => {
    const chat =
      '07:40 阿梅：奶奶今早吃药了吗？\n07:45 二儿子建华：吃了。\n07:50 桂兰阿姨：我中午去看她。\n08:02 建华：好。\n' +
      '08:10 晶晶🌷：收到。';
    expect(found(chat)).toEqual(expect.arrayContaining(['阿梅', '建华', '桂兰', '晶晶']));
    expect(found(chat).filter((s) => s === '建华')).toHaveLength(2);
    expect(found('14:00 体温：37.2℃\n14:05 小便：200ml\n14:10 患者：无不适\n14:20 医生：继续观察')).toEqual(
      [],
    );
  });
  it('finds rare surnames after a cue, a person before 签字 and a name in pinyin', () => {
    expect(found('12床 庹建平，男，70岁。家属禚小燕陪护。')).toEqual(
      expect.arrayContaining(['庹建平', '禚小燕']),
    );
    expect(found('委托人：欧阳晓签字确认。')).toContain('欧阳晓');
    expect(found('护照姓名拼音 ZHAO MEILING。')).toContain('ZHAO MEILING');
    expect(found('找贝主任复诊。贝那普利10mg，贝伐珠单抗。')).toEqual(['贝主任']);
  });
});

describe('numbers and codes, round 6', () => {
  it('finds serial numbers of forms and letters', () => {
    const zh =
      '结算单号：JS5101002025020100418　医保编号：51010000000098765432\n任务编号：AJ20250203-0112　病理号：B2025-01234　影像号：CT00456789';
    expect(found(zh)).toEqual(
      expect.arrayContaining([
        'JS5101002025020100418',
        '51010000000098765432',
        'AJ20250203-0112',
        'B2025-01234',
        'CT00456789',
      ]),
    );
    const en =
      'EMS run #: EMS-24-008812. Our reference: PA-2024-0070215. Group: GRP-90017. Appeal of denial DN-5500213. Ohio license 35512. Bedside transmitter TX90-1188342. Passport (patient): XK4411028.';
    expect(found(en)).toEqual(
      expect.arrayContaining([
        'EMS-24-008812',
        'PA-2024-0070215',
        'GRP-90017',
        'DN-5500213',
        '35512',
        'TX90-1188342',
        'XK4411028',
      ]),
    );
    expect(found('门诊号还是MZ01234567。')).toContain('MZ01234567');
  });
  it('keeps phone extensions in the phone span', () => {
    expect(found('电话0551-62881234转305')).toEqual(['0551-62881234转305']);
    expect(found('Phone: (503) 555-0148 ext. 41')).toEqual(['(503) 555-0148 ext. 41']);
  });
  it('leaves ranges, group numbers and monitors without a code unmarked', () => {
    expect(
      found('reference range 3.5-5.0 mmol/L; 24-hour monitor; blood group A; case 2 of the series'),
    ).toEqual([]);
  });
});

describe('dates, round 6', () => {
  it('finds month-day before a visit word or a time, year-first dates before a time, and 5-Apr-2025', () => {
    const dates = (t: string) => findDates(t).map((d) => d.text);
    expect(dates('主治医师 签名　24/11/7 09:15')).toEqual(['24/11/7']);
    expect(dates('嘱4-22复查肾功能，5/3上午来门诊，6/18行射频消融。\n11/30 06:20 血压168/96')).toEqual([
      '4-22',
      '5/3',
      '6/18',
      '11/30',
    ]);
    expect(dates('Arrived 7-Nov-2024 22:10; labs 07-NOV-2024')).toEqual(['7-Nov-2024', '07-NOV-2024']);
    expect(dates('每次1/2片，每日2-3次，血压150/90，3-5天后复查，K 3.5')).toEqual([]);
  });
});

describe('places and employers, round 6', () => {
  it('finds a place of origin and an event place with an administrative level, not a hospital room', () => {
    expect(found('籍贯：四川省南部县　民族：汉族')).toContain('四川省南部县');
    expect(found('地点：江西省赣州市瑞金市叶坪乡华屋村三组路口')).toEqual([
      '江西省赣州市瑞金市叶坪乡华屋村三组路口',
    ]);
    expect(found('地点：门诊楼3楼会议室')).toEqual([]);
  });
  it('finds employers after 单位/参保单位, in brackets after a person or a site, and after "drives for"', () => {
    expect(found('单位：赣南农商银行章贡支行　部门：信贷部')).toContain('赣南农商银行章贡支行');
    expect(found('参保单位：赣州市章贡区环境卫生管理站')).toContain('赣州市章贡区环境卫生管理站');
    expect(found('在工地（赣州城建集团第二项目部）搬运时跌倒')).toContain('赣州城建集团第二项目部');
    expect(found('保姆邵春梅（赣州安家家政服务有限公司）陪护')).toContain('赣州安家家政服务有限公司');
    expect(found('He drives for Tri-County Freight Lines at night.')).toContain('Tri-County Freight Lines');
    expect(found('氨氯地平（辉瑞制药有限公司）5mg qd，阿托伐他汀（北京嘉林药业股份有限公司）')).toEqual([]);
  });
  it('finds a US address with a directional after the street type', () => {
    expect(found('Address: 215 Lake Street North, Apt 2C, Duluth, MN 55802')).toEqual([
      '215 Lake Street North, Apt 2C, Duluth, MN',
      '55802',
    ]);
  });
});

describe('English names and ages, round 6', () => {
  it('finds agents, witnesses, inverted upper-case orderers, email authors, aliases and credentials', () => {
    expect(found('Agent: Temitope Adebayo-Clarke   Relationship: son   Phone: (612) 555-0190')).toContain(
      'Temitope Adebayo-Clarke',
    );
    expect(found('Ordering: OKONKWO, CHIDI MD   Copy to: LARSEN, INGRID NP')).toEqual(
      expect.arrayContaining(['OKONKWO, CHIDI', 'LARSEN, INGRID']),
    );
    expect(found('> On Nov 2, 2024, Priscilla Dunmore wrote:')).toContain('Priscilla Dunmore');
    expect(found('Patient: Lin Xiaoyu (also known as June Lin)')).toContain('June Lin');
    expect(found('verified at 14:20 by K. Abernathy, MLS')).toContain('K. Abernathy');
    expect(found('Member: Rosalind Ekwueme   Member ID: ZX-4410')).toContain('Rosalind Ekwueme');
  });
  it('leaves subject lines, addressees and field labels unmarked', () => {
    const letter =
      'RE: Prior authorization for ambulatory monitoring\nSubject: Expedited review requested\nSubject: Remote monitoring alert\nDear Reviewer,\nDear Colleague,';
    expect(found(letter)).toEqual([]);
    expect(found('RE: Harriet Solberg')).toEqual(['Harriet Solberg']);
  });
  it('finds an age over 89 with the sex after a name', () => {
    expect(found('Pt Lindqvist, 93 F, fall at home')).toContain('93');
    expect(found('Hgb 9.3, K 4.1, BP 150/92 F')).not.toContain('92');
  });
});
