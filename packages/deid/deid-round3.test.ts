/**
 * Round-3 classes (issue 18): chat senders, staff and form fields, compound surnames with titles, employer
 * cues, NPI/DEA/MBI/NHS numbers, day-first and Chinese-numeral dates, UK postcodes. Fresh sentences, not
 * corpus text; near misses stay unmarked.
 */
import { describe, expect, it } from 'vitest';
import { isValidDea, isValidNpi } from './checksums.ts';
import { detectPhi } from './detect.ts';

const found = (text: string) => detectPhi(text).map((s) => s.text);

describe('names by position and field', () => {
  it('finds chat senders at the start of a line before a time', () => {
    const spans = found('东方雪莹 07:45：我爸早上血压160\n赫连志勇 07:50：收到，先别加药');
    expect(spans).toContain('东方雪莹');
    expect(spans).toContain('赫连志勇');
  });
  it('finds staff in form fields, also with rare surnames', () => {
    const spans = found('经办人：汪晓雯　复核人：么振飞\n护士长：岳春梅　程控技师：柏涛');
    expect(spans).toEqual(expect.arrayContaining(['汪晓雯', '么振飞', '岳春梅', '柏涛']));
  });
  it('finds persons in claim and refund fields', () => {
    const spans = found('被保险人：闻人秋菊　申请人：韦国栋（之子）\n收款人：公孙燕（配偶）');
    expect(spans).toEqual(expect.arrayContaining(['闻人秋菊', '韦国栋', '公孙燕']));
  });
  it('keeps a compound surname with its title as one span', () => {
    expect(found('请慕容主任看一下片子')).toContain('慕容主任');
  });
  it('does not take role words for names', () => {
    expect(found('交班护士：（空）　责任护士已宣教，值班护士巡视。')).toEqual([]);
  });
  it('leaves drug names, ordinary words and hospital names alone', () => {
    const text = '记录：心内科\n加用华法林2.5mg，肌张力正常，王道之法在于坚持。\n转诊至郸城县人民医院。';
    expect(found(text)).toEqual([]);
  });
  it('finds English staff by role and accented or Mc names', () => {
    const spans = found(
      'Ward pharmacist: Chiara Bellò\nNP Devon McAllister: any dizziness?\nCharge nurse: Inés Navarro',
    );
    expect(spans).toEqual(expect.arrayContaining(['Chiara Bellò', 'Devon McAllister', 'Inés Navarro']));
  });
  it('does not take a laboratory heading for a name', () => {
    expect(found('PATHOLOGY REPORT — Meridian Laboratories\nSodium 139')).toEqual([]);
  });
});

describe('employers', () => {
  it('finds 单位 in the middle of a line and 所/站 units', () => {
    const spans = found('姓名：罗一鸣　单位：南京市鼓楼区城管所\n工作单位及地址：武汉钢铁集团有限公司');
    expect(spans).toEqual(expect.arrayContaining(['南京市鼓楼区城管所', '武汉钢铁集团有限公司']));
  });
});

describe('US and UK numbers', () => {
  it('checks NPI and DEA check digits', () => {
    expect(isValidNpi('1765432103')).toBe(true);
    expect(isValidNpi('1765432104')).toBe(false);
    expect(isValidDea('MR5591020')).toBe(true);
    expect(isValidDea('MR5591021')).toBe(false);
  });
  it('finds NPI, DEA and MBI without a cue only when they are valid', () => {
    expect(found('Refill authorised 1765432103 / MR5591020; MBI 2AB3-CD4-EF56')).toEqual(
      expect.arrayContaining(['1765432103', 'MR5591020']),
    );
    // The specific rules leave invalid ones; the safety net (round 7) hides any long number or code anyway.
    expect(detectPhi('Lot 1765432104, code MR5591021', {}, { safetyNet: false })).toEqual([]);
    expect(found('Medicare card: 7HN2-JK4-RT19 on file')).toContain('7HN2-JK4-RT19');
  });
  it('finds NHS numbers, UK postcodes and day-first dates', () => {
    const spans = found('NHS No: 943 476 5919, 12 Mill Lane, Leeds LS6 2QR, DOB 23/04/1950');
    expect(spans).toEqual(expect.arrayContaining(['943 476 5919', 'LS6 2QR', '23/04/1950']));
  });
});

describe('dates', () => {
  it('finds month and day in Chinese numerals', () => {
    expect(found('她三月二十号来过一次')).toContain('三月二十号');
  });
});
