/**
 * Speed work (issue 18) that must not change what is found: the rules tried only near the word they cannot do
 * without still find their longest matches.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './detect.ts';
import { findAddresses } from './recognizers/addresses.ts';
import type { PhiSpan } from './types.ts';

describe('street addresses tried only before a road word and a door number', () => {
  it('finds an address whose road word stands 44 characters after its start (the most its parts allow)', () => {
    // province 9 (黑龙江维吾尔自治区), city 9, district 7, town 8, road name 10 + 大 → 街 at offset 44
    const address =
      '黑龙江维吾尔自治区巴彦淖尔乌拉自治州乌拉特中后东旗乌梁素海东北街道长安长安长安长安长安大街12号';
    expect(address.indexOf('街12号')).toBe(44);
    const out: PhiSpan[] = [];
    findAddresses(`，${address}。`, out);
    expect(out.map((s) => s.text)).toContain(address);
  });

  it('finds every address of a text, one after another', () => {
    const text = '家住北京市朝阳区建国路88号院3号楼2单元501室，单位在上海市浦东新区世纪大道100号。';
    const found = detectPhi(text)
      .filter((s) => s.category === 'ADDRESS')
      .map((s) => s.text);
    expect(found).toEqual(['北京市朝阳区建国路88号院3号楼2单元501室', '上海市浦东新区世纪大道100号']);
  });
});
