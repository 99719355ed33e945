/**
 * Round 13 (issue 18), on tuning-6's misses by class (docs/notes/deid-tuning6-study-2026-12-08.md): pipe tables
 * read by their header; Chinese persons after role nouns and departments, surnames with titles, kinship words,
 * naming words, transliterated and Korean names. Fresh invented sentences (no corpus line), failing before the
 * round, with hard negatives.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './index.ts';

/** Is every non-space character of `value` inside some span? */
const hidden = (text: string, value: string) => {
  const spans = detectPhi(text);
  const at = text.indexOf(value);
  for (let i = at; i < at + value.length; i++)
    if (!/\s/.test(text[i]!) && !spans.some((s) => s.start <= i && i < s.end)) return false;
  return at >= 0;
};
const spanTexts = (text: string) => detectPhi(text).map((s) => s.text);

describe('pipe tables read by their header (round13-tables.ts)', () => {
  it('hides every cell of person, date and identifier columns', () => {
    const log = [
      '| Time | Patient / MRN | Analyte | Value | Tech |',
      '01:20 | PEREIRA, JOAO M / 77120934 | Ca | 3.4 mmol/L | KLB',
      '06:05 | Winifred Ashdown / 77129901 | Lactate | 6.1 | KLB',
    ].join('\n');
    for (const v of ['PEREIRA, JOAO M', '77120934', 'Winifred Ashdown', '77129901', 'KLB'])
      expect(hidden(log, v)).toBe(true);
    const zh = [
      '| 日期 | 床号 | 患者 | 住院号 | 药品 | 护士 | 药师 |',
      '03-14 | 5床 | 蒲春燕 | 2025001234 | 头孢呋辛×3支 | 郜小凤 | 戚明、雍立双人',
    ].join('\n');
    for (const v of ['03-14', '蒲春燕', '2025001234', '郜小凤', '戚明', '雍立'])
      expect(hidden(zh, v)).toBe(true);
  });
  it('leaves other columns, placeholders and tables without such headers', () => {
    const zh = ['| 日期 | 患者 | 药品 |', '03-15 | 无名氏（女） | 生理盐水'].join('\n');
    expect(spanTexts(zh)).toEqual(['03-15']);
    expect(spanTexts('| 药品 | 剂量 | 频次 |\n| 氨氯地平 | 5 mg | qd |')).toEqual([]);
    expect(spanTexts('| Drug | Dose |\n| Amlodipine | 5 mg |')).toEqual([]);
  });
});

describe('Chinese persons after role nouns and departments (round13-zh.ts)', () => {
  it('hides the name, bounded by the word that follows', () => {
    expect(hidden('输血2单位（核对人桂晓燕）', '桂晓燕')).toBe(true);
    expect(hidden('由检验科闫平与后勤部柏宁两方签字。', '柏宁')).toBe(true);
    expect(hidden('已由担架员邵刚送往CT室', '邵刚')).toBe(true);
    expect(hidden('随访失败，经办人武文静。', '武文静')).toBe(true);
    expect(hidden('代理人：禤家豪（律师）', '禤家豪')).toBe(true);
    expect(spanTexts('由检验科闫平与后勤部柏宁两方签字。')).not.toContain('柏宁两');
  });
  it('leaves departments and roles before ordinary words', () => {
    expect(spanTexts('建议去神经内科都可以，骨科石膏固定后复查。')).toEqual([]);
    expect(spanTexts('想给家里人科普一下高血压，记录时间为早上。')).toEqual([]);
    expect(spanTexts('翻译时出现错误，部门经理不同意。')).toEqual([]);
  });
});

describe('surnames with titles after a pause or a role (round13-zh.ts)', () => {
  it('hides wordy and rare surnames with their title', () => {
    expect(hidden('夜间血压高，方大夫看过后加药。', '方大夫')).toBe(true);
    expect(hidden('班长尚老师陪同来院', '尚老师')).toBe(true);
    expect(hidden('联系人郦经理，电话另附', '郦经理')).toBe(true);
  });
  it('leaves thanks, counts and departments before a title', () => {
    expect(spanTexts('好的，谢谢医生！各位医生好，后来医生说没事。')).toEqual([]);
    expect(spanTexts('请值班医生看看，和医生沟通，处方医师签字。')).toEqual([]);
  });
});

describe('kinship words, bed numbers and naming words before a name (round13-zh.ts)', () => {
  it('hides nicknames and given names without a surname', () => {
    expect(hidden('患者孙女甜甜（电话另附）陪诊', '甜甜')).toBe(true);
    expect(hidden('其夫旺堆不会说汉语，由社工翻译。', '旺堆')).toBe(true);
    expect(hidden('孩子乳名“果果”，母亲在旁', '果果')).toBe(true);
    expect(hidden('来访者自称“阿亮”，拒绝出示证件', '阿亮')).toBe(true);
    expect(hidden('12床 毛晓雨，女，6岁', '毛晓雨')).toBe(true);
  });
  it('leaves kinship words themselves and counts after a bed', () => {
    expect(spanTexts('6床奶奶低烧，连儿子都认不出来，老伴叫我来问问。')).toEqual([]);
    expect(spanTexts('抢救室8床全占，丈夫和小孩都安全。')).toEqual([]);
  });
});

describe('transliterated and Korean names (round13-zh.ts)', () => {
  it('hides names by their characters', () => {
    expect(hidden('主管医师：买买提·艾力　住院医师：刀春燕', '买买提·艾力')).toBe(true);
    expect(hidden('请康复科阿依努尔医师会诊', '阿依努尔')).toBe(true);
    expect(hidden('患者朴美玲（朝鲜族，박미령），女', '박미령')).toBe(true);
  });
});

describe('apposition, lunar dates and ages in Chinese numerals (round13-zh.ts)', () => {
  it('hides the bracketed name and the date', () => {
    expect(hidden('处方医师：仇老（仇德海，名医工作室）', '仇德海')).toBe(true);
    expect(hidden('家属要求由Wong Ka Ho（黄家豪，港籍）陪同', 'Wong Ka Ho')).toBe(true);
    expect(hidden('患者自述去年农历腊月廿三（1月22日）开始咳嗽', '腊月廿三')).toBe(true);
    expect(hidden('老人自述“九十三了”，独居', '九十三')).toBe(true);
  });
  it('leaves chemistry in brackets and counts', () => {
    expect(spanTexts('其主要成分为挥发油、姜辣素（姜烯酮、姜酮混合物）')).toEqual([]);
    expect(spanTexts('第九十一条规定')).toEqual([]);
  });
});

describe('English persons by role, credential, title and nickname (round13-en.ts)', () => {
  it('hides the name', () => {
    expect(hidden('The compliance officer Marguerite Olsen was informed.', 'Marguerite Olsen')).toBe(true);
    expect(hidden('Batch reviewed by T. Okonkwo before release.', 'T. Okonkwo')).toBe(true);
    expect(hidden('Gait training with Rupert Vance, PT. Review in 2 weeks.', 'Rupert Vance')).toBe(true);
    expect(hidden('Referred to Dr. Faith Rose — next clinic Tuesday.', 'Faith Rose')).toBe(true);
    expect(hidden('Seen with her son Desmond Achebe ("Dez") today.', 'Dez')).toBe(true);
  });
  it('leaves roles in brackets after a name', () => {
    expect(spanTexts('Reviewed with Dr. Tse (Consultant).')).not.toContain('Consultant');
  });
});

describe('Hong Kong names, month/day dates and shapes (round13-en.ts)', () => {
  it('hides them', () => {
    expect(hidden('Next of kin: LEUNG Siu Fung, wife.', 'LEUNG Siu Fung')).toBe(true);
    expect(hidden('Helper trained by nurse Tsang Wai-kwan on insulin.', 'Tsang Wai-kwan')).toBe(true);
    expect(hidden('Foley removed 10/27. Swabs negative (10/28, 10/29).', '10/27')).toBe(true);
    expect(hidden('Foley removed 10/27. Swabs negative (10/28, 10/29).', '10/29')).toBe(true);
    expect(hidden('Moving to 88 East 41st Ave, Burnaby, BC, postal code V5P 1K2.', 'V5P 1K2')).toBe(true);
    expect(hidden('Sex/Age: F/95   Ward 7', '95')).toBe(true);
    expect(hidden('Hosp no. AB1234567(8)', 'AB1234567(8)')).toBe(true);
  });
  it('leaves fractions, scores and counts', () => {
    expect(spanTexts('Take 1/2 tablet; pain 6/10; 5/5 strength in all limbs.')).toEqual([]);
    expect(spanTexts('At 3 months, 9/19 patients improved and 7/12 had relapsed.')).toEqual([]);
  });
});

describe('document numbers, accounts, plates, employers and addresses (round13-shapes.ts, round13-zh.ts)', () => {
  it('hides them', () => {
    expect(hidden('案号：（2025）湘0102民初字第4471号', '（2025）湘0102民初字第4471号')).toBe(true);
    expect(hidden('已注册平台账号 lq_patient_88213', 'lq_patient_88213')).toBe(true);
    expect(hidden('肇事车辆（车牌深圳B7K215）已离开', '深圳B7K215')).toBe(true);
    expect(hidden('工作单位：滨江县茶叶种植合作社　电话另附', '滨江县茶叶种植合作社')).toBe(true);
    expect(hidden('受伤时正在岳阳市交警支队值班', '岳阳市交警支队')).toBe(true);
    expect(hidden('系中通快递快递员，骑车摔伤', '中通快递')).toBe(true);
    expect(hidden('He retired from Harlow Textile Mills in 2019.', 'Harlow Textile Mills')).toBe(true);
    expect(
      hidden('Letter copied to Lakeshore Nephrology Associates.', 'Lakeshore Nephrology Associates'),
    ).toBe(true);
    expect(hidden('住云南省红河州弥勒市西一镇红万村三组', '云南省红河州弥勒市西一镇红万村三组')).toBe(true);
    expect(hidden('陪同翻译：山本美咲（公司同事）', '山本美咲')).toBe(true);
    expect(hidden('由手术室祁文医师送回病房', '祁文')).toBe(true);
  });
  it('leaves chat replies after a role and workplaces without a unit', () => {
    expect(spanTexts('王护士：是的，每天一次，早上吃。')).not.toContain('是的');
    expect(spanTexts('护士：晚间巡视（未见异常）')).toEqual([]);
    expect(spanTexts('工作单位：无（退休）')).toEqual([]);
    expect(spanTexts('He works at home most days.')).toEqual([]);
  });
});

describe('more phrasings of the same classes (round 13 probes)', () => {
  it('hides them', () => {
    expect(hidden('陪诊者为其侄女“小雨”，自称在读大学。', '小雨')).toBe(true);
    expect(hidden('会诊医师：风湿免疫科 芮景行副主任医师', '芮景行')).toBe(true);
    expect(hidden('The charge nurse, Oluwaseun Adeyemi, escalated at 02:00.', 'Oluwaseun Adeyemi')).toBe(
      true,
    );
    expect(hidden('Port flushed 4/22, dressing changed 4/25 and 4/29.', '4/29')).toBe(true);
    const table = ['| 时间 | 姓名 | 床号 | 血糖 | 执行护士 |', '| 06:00 | 管秀英 | 12 | 7.8 | 覃丽 |'].join(
      '\n',
    );
    expect(hidden(table, '管秀英')).toBe(true);
    expect(hidden(table, '覃丽')).toBe(true);
  });
  it('hides staff columns named by role and leaves languages after a name', () => {
    const table = ['| 床号 | 姓名 | 入院日期 | 主管医生 |', '| 5 | 鄂春花 | 2026-03-02 | 濮阳明 |'].join(
      '\n',
    );
    expect(hidden(table, '濮阳明')).toBe(true);
    expect(spanTexts('Interpreter used: Ms. Nguyen Thi Hoa (Vietnamese).')).not.toContain('Vietnamese');
    expect(spanTexts('接班：白班护士 蒯明')).not.toContain('白班');
  });
  it('leaves scores and roles', () => {
    expect(spanTexts('Scored 3/5 and 4/5 on recall; pain rated 7/10.')).toEqual([]);
    expect(spanTexts('The nurse Practitioner will call.')).toEqual([]);
  });
});
