/**
 * Round 9 (issue 18): names everywhere, dates in more forms, ages over 89 in more words, schools, last digits.
 * Fresh invented sentences (no corpus note), failing before the round, with hard negatives from clinical prose
 * (drug and herbal names, words around a surname character, counts and ratios).
 */
import { describe, expect, it } from 'vitest';
import { deidentifyWithSpans, detectPhi, PlaceholderVault } from './index.ts';

const found = (text: string) => detectPhi(text).map((s) => [s.category, s.text]);
const covered = (text: string) => detectPhi(text).map((s) => s.text);

describe('Chinese names anywhere on word boundaries (zh-names-anywhere.ts)', () => {
  it('finds a name as a sentence subject before any word', () => {
    expect(covered('董建国既往高血压10年。')).toEqual(['董建国']);
    expect(covered('程刚血压150/95，较前升高。')).toEqual(['程刚']);
    expect(covered('唐海燕今晨空腹血糖7.8。')).toEqual(['唐海燕']);
  });
  it('finds a name after a time word or a one-character verb, and in schedules', () => {
    expect(found('下午王芳护士测血压145/90。')).toEqual([['CLINICIAN_NAME', '王芳']]);
    expect(covered('给马云飞开了三天的药。')).toEqual(['马云飞']);
    expect(covered('问林晓有无胸痛，答无。')).toEqual(['林晓']);
    expect(covered('周二 彭丽')).toEqual(['彭丽']);
    expect(covered('上午高红梅来电说头痛。')).toEqual(['高红梅']);
    expect(covered('韩冰复查血钾3.6。')).toEqual(['韩冰']);
    expect(covered('邱少华（患者之子）签字。')).toEqual(['邱少华']);
    expect(covered('葛素芬，女，独居。')).toEqual(['葛素芬']);
    expect(covered('长期服用核黄素、激素。')).toEqual([]);
    expect(covered('魏东复查心电图正常。')).toEqual(['魏东']);
  });
  it('keeps a name before a title whose first character makes a word with the name (李军|医师)', () => {
    expect(found('李军医师已交代病情。')).toEqual([['CLINICIAN_NAME', '李军']]);
  });
  it('finds familiar names (老张, 小李, 阿芳, 王哥, 刘姨)', () => {
    expect(covered('老张今天又来复查。')).toEqual(['老张']);
    expect(covered('由王哥开车送来医院。')).toEqual(['王哥']);
    // The older relative rule takes 刘姨帮 after 邻居; the name is covered either way.
    expect(covered('邻居刘姨帮忙照看。').join('')).toContain('刘姨');
    expect(covered('小李陪同父亲就诊。')).toEqual(['小李']);
  });
  it('leaves words around surname characters, drug and herbal names', () => {
    for (const text of [
      '经治医师为何处理此事？',
      '乌鸡白凤丸与香砂六君丸联用。',
      '肌红蛋白明显增高。',
      '表面黄红色至棕黄色。',
      '祝健康！',
      '和朋友一同散步后血压下降。',
      '常规检查未见异常，血常规正常。',
      '马钱子碱的含量不得少于0.8%。',
    ])
      expect(covered(text)).toEqual([]);
  });
  it('leaves a chat reply after a bare role at a line start (医生：不客气) but a rare-surname staff field', () => {
    expect(covered('患者：谢谢\n医生：不客气')).toEqual([]);
    expect(found('审核医师：郏新民')).toEqual([['CLINICIAN_NAME', '郏新民']]);
  });
});

describe('pinyin names in English text (en-pinyin.ts)', () => {
  it('finds pinyin names in either order and case, with initials', () => {
    expect(covered('Patient Wang Xiuying was seen today.')).toEqual(['Wang Xiuying']);
    expect(covered('Name: XIUYING WANG')).toEqual(['XIUYING WANG']);
    expect(covered('Seen with Wang X.Y. in clinic.')).toEqual(['Wang X.Y.']);
    expect(covered('Initials W.X.Y. on the label.')).toEqual(['W.X.Y.']);
    expect(covered('Mr Ouyang Mingde attended.')).toEqual(['Ouyang Mingde']);
  });
  it('leaves English words that look like pinyin', () => {
    expect(covered('In China the prevalence is high.')).toEqual([]);
    expect(covered('Long QT syndrome; Fan Shape.')).toEqual([]);
    expect(covered('Use of Chaalia and Pan Masala was common.')).toEqual([]);
    expect(covered('Ma Huang contains ephedrine; Huang Qi is an herb.')).toEqual([]);
  });
  it('finds a two-syllable given name after a contact verb and initials after a scribe verb', () => {
    expect(covered('I spoke with Xiaoming this morning.')).toEqual(['Xiaoming']);
    expect(covered('Dictated by Amir Haddad, transcribed by J. Ortiz.')).toContain('J. Ortiz');
    expect(covered('We called Wei about the results.')).toEqual([]);
  });
});

describe('more person contexts (round 9)', () => {
  it('finds staff after 转 and names after 的', () => {
    expect(found('转景涛医生继续随访。')).toEqual([['CLINICIAN_NAME', '景涛']]);
    expect(covered('这是我们的邢丽娟阿姨。').join('')).toContain('邢丽娟');
  });
  it('finds English names before a bracketed relation, after a sign-off, a label or "Pt"', () => {
    expect(found("Bartholomew (patient's son) phoned.")).toEqual([['RELATIVE_NAME', 'Bartholomew']]);
    expect(covered('Your results are normal.\nThanks,\nDeirdre')).toEqual(['Deirdre']);
    expect(covered('RE: MCALLISTER, Fergus')).toEqual(['MCALLISTER, Fergus']);
    expect(covered('Pt Oduya seen in clinic.')).toEqual(['Oduya']);
    expect(covered('Message from Tomasz Wrobel: BP 150/95.')).toContain('Tomasz Wrobel');
  });
  it('leaves sign-offs and labels without a name', () => {
    expect(covered('Thanks,\nThe Cardiology Team')).toEqual([]);
    expect(covered('Pt. Education given.')).toEqual([]);
  });
});

describe('dates in more forms (dates-recall.ts)', () => {
  it('finds two-digit-year dates, line-opening month-days, range ends and d.m.yy', () => {
    expect(covered('25-3-5复诊。')).toEqual(['25-3-5']);
    expect(covered('3-12测血压150/90。')).toEqual(['3-12']);
    expect(covered('12/3 血压140/85')).toEqual(['12/3']);
    expect(covered('3/5（周三）复诊。')).toEqual(['3/5']);
    expect(covered('2025.3.5-3.7住院。')).toEqual(['2025.3.5', '3.7']);
    expect(covered('Dated 5.3.25.')).toEqual(['5.3.25']);
    expect(covered('On 5/3 she was reviewed.')).toEqual(['5/3']);
    expect(covered('Admitted under the team; discharged 21/02.')).toEqual(['21/02']);
    // A weekday relative to this week (上周三) is not marked by the corpus's writers: left.
    expect(covered('老人上周四夜里跌倒。')).toEqual([]);
  });
  it('leaves counts, doses and ratios', () => {
    expect(covered('服药1/2片，每日3-5次。')).toEqual([]);
    expect(covered('3-5次/日')).toEqual([]);
  });
});

describe('ages over 89 in more words (ages.ts)', () => {
  it('finds short English units and Chinese cues', () => {
    expect(found('92y F with HTN.')).toEqual([['AGE', '92y']]);
    expect(found('Discharge summary: 93 y.')).toEqual([['AGE', '93 y']]);
    expect(found('年龄：93')).toEqual([['AGE', '93']]);
    expect(found('老人今年95了。')).toEqual([['AGE', '95']]);
    expect(found('九十五高龄，耳背。')).toEqual([['AGE', '九十五']]);
  });
  it('groups a bare number in Chinese text in Chinese words', () => {
    const [note] = deidentifyWithSpans(['年龄：93'], new PlaceholderVault({ seed: 9 }));
    expect(note!.text).toBe('年龄：90岁以上');
  });
  it('leaves ages up to 89 and other numbers', () => {
    expect(covered('年龄：78')).toEqual([]);
    expect(covered('心率92次/分')).toEqual([]);
  });
});

describe('employers without an organisation suffix (employers-recall.ts)', () => {
  it('finds a workplace after a verb of employment, before a word of work or an occupation', () => {
    expect(found('患者就职于长江证券。')).toEqual([['EMPLOYER', '长江证券']]);
    expect(found('在美团送外卖。')).toEqual([['EMPLOYER', '美团']]);
    expect(found('在阿里巴巴做程序员，经常熬夜。')).toEqual([['EMPLOYER', '阿里巴巴']]);
    expect(found('系中石化职工。')).toEqual([['EMPLOYER', '中石化']]);
    expect(found('是顺丰的快递员。')).toEqual([['EMPLOYER', '顺丰']]);
    expect(found('他是市一中的语文老师。')).toEqual([['EMPLOYER', '市一中']]);
    expect(found('He retired from British Rail in 2010.')).toEqual([['EMPLOYER', 'British Rail']]);
  });
  it('leaves places, wards, job descriptions and hospitals', () => {
    for (const text of [
      '在家休息，在病房值班的护士测血压。',
      '在外地打工多年。',
      '在夜班工作时头晕。',
      '他是主治医生。',
      '她是一名退休职工。',
      '在危险环境中工作。',
      '在医院工作。',
      '在ICU值班。',
    ])
      expect(covered(text)).toEqual([]);
  });
});

describe('schools and last digits', () => {
  it('finds a school before a study word', () => {
    expect(found('孙子在实验小学读三年级。')).toEqual([['EMPLOYER', '实验小学']]);
    expect(found('女儿是南京大学学生。')).toEqual([['EMPLOYER', '南京大学']]);
  });
  it('finds the last four digits of a phone or a card', () => {
    expect(found('手机尾号5678')).toEqual([['PHONE', '5678']]);
    expect(found('银行卡尾号1234')).toEqual([['ACCOUNT_NO', '1234']]);
  });
});
