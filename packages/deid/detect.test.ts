import { describe, expect, it } from 'vitest';
import { detectPhi } from './detect.ts';
import { deidentifyWithSpans, generalizeZip } from './deidentify.ts';
import { PlaceholderVault } from './vault.ts';

const found = (text: string) => detectPhi(text).map((s) => [s.category, s.text]);
const one = (text: string) => deidentifyWithSpans([text], new PlaceholderVault({ seed: 0 }))[0]!;

describe('detectPhi', () => {
  it('issue 18: a date of birth written 1961年3月5日出生, a name at the start of a note without a cue', () => {
    expect(found('1961年3月5日出生')).toEqual([['DATE', '1961年3月5日']]);
    expect(found('门诊病历：陈志强，男，61岁，主诉头痛。')).toEqual([['PATIENT_NAME', '陈志强']]);
    // found once, hidden everywhere
    expect(found('门诊病历：陈志强，男。陈志强既往体健。').map(([, t]) => t)).toEqual(['陈志强', '陈志强']);
  });

  it('Chinese names: compound surnames, relatives, clinicians, titles', () => {
    expect(found('姓名：欧阳振华　性别：男')).toEqual([['PATIENT_NAME', '欧阳振华']]);
    expect(found('由其女诸葛芳陪同。')).toEqual([['RELATIVE_NAME', '诸葛芳']]);
    expect(found('主治医师：吴海峰。')).toEqual([['CLINICIAN_NAME', '吴海峰']]);
    expect(found('请问刘医生今天出诊吗')).toEqual([['CLINICIAN_NAME', '刘医生']]);
    expect(found('我爸爸叫宁德胜，今年80岁')).toEqual([['PATIENT_NAME', '宁德胜']]);
    expect(found('3床李秀英今晨血压176/96mmHg。王建国血压控制可。')).toEqual([
      ['PATIENT_NAME', '李秀英'],
      ['PATIENT_NAME', '王建国'],
    ]);
    expect(found('质控医师：萧炎')).toEqual([['CLINICIAN_NAME', '萧炎']]);
  });

  it('a caller-supplied English name is hidden whole, by its family name and by its given name', () => {
    const text = 'I am referring Jorge Alvarez. Jorge has resistant hypertension; Alvarez smokes.';
    expect(detectPhi(text, { names: ['Jorge Alvarez'] }).map((s) => s.text)).toEqual([
      'Jorge Alvarez',
      'Jorge',
      'Alvarez',
    ]);
  });

  it('relatives named by birth order and in a list (长子司马东, 育有二子：司马东、司马南)', () => {
    expect(found('长子司马东为主要照护者。')).toEqual([['RELATIVE_NAME', '司马东']]);
    expect(found('由次女王秀兰陪同。')).toEqual([['RELATIVE_NAME', '王秀兰']]);
    expect(found('患者育有二子：司马东、司马南，均体健。').map(([c, t]) => `${c} ${t}`)).toEqual([
      'RELATIVE_NAME 司马东',
      'RELATIVE_NAME 司马南',
    ]);
    expect(found('其女李梅、李兰陪同。').map(([, t]) => t)).toEqual(['李梅', '李兰']);
  });

  it('does not take drug, disease or everyday clinical words for names', () => {
    for (const text of [
      '患者高血压病史10年，平素规律服药。',
      '患者于昨日入院，时有头晕。',
      '氨氯地平5mg qd，华法林调整剂量，培哚普利4mg。',
      '诊断：原发性醛固酮增多症；库欣综合征。',
      'Patient reports chest pain; wife reports snoring.',
      'Evaluate for Cushing syndrome, Addison disease and Graves disease; Parkinson disease stable.',
      'Continue lisinopril 20 mg and metoprolol 50 mg twice daily. BP 150/90, HR 72, SpO2 is 97%.',
      '3月后复查，2周后复诊，72岁，血钾4.3mmol/L。',
      '患者于睡眠中突然憋醒；该产妇曾孕4产2；溃疡性结肠炎患者容易并发中毒性巨结肠；该孕妇尚未临产。',
      '医师查房记录完整率；许可事项变更是指注册地址、主要负责人、经营范围的变更。',
      'Drug classes are listed in Phansalkar Table 2 and Table 7; see Section 3.',
      'DOI 10.1161/01.cir.0000437741.48606.98',
      'Transferred from Henry Ford Hospital; seen at Mary Washington Medical Center.',
    ])
      expect(found(text), text).toEqual([]);
  });

  it('Chinese numbers: 身份证 (checksum, 15-digit with cue), bank card (Luhn), plates, 医保, 住院号', () => {
    expect(found('证件 440300197804231235')).toEqual([['ID_CARD', '440300197804231235']]);
    // wrong check character, no cue: not an ID card; the safety net (round 7) hides it as a long number
    expect(found('编号 440300197804231236')).toEqual([['IDENTIFIER', '440300197804231236']]);
    expect(found('身份证：110105491231002')).toEqual([['ID_CARD', '110105491231002']]);
    expect(found('退款 6222021234567890128')).toEqual([['ACCOUNT_NO', '6222021234567890128']]);
    expect(found('车牌京A·12345，新能源粤B·D12345')).toEqual([
      ['VEHICLE', '京A·12345'],
      ['VEHICLE', '粤B·D12345'],
    ]);
    expect(found('医保卡号：YB440300123456，住院号ZY2023-004512')).toEqual([
      ['INSURANCE_NO', 'YB440300123456'],
      ['MRN', 'ZY2023-004512'],
    ]);
  });

  it('addresses from province to door number', () => {
    expect(found('家住湖南省长沙市芙蓉区五一大道389号华美欧大厦2栋1单元1203室。')).toEqual([
      ['ADDRESS', '湖南省长沙市芙蓉区五一大道389号华美欧大厦2栋1单元1203室'],
    ]);
    expect(found('Lives at 88 Harbor View Road, Apt 3B, Galveston, TX 77550.')).toEqual([
      ['ADDRESS', '88 Harbor View Road, Apt 3B, Galveston, TX'],
      ['ZIP', '77550'],
    ]);
  });

  it('English: SSN, MRN, e-mail, URL, IP, fax, device serial', () => {
    expect(found('SSN 321-54-9876, MRN: A2231907, mail a.b@example.org')).toEqual([
      ['SSN', '321-54-9876'],
      ['MRN', 'A2231907'],
      ['EMAIL', 'a.b@example.org'],
    ]);
    expect(
      found('via https://x.example.org/room/1 from 203.0.113.57; fax 808-555-0190; serial PJN882310S'),
    ).toEqual([
      ['URL', 'https://x.example.org/room/1'],
      ['IP', '203.0.113.57'],
      ['FAX', '808-555-0190'],
      ['DEVICE', 'PJN882310S'],
    ]);
  });
});

describe('replacements', () => {
  it('ages over 89 are grouped, younger ages stay', () => {
    expect(one('患者92岁，其子65岁。').text).toBe('患者90岁以上，其子65岁。');
    expect(one('a 93-year-old man; his wife is 91 and his son 60').text).toBe(
      'a 90+-year-old man; his wife is 90 or older and his son 60',
    );
    expect(one('老年男性，九十二岁；94 y/o F').text).toBe('老年男性，90岁以上；90+ y/o F');
  });

  it('ZIP codes keep their first three digits; small areas become 000 (Safe Harbor B(2))', () => {
    expect(generalizeZip('62704')).toBe('627XX');
    expect(generalizeZip('03601')).toBe('000XX');
    expect(generalizeZip('361004')).toBe('361XXX');
  });

  it('dates move by one shift per request, so intervals stay; the year is kept', () => {
    const vault = new PlaceholderVault({ seed: 5 });
    const [a, b] = deidentifyWithSpans(
      ['入院日期：2025-03-02，出院日期：2025-03-09。', 'Follow-up on March 23, 2025.'],
      vault,
    );
    const shift = vault.dateShiftDays!;
    expect(shift).not.toBe(0);
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    const [admit, discharge] = a!.spans.map((s) => s.replacement);
    expect(day(discharge!) - day(admit!)).toBe(7);
    expect(day(admit!) - day('2025-03-02')).toBe(shift);
    expect(b!.spans[0]!.replacement).toMatch(/2025$/);
    expect(vault.restore(a!.text)).toBe('入院日期：2025-03-02，出院日期：2025-03-09。');
  });

  it('gives the same value the same placeholder and restores it', () => {
    const vault = new PlaceholderVault();
    const [out] = deidentifyWithSpans(
      ['患者张三，电话13812345678；张三的女儿张丽，电话13812345678。'],
      vault,
    );
    expect(out!.text).toBe(
      '患者[PATIENT_NAME_1]，电话[PHONE_1]；[PATIENT_NAME_1]的女儿[RELATIVE_NAME_1]，电话[PHONE_1]。',
    );
    expect(vault.restore(out!.text)).toBe('患者张三，电话13812345678；张三的女儿张丽，电话13812345678。');
  });
});

describe('no super-linear blow-up on long runs (regexes anchored or bounded)', () => {
  it.each([
    ['digits', '1'.repeat(20_000)],
    ['dashes', 'A-1-'.repeat(5_000)],
    ['dotted', `${'a.'.repeat(10_000)}@`],
    ['capitals', 'Mr. Aaa Bbb Ccc '.repeat(1_500)],
  ])('%s (20,000 characters) in well under a second', (_name, text) => {
    const start = performance.now();
    detectPhi(text);
    expect(performance.now() - start).toBeLessThan(600);
  });
});
