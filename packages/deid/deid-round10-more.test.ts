/**
 * Round 10 (issue 18), on tuning-4's misses by class: dates (Minguo calendar, table columns, a day before a time
 * of that day, month-days ending a field or after a scheduling word), ages over 89 in traditional characters and
 * tables, codes (Hong Kong identity cards, Taiwan phones and extensions, share paths, plates, LINE IDs,
 * Australian postcodes, provider numbers), addresses and employers. Fresh invented sentences (no corpus line),
 * failing before the round, with hard negatives.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './index.ts';

const of = (text: string, category: string) =>
  detectPhi(text)
    .filter((s) => s.category === category)
    .map((s) => s.text);

describe('dates and ages (dates-round10.ts, names-round10.ts tables)', () => {
  it('finds Minguo dates whole, also around a month-day the reader finds', () => {
    expect(of('初診：民國113年11月2日', 'DATE')).toEqual(['民國113年11月2日']);
    expect(of('生日 民国70年5月9日', 'DATE')).toEqual(['民国70年5月9日']);
  });
  it('finds a day alone before a time of that day', () => {
    expect(of('家属说15号凌晨突然胸痛。', 'DATE')).toEqual(['15号']);
    expect(of('请调阅8日晚上的护理记录。', 'DATE')).toEqual(['8日']);
    expect(of('每日晚上服用一次。', 'DATE')).toEqual([]);
  });
  it('finds a month-day ending a field after a wide gap, and in a date column', () => {
    expect(of('随访护士：骆红　4-17\n内容：血压平稳', 'DATE')).toEqual(['4-17']);
    expect(of('序号\t日期\t收缩压\n1\t10/21\t142\n2\t10/28\t136', 'DATE')).toEqual(['10/21', '10/28']);
    expect(of('A 2-4\nB 3-5', 'DATE')).toEqual([]);
  });
  it('finds a month/day after a scheduling word or a credential (en)', () => {
    expect(of('Pharmacy will call 2/11.', 'DATE')).toEqual(['2/11']);
    expect(of('Note by Dana Whitlock, RN 12/3: stable.', 'DATE')).toEqual(['12/3']);
    expect(of('Reviewed on Sep 14:\n- aspirin', 'DATE')).toEqual(['Sep 14']);
    expect(of('Take 1/2 tab at night.', 'DATE')).toEqual([]);
  });
  it('finds ages over 89 in traditional characters, in an age column and "is 95 years."', () => {
    expect(of('病人：梁先生，96歲，獨居。', 'AGE')).toEqual(['96歲']);
    expect(of('年齡：91　性別：男', 'AGE')).toEqual(['91']);
    expect(
      of('姓名       年龄  电话\n甘露       91    13800000000\n田园       78    13900000000', 'AGE'),
    ).toEqual(['91']);
    expect(of('My grandmother is 97 years. She lives alone.', 'AGE')).toEqual(['97 years']);
    expect(of('He smoked for 92 years? No, he is 60.', 'AGE')).toEqual([]);
  });
});

describe('codes (codes-round10.ts)', () => {
  it('finds Hong Kong identity cards, Taiwan phones with extensions and LINE IDs', () => {
    expect(of('身份證號碼 Y628115(3)', 'ID_CARD')).toEqual(['Y628115(3)']);
    expect(of('聯絡：(04)2358-7710 分機 23', 'PHONE')).toEqual(['(04)2358-7710', '23']);
    expect(of('Line ID: chen.mei_88', 'WECHAT')).toEqual(['chen.mei_88']);
  });
  it('finds share paths, state plates with dashed groups, Australian postcodes and provider numbers', () => {
    expect(of('Export saved to \\\\nas02.clinic.local\\bp\\exports today.', 'URL')).toEqual([
      '\\\\nas02.clinic.local\\bp\\exports',
    ]);
    expect(of('Blue sedan, plate TX 7-KLM-204.', 'VEHICLE')).toEqual(['TX 7-KLM-204']);
    expect(of('Lives in Ballina NSW 2478 with her son.', 'ZIP')).toEqual(['2478']);
    expect(of('Prescriber No. 5530917B', 'LICENSE_NO')).toEqual(['5530917B']);
    expect(of('Provider No. pending', 'LICENSE_NO')).toEqual([]);
  });
});

describe('addresses and employers (places-round10.ts, addresses.ts)', () => {
  it('finds traditional-character addresses and prefecture levels before an address', () => {
    expect(of('地址：九龍觀塘道388號創紀之城5期12樓C室', 'ADDRESS')).toEqual([
      '九龍觀塘道388號創紀之城5期12樓C室',
    ]);
    expect(of('住青海省玉树藏族自治州称多县歇武镇当托村三社', 'ADDRESS').join('')).toContain(
      '青海省玉树藏族自治州称多县',
    );
  });
  it('finds streets before a town and a state, and foreign street words', () => {
    expect(of('Pick up at the pharmacy on Elm Street, Keene, NH today.', 'ADDRESS')).toEqual([
      'Elm Street, Keene, NH',
    ]);
    expect(of('Home: 14 Banksia Crescent, Port Macquarie NSW', 'ADDRESS')).toEqual([
      '14 Banksia Crescent, Port Macquarie NSW',
    ]);
    expect(of('She lives at Calle Mayor 12, Toledo now.', 'ADDRESS')).toEqual(['Calle Mayor 12, Toledo']);
  });
  it('finds employers: full registered names, a workplace after an occupation, en cues', () => {
    expect(of('宁波海联物流有限公司 体检汇总', 'EMPLOYER')).toEqual(['宁波海联物流有限公司']);
    expect(of('职业：快递员，顺丰速运营业部。', 'EMPLOYER')).toEqual(['顺丰速运营业部']);
    expect(of('He joined at Lockheed Martin last spring.', 'EMPLOYER')).toEqual(['Lockheed Martin']);
    expect(of('Employer Costco wants a fitness note.', 'EMPLOYER')).toEqual(['Costco']);
    expect(of('Wife reachable at work (Pacific Gas) any time.', 'EMPLOYER')).toEqual(['Pacific Gas']);
    expect(of('He works evenings at the Kroger warehouse.', 'EMPLOYER')).toEqual(['Kroger']);
  });
  it('leaves drug makers, dose starts and hospitals', () => {
    expect(of('缬沙坦（北京诺华制药有限公司）80mg qd', 'EMPLOYER')).toEqual([]);
    expect(of('Lisinopril was started at 10 mg.', 'EMPLOYER')).toEqual([]);
  });
});

describe('outside text without identifiers (bench/deid-outside-text.ts): no name, no date', () => {
  it('reads the words after a dialogue speaker as a reply (zh-names.ts, zh-person-positions.ts)', () => {
    const chat = '患者：医生您好\n医生：支架手术要看造影结果\n患者：那就好\n医生：会的，别担心';
    expect(of(chat, 'CLINICIAN_NAME')).toEqual([]);
    expect(of(chat, 'PATIENT_NAME')).toEqual([]);
    expect(of('患者：谢谢\n医生：室缺，房缺都要复查', 'CLINICIAN_NAME')).toEqual([]);
    // A field after a role outside a dialogue is still read.
    expect(of('主治医生：史俊杰', 'CLINICIAN_NAME')).toEqual(['史俊杰']);
  });
  it('leaves words before a title in a dialogue, and a name continuing the word on its left', () => {
    expect(of('患者：您好\n医生：请讲\n患者：怎样让全国医生都知道？', 'CLINICIAN_NAME')).toEqual([]);
    expect(of('没有任何一位医生会这样说。', 'CLINICIAN_NAME')).toEqual([]);
    expect(of('患者：你好\n医生：你好\n患者：黄医生，药吃完了', 'CLINICIAN_NAME')).toEqual(['黄医生']);
  });
  it('leaves materia medica and TCM terms of name shape (zh-words.ts)', () => {
    for (const text of ['D 乌梅\nE 杨梅舌', '含马钱子的中成药过量', '项强，阳损及阴', '以活血止痛效果尤佳'])
      expect(of(text, 'PATIENT_NAME')).toEqual([]);
  });
  it('leaves a value before 以上/以下 after 在 (dates-recall.ts)', () => {
    expect(of('血钾应维持在4.5以上。', 'DATE')).toEqual([]);
  });
});
