/** Body text at the edge: fatal UTF-8 decoding and numbers that would change on parsing (body-text.ts). */
import { describe, expect, it } from 'vitest';
import { assertExactNumbers, decodeUtf8, exactNumber } from './body-text.ts';

describe('body text', () => {
  it('decodes valid UTF-8 and refuses anything else with 400', () => {
    expect(decodeUtf8(new TextEncoder().encode('血压 café'))).toBe('血压 café');
    for (const bytes of [[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xe4, 0xb8]])
      expect(() => decodeUtf8(new Uint8Array(bytes))).toThrow(
        expect.objectContaining({ code: 'invalid-input' }),
      );
  });

  it('a number is exact when parsing keeps every significant digit written', () => {
    for (const ok of [
      '0',
      '-0.5',
      '1.50',
      '2147483647',
      '3.141592653589793',
      '9007199254740991',
      '1e21',
      '0.1',
    ])
      expect(exactNumber(ok), ok).toBe(true);
    for (const bad of [
      '99999999999999999999999999',
      '1.2345678901234567890123',
      '12345678901234567',
      '1e400',
      '1e-400',
    ])
      expect(exactNumber(bad), bad).toBe(false);
  });

  it('scans JSON numbers outside strings only', () => {
    expect(() => assertExactNumbers('{"id":"12345678901234567890123","v":1.5}')).not.toThrow();
    expect(() => assertExactNumbers('{"v":[1,12345678901234567890123]}')).toThrow(/cannot be stored exactly/);
    expect(() => assertExactNumbers('{"s":"a\\"b","v":-0.12345678901234567890}')).toThrow();
  });
});
