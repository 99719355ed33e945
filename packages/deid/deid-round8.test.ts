/**
 * Round 8 (issue 18): generic recognizers, recall first — Chinese names without cue words in person positions
 * (recognizers/zh-person-positions.ts, exclusion words in zh-words.ts), month-day and day-alone dates
 * (recognizers/dates-recall.ts), addresses and employers by their suffixes (recognizers/places-recall.ts),
 * English names before credentials and after contact verbs (recognizers/en-recall.ts).
 * Fresh invented sentences (no corpus note), with hard negatives from clinical prose; every rule is off with
 * `safetyNet: false` (a local model).
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './index.ts';
import { isCommonWord } from './recognizers/zh-words.ts';

const found = (text: string, options?: { safetyNet?: boolean }) =>
  detectPhi(text, {}, options).map((s) => [s.category, s.text]);
const covered = (text: string) => detectPhi(text).map((s) => s.text);

describe('Chinese names in person positions (rule 1–2: verbs and pauses)', () => {
  it('finds a name before a verb a person does, after a pause or a preposition', () => {
    // Given-name characters outside the tables: the older rules and the name model leave all of these.
    expect(covered('查房时，蒲岱川诉夜里憋醒两次。')).toEqual(['蒲岱川']);
    expect(covered('经与冉予墨沟通，同意手术。')).toEqual(['冉予墨']);
    expect(covered('下午，谭沁禾来电询问化验结果。')).toEqual(['谭沁禾']);
    expect(covered('晚饭后，邹砚池陪同散步，未诉不适。')).toEqual(['邹砚池']);
    expect(covered('由雷霁签字确认。')).toEqual(['雷霁']);
  });
  it('names a staff member from a clinical verb or a title', () => {
    expect(found('晨间，骆建平查房，嘱继续观察。')).toEqual([['CLINICIAN_NAME', '骆建平']]);
    expect(found('会诊：心内科滕国栋副主任医师')).toEqual([['CLINICIAN_NAME', '滕国栋']]);
    expect(found('请黄医师会诊')).toEqual([['CLINICIAN_NAME', '黄医师']]);
    expect(found('请邝医师会诊')).toEqual([['CLINICIAN_NAME', '邝医师']]);
    expect(found('当班护士小刘说已测过血压')).toEqual([['CLINICIAN_NAME', '小刘']]);
  });
  it('reads Hong Kong and Taiwan names in traditional characters', () => {
    expect(covered('轉介信：陳嘉欣表示頭暈兩週。')).toContain('陳嘉欣');
  });
  it('is off for a local model (safetyNet: false)', () => {
    expect(found('查房时，蒲岱川诉夜里憋醒两次。', { safetyNet: false })).toEqual([]);
    expect(found('会诊：心内科滕国栋副主任医师', { safetyNet: false })).toEqual([]);
  });
});

describe('Chinese names in person positions (rule 3–6: lists, fields, minority names)', () => {
  it('takes every surname-led item of a list with two likely names', () => {
    expect(covered('参加人：柯晓东、蒲雪梅、钱立')).toEqual(['柯晓东', '蒲雪梅', '钱立']);
  });
  it('takes the value of any field standing alone', () => {
    // Round 11: 麻醉 is a staff label of operation records, so its value is a clinician.
    expect(found('麻醉：屈岚汐')).toEqual([['CLINICIAN_NAME', '屈岚汐']]);
    expect(found('复核员：邝知夏')).toEqual([['CLINICIAN_NAME', '邝知夏']]);
  });
  it('takes a name before 的 or 患者 and alone in a table cell', () => {
    expect(covered('王砚池的检查单已打印')).toEqual(['王砚池']);
    expect(covered('邹砚池患者，男')).toContain('邹砚池');
    expect(covered('序号\t姓名\t年龄\n1\t邝知夏\t67')).toEqual(['邝知夏']);
    expect(covered('| 裘澈 | 男 |')).toEqual(['裘澈']);
  });
  it('leaves the cells of a table of results', () => {
    const table = '| 项目 | 结果 |\n| 白细胞 | 正常 |\n| 谷丙 | 45 |\n| 尿常规 | 阴性 |\n| 方案 | 调整 |';
    expect(found(table)).toEqual([]);
  });
  it('finds Tibetan and Uyghur names written without a dot', () => {
    expect(covered('患者次仁卓玛，女，藏族')).toContain('次仁卓玛');
    expect(covered('陪同人：阿依古丽来电')).toContain('阿依古丽');
  });
  it('leaves clinical prose, lists of findings, greetings and words before titles', () => {
    for (const text of [
      '高血压、糖尿病、冠心病病史多年。',
      '诊断：高血压病3级，心功能：良好',
      '由家属签字，和患者说明风险。',
      '祝健康！注意低盐饮食。',
      '主管药师审核，值班医师查看。',
      '常规检查未见异常，平素体健。',
      '安静时心率72次/分，明显好转。',
      '姜辣素（姜烯酮、姜酮混合物）',
      '2周后复诊，3周岁',
    ])
      expect(found(text), text).toEqual([]);
  });
  it('knows ordinary words from jieba, the lexicon and drug names', () => {
    expect(isCommonWord('高兴')).toBe(true);
    expect(isCommonWord('程度')).toBe(true);
    expect(isCommonWord('安静')).toBe(true); // tagged nr in jieba, but frequent
    expect(isCommonWord('贝那')).toBe(true); // 贝那普利
    expect(isCommonWord('黄芩')).toBe(true); // 49 nr: frequent, not shaped like a name
    expect(isCommonWord('王建军')).toBe(false); // a person name in jieba
    expect(isCommonWord('李娜')).toBe(false); // frequent, but shaped like a name
  });
});

describe('English names by credentials and contact verbs', () => {
  it('finds a name before a credential or after a verb of contact or referral', () => {
    expect(found('Referred by Anneliese Vogt, GP.')).toEqual([['CLINICIAN_NAME', 'Anneliese Vogt']]);
    expect(found('Reviewed with M. Kowalczyk PharmD today')).toEqual([['CLINICIAN_NAME', 'M. Kowalczyk']]);
    expect(found('Plan agreed with Marguerite Okafor.')).toEqual([['PATIENT_NAME', 'Marguerite Okafor']]);
  });
  it('leaves teams, services and clinical words', () => {
    for (const text of ['per Cardiology Team', 'via Telehealth Video', 'discussed with Renal Medicine'])
      expect(found(text), text).toEqual([]);
  });
});

describe('dates, recall first', () => {
  it('finds a month alone, month-day forms, a day alone and lunar days', () => {
    expect(found('12月的时候开始头晕')).toEqual([['DATE', '12月']]);
    expect(found('去年12月底停药')).toEqual([['DATE', '12月底']]);
    expect(found('3.5日复查')).toEqual([['DATE', '3.5日']]);
    expect(found('日期：3/5')).toEqual([['DATE', '3/5']]);
    expect(found('03/05 复查血脂')).toEqual([['DATE', '03/05']]);
    expect(found('3.5-3.8住院')).toEqual([['DATE', '3.5-3.8']]);
    expect(found('于5号入院')).toEqual([['DATE', '5号']]);
    expect(found('7号晚上头晕')).toEqual([['DATE', '7号']]);
    expect(found('正月初五发病')).toEqual([['DATE', '正月初五']]);
    expect(found('seen on the 5th, again since the 12th')).toEqual([
      ['DATE', '5th'],
      ['DATE', '12th'],
    ]);
    expect(found('symptoms began in March')).toEqual([['DATE', 'March']]);
  });
  it('finds lists and ranges of days, a bracketed date after a weekday and a zero-padded year-month', () => {
    expect(found('3月5、6日各测一次')).toEqual([['DATE', '3月5、6日']]);
    expect(found('3月5日—7日')).toEqual([
      ['DATE', '3月5日'],
      ['DATE', '7日'],
    ]);
    expect(found('周一（3.10）复查')).toEqual([['DATE', '3.10']]);
    expect(found('25.3.5复查')).toEqual([['DATE', '25.3.5']]);
    expect(found('2025-03 起服药')).toEqual([['DATE', '2025-03']]);
    expect(covered('Mar 5–7 and 5–7 March').join(' ')).toBe('Mar 5 7 5 7 March');
  });
  it('leaves durations, ages, beds, ranges of days and doses', () => {
    for (const text of [
      '反复双下肢水肿3月，加重1周',
      '主诉：血压升高1月。',
      '术后3月全面复查',
      '6月龄婴儿，3个月后复查',
      '5号床患者，3号楼',
      '月经干净后3-7日取器',
      '每日2次，第3日加量',
      '多大年纪做手术比较好？',
      'on the 1st dose of the 2nd cycle',
      'in 2011-12 and 2009-2010',
      'pH 7.35-7.45，版本2.3.5',
    ])
      expect(found(text), text).toEqual([]);
  });
});

describe('addresses and employers by suffix', () => {
  it('finds estates, villages and streets after a place verb or with a unit', () => {
    expect(found('患者家在阳光小区3栋2单元501室，独居。')).toEqual([['ADDRESS', '阳光小区3栋2单元501室']]);
    expect(found('来自石桥村，务农')).toEqual([['ADDRESS', '石桥村']]);
    expect(found('回到翠湖花园家中')).toEqual([['ADDRESS', '翠湖花园']]);
    expect(found('长沙市岳麓区')).toEqual([['ADDRESS', '长沙市岳麓区']]);
    expect(found('患者湖南省长沙市人')).toEqual([['ADDRESS', '湖南省长沙市']]);
    expect(found('家住城关镇石桥村3组')).toEqual([['ADDRESS', '城关镇石桥村3组']]);
    expect(found('在人民路与解放路交叉口摔倒')).toEqual([['ADDRESS', '人民路与解放路交叉口']]);
  });
  it('finds an employer before an occupation or a word of work', () => {
    expect(found('患者从红星机械厂退休')).toEqual([['EMPLOYER', '红星机械厂']]);
    expect(found('其子，蓝天物流公司司机')).toEqual([['EMPLOYER', '蓝天物流公司']]);
    expect(found('其子在顺丰快递上班')).toEqual([['EMPLOYER', '顺丰快递']]);
    expect(found('在老百姓大药房做店员')).toEqual([['EMPLOYER', '老百姓大药房']]);
  });
  it('leaves hospitals, this community, tissues and walking', () => {
    for (const text of [
      '在我院心内科住院',
      '在本小区散步',
      '在社区医院复查',
      '药物通过表皮到达深层组织',
      '现在走一点路就气喘',
      '多见于电镀厂工人',
      '北京协和医院，河南省人民医院',
      '体检中心复查',
    ])
      expect(found(text), text).toEqual([]);
  });
});
