/** Check digits of identifier formats, used to accept numbers that appear without a cue word. */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 check character of an 18-digit resident ID card number (身份证). */
export function isValidChineseIdCard(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17]!.toUpperCase();
}

/** First-generation 15-digit ID (GB 11643-1989): region code, YYMMDD birth date, sequence; no check digit. */
export function isPlausibleOldIdCard(value: string): boolean {
  const m = /^[1-8]\d{5}(\d{2})(\d{2})(\d{2})\d{3}$/.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Luhn (ISO/IEC 7812) check of a bank card number. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** US National Provider Identifier: 10 digits, Luhn over "80840" + the number (CMS NPI standard). */
export function isValidNpi(value: string): boolean {
  return /^[12]\d{9}$/.test(value) && isLuhnValid(`80840${value}`);
}

/**
 * DEA registration number: two letters and seven digits; the last digit is the last digit of
 * (d1 + d3 + d5) + 2 × (d2 + d4 + d6) (21 CFR 1301, DEA registrant number format).
 */
export function isValidDea(value: string): boolean {
  const m = /^[A-Z][A-Z9](\d{7})$/.exec(value.toUpperCase());
  if (!m) return false;
  const d = [...m[1]!].map(Number);
  const sum = d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!);
  return sum % 10 === d[6];
}
