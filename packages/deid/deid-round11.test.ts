/**
 * Round 11 (issue 18), on tuning-5's misses by class: Chinese persons after a role or a relation, nicknames and
 * aliases, persons heading a list item, 姓名 values, chat speakers, initials, sign-offs; landlines in groups,
 * address fields, employers by suffix, month-days in Chinese text; English person fields, relations, chat
 * senders, rooms, employers by label and suffix, addresses ending in a postcode. Fresh invented sentences (no
 * corpus line), failing before the round, with hard negatives.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './index.ts';

const of = (text: string, category?: string) =>
  detectPhi(text)
    .filter((s) => (category ? s.category === category : true))
    .map((s) => s.text);
const names = (text: string) =>
  detectPhi(text)
    .filter((s) => s.category.endsWith('_NAME'))
    .map((s) => s.text);
/** Is every non-space character of `value` inside some span? */
const hidden = (text: string, value: string) => {
  const spans = detectPhi(text);
  const at = text.indexOf(value);
  for (let i = at; i < at + value.length; i++)
    if (!/\s/.test(text[i]!) && !spans.some((s) => s.start <= i && i < s.end)) return false;
  return at >= 0;
};

describe('Chinese persons after a role or a relation (round11-zh.ts)', () => {
  it('takes the name ending on a word boundary, whatever its characters', () => {
    expect(hidden('请康复师傅，由外甥蒲永田代签。', '蒲永田')).toBe(true);
    expect(hidden('同事苗晓薇陪同就诊', '苗晓薇')).toBe(true);
    expect(hidden('白班阿依古丽巡视时发现', '阿依古丽')).toBe(true);
    expect(hidden('她说室友晓妍最近也失眠', '晓妍')).toBe(true);
    expect(hidden('由翻译滕先生协助问诊', '滕先生')).toBe(true);
    expect(hidden('护工小邓每天陪护', '小邓')).toBe(true);
    expect(hidden('来电人宓女士反映候诊太久', '宓女士')).toBe(true);
    expect(hidden('舍友小萱陪同来诊', '小萱')).toBe(true);
    expect(hidden('邻居莫老四帮忙叫了车', '莫老四')).toBe(true);
  });
  it('takes a list after the role and a Latin name after it', () => {
    const text = '工友彭老大、龚海涛同在矿上';
    expect(hidden(text, '彭老大')).toBe(true);
    expect(hidden(text, '龚海涛')).toBe(true);
    expect(hidden('由同学Kelly Chan陪同', 'Kelly Chan')).toBe(true);
  });
  it('leaves words, kinship and clinical phrases after a role', () => {
    expect(names('孩子发烧三天，宝宝黄疸已退')).toEqual([]);
    expect(names('建议给孩子查一下肝功，宝宝支气管炎反复')).toEqual([]);
    expect(names('孩子阿姨都在旁边')).toEqual([]);
    expect(names('请问医生挂哪个科？')).toEqual([]);
  });
});

describe('nicknames, aliases and mixed names (round11-zh.ts)', () => {
  it('takes the name after 小名/昵称/本名 and what such a bracket follows', () => {
    expect(hidden('患儿乳名叫豆包，3岁', '豆包')).toBe(true);
    expect(hidden('何阿公，本名何金水，男，91岁', '何阿公')).toBe(true);
    expect(hidden('访视员：果果（彝族，全名阿果）', '果果')).toBe(true);
  });
  it('takes a Latin and a Chinese name side by side, and a Latin given name before a surname', () => {
    const text = '联系人：Winnie Ho（何慧敏），电话另附';
    expect(hidden(text, 'Winnie Ho')).toBe(true);
    expect(hidden(text, '何慧敏')).toBe(true);
    expect(hidden('记录：Jason 邝', 'Jason 邝')).toBe(true);
  });
  it('leaves a disease with its English name in brackets', () => {
    expect(names('诊断：高血压（Essential Hypertension）')).toEqual([]);
  });
});

describe('persons by position: list heads, 姓名, chat speakers, initials, sign-offs (round11-zh.ts)', () => {
  it('takes a person heading a list item before a bracket with an identifier or a sex', () => {
    expect(hidden('2）柏雪梅（门诊号MZ00231）血压稳定', '柏雪梅')).toBe(true);
    expect(hidden('3. Tran Van Minh（越南籍）术后第2天', 'Tran Van Minh')).toBe(true);
  });
  it('takes the whole value of 姓名 and a chat speaker after a bracketed role', () => {
    expect(hidden('姓名：乌兰其木格　女　48岁', '乌兰其木格')).toBe(true);
    expect(hidden('[家属] 向日葵 20:41：孩子退烧了吗', '向日葵')).toBe(true);
  });
  it('takes initials of a signature or before a bracketed name, and a name signing off a letter', () => {
    expect(hidden('主治：林国栋（签名：LGD）', 'LGD')).toBe(true);
    expect(hidden('夜班HQ（黄琴）处理', 'HQ')).toBe(true);
    expect(hidden('以上情况请知悉。\n思琪', '思琪')).toBe(true);
    expect(hidden('由冼护士执行医嘱', '冼')).toBe(true);
  });
  it('leaves an antibody before its bracket and a closing greeting', () => {
    expect(names('抗HBC（小三阳），复查')).toEqual([]);
    expect(names('请按时服药。\n谢谢')).toEqual([]);
  });
});

describe('Chinese phones, addresses, employers and dates by structure (round11-zh-places.ts)', () => {
  it('takes landlines written in groups, with an extension; a fax after 传真', () => {
    expect(of('总机 020-8733 1200转305', 'PHONE')).toEqual(['020-8733 1200转305']);
    expect(of('请传真至 0311-8602 7719', 'FAX')).toEqual(['0311-8602 7719']);
  });
  it('takes an address field whole and a place after a district', () => {
    expect(
      hidden('现住址：昆明市盘龙区北京路金色年华12幢3单元601', '昆明市盘龙区北京路金色年华12幢3单元601'),
    ).toBe(true);
    expect(hidden('在浙江省杭州市西湖区灵隐景区游玩时跌倒', '灵隐景区')).toBe(true);
  });
  it('takes employers by suffix in brackets, before 职工/社员 and after 学校：/经营/在…任', () => {
    expect(hidden('家属谭建民（长沙市天心区财政局）到场', '长沙市天心区财政局')).toBe(true);
    expect(hidden('患者，男，中国建设银行绍兴分行退休职工', '中国建设银行绍兴分行')).toBe(true);
    expect(hidden('学校：华南理工大学（在读本科）', '华南理工大学')).toBe(true);
    expect(hidden('个体（经营顺达五金店）', '顺达五金店')).toBe(true);
  });
  it('leaves a drug maker, a hospital and generic workplaces', () => {
    expect(of('氨氯地平（辉瑞制药有限公司）', 'EMPLOYER')).toEqual([]);
    expect(of('患者（某物流公司）由同事陪同', 'EMPLOYER')).toEqual([]);
  });
  it('takes month-days in Chinese text, not fractions, ranges or doses', () => {
    expect(of('末次随访9/14，血压稳定', 'DATE')).toEqual(['9/14']);
    expect(of('2/6做的胃镜，08-19那次正常', 'DATE')).toEqual(['2/6', '08-19']);
    expect(of('周五（7日）夜班', 'DATE')).toEqual(['7日']);
    expect(of('等到初八以后再来', 'DATE')).toEqual(['初八']);
    expect(of('舌前2/3麻木，每日1/2片，早上7-9点，3-5厘米', 'DATE')).toEqual([]);
  });
});

describe('English persons by structure (round11-en.ts)', () => {
  it('takes person fields, "completed by", relations and a name before an e-mail', () => {
    expect(hidden('Witness: Orla McBride', 'Orla McBride')).toBe(true);
    expect(hidden('Pt: FONTAINE, Marie-Claire   Bed 3', 'FONTAINE, Marie-Claire')).toBe(true);
    expect(hidden('Form completed by Ravi Menon, payroll.', 'Ravi Menon')).toBe(true);
    expect(hidden('her flatmate Priya Shah called', 'Priya Shah')).toBe(true);
    expect(hidden('Contact: Lars Berg (l.berg@fjord.no)', 'Lars Berg')).toBe(true);
  });
  it('takes chat senders, self-introductions, rooms, initials and a name before an age over 89', () => {
    const chat = '08:14 moonlight_22: still dizzy\n08:15 RN Okoye: how long?';
    expect(hidden(chat, 'moonlight_22')).toBe(true);
    expect(hidden(chat, 'Okoye')).toBe(true);
    expect(hidden("Hello, I'm Marta, the pharmacist on call", 'Marta')).toBe(true);
    expect(hidden('Room 4: Ivy and Stan share a room', 'Stan')).toBe(true);
    expect(hidden('Checked (initials RB)', 'RB')).toBe(true);
    expect(of('Florence Abbott, 96. Ate well.', 'AGE')).toEqual(['96']);
  });
  it('leaves abbreviations after "initial" and capitalised clinical words', () => {
    expect(names('the initial PSA level was high')).toEqual([]);
    expect(names('Interpreter: Declined by family')).toEqual([]);
  });
});

describe('English employers, addresses and dates by structure (round11-en.ts)', () => {
  it('takes employers after a label, a verb of study and by a company suffix', () => {
    expect(hidden('Group: Bluewater Freight LLC', 'Bluewater Freight LLC')).toBe(true);
    expect(hidden('Employer / sponsor: Ärzte ohne Grenzen', 'Ärzte')).toBe(true);
    expect(hidden('She is a student at Boise State University.', 'Boise State University')).toBe(true);
    expect(hidden('Employer: Crane Valley Dairy, Inc., Route 9', 'Crane Valley Dairy, Inc.')).toBe(true);
  });
  it('leaves a software maker in brackets and a blood group', () => {
    expect(of('analysed with SPSS (IBM Corp., Armonk, NY)', 'EMPLOYER')).toEqual([]);
    expect(of('Blood group: O positive', 'EMPLOYER')).toEqual([]);
  });
  it('takes an address from its number to its postcode, street words or not', () => {
    const welsh = 'moved from 14 Bryn Golau, Tregaron SY25 6JL last year';
    expect(hidden(welsh, '14 Bryn Golau, Tregaron SY25 6JL')).toBe(true);
    const lane = 'Home: Room 803, No. 21 Lane 300, Xinhua Road, Changning, Shanghai 200050';
    expect(hidden(lane, 'Room 803, No. 21 Lane 300, Xinhua Road, Changning, Shanghai 200050')).toBe(true);
    const rural = 'found at home (W5120 Town Line K, Ripon, WI 54971).';
    expect(hidden(rural, 'W5120 Town Line K, Ripon, WI 54971')).toBe(true);
  });
  it('takes lower-case month dates and "Tuesday the 5th"', () => {
    expect(of('it was like april 9th I think', 'DATE')).toEqual(['april 9th']);
    expect(of('maybe Thursday the 11th', 'DATE')).toEqual(['11th']);
  });
});

describe('persons in the fields of forms (round11-zh.ts formFields)', () => {
  it('takes a surname-led value of a person label, a word included, and lists', () => {
    expect(hidden('主刀：左岸  麻醉：包容  巡回护士：邬婷', '左岸')).toBe(true);
    expect(hidden('主刀：左岸  麻醉：包容  巡回护士：邬婷', '包容')).toBe(true);
    const meeting = '出席人员：饶志明、阚丽、宓小溪\n';
    for (const name of ['饶志明', '阚丽', '宓小溪']) expect(hidden(meeting, name)).toBe(true);
    expect(hidden('营养治疗师：盖一鸣  日期：见下', '盖一鸣')).toBe(true);
    expect(hidden('受试者姓名缩写：LWQ', 'LWQ')).toBe(true);
    expect(of('筛选号：S-0117', 'IDENTIFIER')).toEqual(['S-0117']);
  });
  it('leaves chat speakers, ordinary words and non-person values', () => {
    expect(names('患者：谢谢\n医生：不客气')).toEqual([]);
    expect(names('申请人：本人  记录人：同上')).toEqual([]);
    expect(names('病人：高血压，服药中')).toEqual([]);
  });
});

describe('English persons and dates by structure, more (round11-en.ts)', () => {
  it('takes a clinician after a grade, a person after a numbered subject or bed, SURNAME, Given', () => {
    expect(hidden('called to charge nurse Ama Boateng at 03:10', 'Ama Boateng')).toBe(true);
    expect(hidden('K+ 6.9 read back by tech Marisol', 'Marisol')).toBe(true);
    expect(hidden('Participant 207 – R. Lindgren – withdrew', 'R. Lindgren')).toBe(true);
    expect(hidden('Bay 3 - Mrs. Okafor, settled', 'Okafor')).toBe(true);
    expect(hidden('repeat lactate on PEMBERTON, Arthur at 04:00', 'PEMBERTON, Arthur')).toBe(true);
    expect(hidden('Consent obtained by T. Nakamura.', 'T. Nakamura')).toBe(true);
  });
  it('takes an employer after "her employer," and a month/day after a verb of an event', () => {
    expect(hidden('Her employer, Lakeshore Roofing, offered light duty.', 'Lakeshore Roofing')).toBe(true);
    expect(of('randomized 9/22 to arm B', 'DATE')).toEqual(['9/22']);
  });
  it('leaves a label after a grade, strength grades and acronyms', () => {
    expect(names('Off-going: K. Marsh, RN   Incoming: Tess Ray')).not.toContain('Incoming');
    expect(names('power 5/5 in all limbs, seen by CT')).toEqual([]);
    expect(names('findings: COPD, Asthma excluded')).toEqual([]);
  });
});

describe('persons before what staff do or a measurement, and before a bracketed role (round 11)', () => {
  it('takes a name before a staff verb, a 3-character name before a measurement, a name after 经手人', () => {
    expect(hidden('下午，柏钧建议加用利尿剂。', '柏钧')).toBe(true);
    expect(hidden('夜班来电，仇福全血钾2.9', '仇福全')).toBe(true);
    expect(hidden('退费已办，经手人邢蕾。', '邢蕾')).toBe(true);
  });
  it('takes an English name before a bracketed role, after "read back by", an initial and a surname in a sentence', () => {
    expect(hidden('updated by Jo (nurse in charge)', 'Jo')).toBe(true);
    expect(hidden('Result read back by Marco.', 'Marco')).toBe(true);
    expect(hidden('lactate 6.1 for P. Ingram, bay 2', 'P. Ingram')).toBe(true);
  });
  it('leaves option letters, a word before a measurement and a clinical phrase before a verb', () => {
    expect(names('Which drug?\nA. Diltiazem\nB. Labetalol')).toEqual([]);
    expect(names('，高血压血压控制差')).toEqual([]);
  });
});

describe('codes, dates and names of logs and letters (round 11)', () => {
  it('takes codes after an identifier label and document numbers after 编号/案号', () => {
    expect(of('Policy #: 55120437', 'INSURANCE_NO')).toEqual(['55120437']);
    expect(hidden('Claim No. CL-88-2301 denied', 'CL-88-2301')).toBe(true);
    expect(hidden('subject ID 12-044 withdrew', '12-044')).toBe(true);
    expect(hidden('案号：浙民鉴（2025）117号', '浙民鉴（2025）117号')).toBe(true);
  });
  it('takes m.dd after a visit word and m/d opening a log line', () => {
    expect(of('末次复诊9.16，血压平稳', 'DATE')).toEqual(['9.16']);
    expect(of('血钾3.15mmol/L，复诊时间另约', 'DATE')).toEqual([]);
    expect(of('10/21 – visit 2 done', 'DATE')).toEqual(['10/21']);
  });
  it("takes a person after a room number without a dash, before (patient's son) or (initials)", () => {
    expect(hidden('Rm 7 Doris Pell settled', 'Doris Pell')).toBe(true);
    expect(hidden("Spoke with Kofi (patient's brother)", 'Kofi')).toBe(true);
    expect(hidden('enrolled pt RW (initials) today', 'RW')).toBe(true);
    expect(hidden('安德烈·彼得罗夫，男，41岁，外籍', '安德烈·彼得罗夫')).toBe(true);
  });
});

describe('surname table and name pairs (round 11)', () => {
  it('knows 赖 and 洪, and takes two names joined by a connector', () => {
    expect(hidden('赖志强说胸口闷', '赖志强')).toBe(true);
    const text = '洪丽珍和包建成系兄妹';
    expect(hidden(text, '洪丽珍')).toBe(true);
    expect(hidden(text, '包建成')).toBe(true);
  });
  it('leaves words joined by a connector', () => {
    expect(names('脉洪大与舌红苔黄')).toEqual([]);
  });
});
