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
