/**
 * Round 10 (issue 18), on tuning-4's misses by class: names standing in structures (table columns, staff fields,
 * relations, departments in brackets), English names after roles, inverted, with nicknames or non-ASCII letters.
 * Fresh invented sentences (no corpus line), failing before the round, with hard negatives.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './index.ts';

const covered = (text: string) => detectPhi(text).map((s) => s.text);
const names = (text: string) =>
  detectPhi(text)
    .filter((s) => s.category.endsWith('_NAME'))
    .map((s) => s.text);

describe('names in table columns by their header (names-round10.ts)', () => {
  it('takes every cell of a person column, words included (tabs, runs of spaces, |)', () => {
    const tabs = '床号\t姓名\t药品\t执行人\n12\t白云\t阿司匹林\t汤\n14\t何平安\t氯沙坦\t汤';
    expect(names(tabs)).toEqual(['白云', '汤', '何平安', '汤']);
    const spaces = '编号     姓名       血压\nA1       乐园       150/90\nA2       欧阳丹     132/80';
    expect(names(spaces)).toEqual(['乐园', '欧阳丹']);
    const pipes =
      'Visit | Client | Seen by | Next of kin\n1 | Oyelaran, Tunde | K. Brandt | Simi Oyelaran (wife)\n2 | Halvorsen, Ingrid | K. Brandt | none';
    expect(names(pipes)).toEqual([
      'Oyelaran, Tunde',
      'K. Brandt',
      'Simi Oyelaran',
      'Halvorsen, Ingrid',
      'K. Brandt',
    ]);
  });
  it('leaves tables without a person column and rows of another shape', () => {
    expect(names('药品\t剂量\t频次\n白芍\t10g\tbid\n和胃片\t2片\ttid')).toEqual([]);
    expect(names('Drug | Dose | Route\nAmlodipine | 5 mg | PO')).toEqual([]);
  });
});

describe('staff fields and roles before a surname (names-round10.ts)', () => {
  it('takes a surname-led value ending the field, even a word or a surname alone', () => {
    expect(names('审核 高山')).toEqual(['高山']);
    expect(names('签约医生：鲁\t下次随访：三个月后')).toEqual(['鲁']);
    expect(names('接诊医生：丰收、文静\n')).toEqual(['丰收', '文静']);
    expect(names('经办人：财务科 滕飞')).toEqual(['滕飞']);
    expect(names('已由值班护士滕。')).toEqual(['滕']);
  });
  it('leaves a chat reply after a bare role and words after a label', () => {
    expect(names('医生：会的，要坚持服药\n患者：好的')).toEqual([]);
    expect(names('出车记录单\n单号：A17')).toEqual([]);
    expect(names('护士说明用法。')).toEqual([]);
  });
});

describe('names after a relation and before a department (names-round10.ts, zh-person-positions.ts)', () => {
  it('finds a name right after a relation word, also a married name and a Tibetan name part', () => {
    expect(covered('其父親陳國榮同住。').join('')).toContain('陳國榮');
    expect(names('交給病人太太 黃李美玲。')).toEqual(['黃李美玲']);
    expect(names('女儿次仁陪同复诊。')).toEqual(['次仁']);
    expect(names('家属：夫邵建华 电话待补')).toEqual(['邵建华']);
    expect(names('联系人：孙谭志刚，').join('')).toContain('谭志刚');
  });
  it('finds a person before a bracketed department (zh and en)', () => {
    expect(names('- 池塘（财务部）血压偏高')).toEqual(['池塘']);
    expect(names('- Amy Lu（行政部）待复查')).toEqual(['Amy Lu']);
    expect(names('心内科（住院部）')).toEqual([]);
  });
  it('finds names before traditional-character titles, a resident title and a wordy surname after 告知', () => {
    expect(names('會診：鄭嘉欣醫師')).toEqual(['鄭嘉欣']);
    expect(names('請見蕭偉明醫生。')).toEqual(['蕭偉明']);
    expect(names('值班：冉住院医')).toEqual(['冉住院医']);
    expect(names('已通知单医生处理。')).toEqual(['单医生']);
    expect(names('和医生沟通后决定。')).toEqual([]);
  });
  it('finds Tibetan and Uyghur names with newer parts, and a name before 家吗', () => {
    expect(names('经泽旺央宗护士复核。').join('')).toContain('泽旺央宗');
    expect(names('母亲：阿依古丽·吾买尔')).toEqual(['阿依古丽·吾买尔']);
    expect(names('请问这是易春华家吗？')).toEqual(['易春华']);
  });
  it('finds a name after a one-character relation in a list of contacts', () => {
    expect(names('紧急联系：侄蒙志强 13877001234')).toEqual(['蒙志强']);
  });
});

describe('English names (en-recall.ts, en-pinyin.ts)', () => {
  it('finds names after a role or account noun', () => {
    expect(names('Social worker Imogen Castellanos phoned the family.')).toEqual(['Imogen Castellanos']);
    expect(names('Request from account holder Priya Raman today.')).toEqual(['Priya Raman']);
  });
  it('finds inverted upper-case names with a middle initial or a hyphen, after a label or a dash', () => {
    expect(names('Resident: OKONKWO, Adaeze M.  Room 4')).toEqual(['OKONKWO, Adaeze M.']);
    expect(names('WOUND CHART — FERREIRA-LIMA, Beatriz — Bed 12')).toEqual(['FERREIRA-LIMA, Beatriz']);
  });
  it('finds a name with a quoted nickname, and the nickname alone', () => {
    expect(names('We saw Mrs Margaret "Peggy" Fitzwilliam today. Peggy is well.')).toEqual([
      'Margaret "Peggy" Fitzwilliam',
      'Peggy',
    ]);
  });
  it('finds names with letters beyond ASCII, a lower-case sign-off and three words after Pt', () => {
    expect(names('Checked by Zofia Wójcik, RN.')).toEqual(['Zofia Wójcik']);
    expect(names('see you then. cheers, Bev\nReply sent')).toEqual(['Bev']);
    expect(names('Pt Mary Lou Beauchamp seen in clinic.')).toEqual(['Mary Lou Beauchamp']);
  });
  it('finds a pinyin name after "Pt" in Chinese text', () => {
    expect(names('Pt Zhou Guangming（周光明）男 52')).toEqual(['Zhou Guangming', '周光明']);
  });
  it('leaves roles before ordinary capitalised words', () => {
    expect(names('The Coordinator Meeting is on Monday.')).toEqual([]);
    expect(names('HTN, Diabetes and CKD were reviewed.')).toEqual([]);
  });
});
