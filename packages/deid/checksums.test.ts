import { describe, expect, it } from 'vitest';
import { isLuhnValid, isPlausibleOldIdCard, isValidChineseIdCard } from './checksums.ts';

describe('check digits', () => {
  it('GB 11643-1999: the standard’s worked example 11010519491231002X is valid, a changed digit is not', () => {
    expect(isValidChineseIdCard('11010519491231002X')).toBe(true);
    expect(isValidChineseIdCard('11010519491231002x')).toBe(true);
    expect(isValidChineseIdCard('110105194912310021')).toBe(false);
    expect(isValidChineseIdCard('1101051949123100')).toBe(false);
  });

  it('15-digit first-generation numbers need a real birth date', () => {
    expect(isPlausibleOldIdCard('110105491231002')).toBe(true);
    expect(isPlausibleOldIdCard('110105491331002')).toBe(false);
    expect(isPlausibleOldIdCard('910105491231002')).toBe(false);
  });

  it('Luhn: the ISO/IEC 7812 test card 4111 1111 1111 1111 passes, one digit off fails', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(isLuhnValid('6222021234567890128')).toBe(true);
    expect(isLuhnValid('12345')).toBe(false);
  });
});
