import { describe, expect, it } from 'vitest';
import { chooseShift, dateTailStart, findDates, shiftDate, shiftDatesIn } from './dates.ts';

describe('dates', () => {
  it.each([
    ['1961年3月5日出生', '1961年3月12日', 7],
    ['入院日期：2025-03-02', '2025-03-09', 7],
    ['2025.06.03初诊', '2025.05.24', -10],
    ['DOB: 02/11/1952', '02/18/1952', 7],
    ['Admission date: March 3, 2025', 'March 10, 2025', 7],
    ['seen Feb 2, 2025 at', 'Jan 23, 2025', -10],
    ['on Thursday, May 15, 2025.', 'Friday, May 30, 2025', 15],
    ['5月20日复诊', '5月27日', 7],
    ['12/19/2025 visit', '12/09/2025', -10],
    ['3/5/2025 visit', '3/12/2025', 7],
    ['2024年11月因高血压急症', '2024年12月', 20],
    ['born 4 July 1950', '14 July 1950', 10],
    ['the 3rd of March 2025', '11th of March 2025', 8],
    ['签署日期：二〇二五年七月二日', '二〇二五年七月二十日', 18],
    ['25年7月3日 夜班', '25年7月13日', 10],
    ['Seen 3/5/61 in clinic', '3/15/61', 10],
    ['Lab from 10/02/26: K 3.3', '09/22/26', -10],
  ])('%s → %s (shift %i days), and back', (text, shifted, days) => {
    const [date] = findDates(text);
    expect(date).toBeDefined();
    expect(shiftDate(date!, days)).toBe(shifted);
    const there = shiftDatesIn(text, days);
    expect(shiftDatesIn(there, -days)).toBe(text);
  });

  it('does not take blood pressures, doses, ratios or intervals for dates', () => {
    for (const text of [
      'BP 150/90 mmHg',
      '3月后复查',
      '2周后',
      'eGFR 38 ml/min/1.73m²',
      '3/4 tablets',
      '1.5mg qd',
      'Na/K/Cl 140/4/101',
    ])
      expect(findDates(text), text).toEqual([]);
  });

  it('keeps intervals: every date of a request moves by the same number of days', () => {
    const text = '于2025年1月6日入院，1月8日行PCI术，2025年1月13日出院。';
    const out = shiftDatesIn(text, 12);
    expect(out).toBe('于2025年1月18日入院，1月20日行PCI术，2025年1月25日出院。');
  });

  it('chooses a shift that keeps every year (Safe Harbor keeps the year), seeded', () => {
    const dates = findDates('入院 2024-12-20，出院 2025-01-03');
    for (let seed = 0; seed < 60; seed++) {
      const shift = chooseShift(dates, seed);
      expect(shift).not.toBe(0);
      expect(shiftDatesIn('2024-12-20 2025-01-03', shift)).toMatch(/^2024-12-\d\d 2025-01-\d\d$/);
    }
    expect(chooseShift(dates, 3)).toBe(chooseShift(dates, 3));
  });

  it('streaming: holds back a tail that could still grow into a date', () => {
    expect(dateTailStart('复诊日期 2025年3')).toBe(5);
    expect(dateTailStart('seen on Mar')).toBe(8);
    expect(dateTailStart('no date here.')).toBe(13);
    expect(dateTailStart('Patient')).toBe(7);
    expect(dateTailStart('born 7 Ju')).toBe(5);
    expect(dateTailStart('seen 21 March 2026')).toBe(5);
    expect(dateTailStart('于二〇二六年十')).toBe(1);
  });

  it('shifts dates in Chinese numerals in a text without any Arabic digit', () => {
    expect(shiftDatesIn('二〇二六年十月三日入院', 2)).toBe('二〇二六年十月五日入院');
  });
});
