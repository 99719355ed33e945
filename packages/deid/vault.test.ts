import { describe, expect, it } from 'vitest';
import { deidentifyTexts } from './deidentify.ts';
import { PlaceholderVault, StreamingRestorer } from './vault.ts';

function streamed(vault: PlaceholderVault, text: string, cuts: number[]): string {
  const restorer = new StreamingRestorer(vault);
  let out = '';
  let last = 0;
  for (const cut of [...cuts, text.length]) {
    out += restorer.push(text.slice(last, cut));
    last = cut;
  }
  return out + restorer.flush();
}

describe('StreamingRestorer', () => {
  const original =
    '患者张三，92岁，2025年3月5日入院，电话13812345678，住址北京市朝阳区建国路88号。Seen on March 3, 2025 (ZIP IL 62704).';
  const vault = new PlaceholderVault({ seed: 11 });
  const [sent] = deidentifyTexts([original], vault);

  it('the request really is de-identified', () => {
    for (const value of [
      '张三',
      '92岁',
      '2025年3月5日',
      '13812345678',
      '建国路88号',
      'March 3, 2025',
      '62704',
    ])
      expect(sent, value).not.toContain(value);
  });

  it('restores placeholders, shifted dates and generalised values split at every single position', () => {
    for (let cut = 1; cut < sent!.length; cut++)
      expect(streamed(vault, sent!, [cut]), `cut ${cut}`).toBe(original);
  });

  it.each([1, 2, 3, 5, 8, 13])('restores a stream cut into chunks of %i characters', (size) => {
    const cuts: number[] = [];
    for (let i = size; i < sent!.length; i += size) cuts.push(i);
    expect(streamed(vault, sent!, cuts)).toBe(original);
  });

  it('restores tool-call arguments (JSON) split inside a placeholder', () => {
    const args = JSON.stringify({ patient: '[PATIENT_NAME_1]', phone: '[PHONE_1]' });
    const cut = args.indexOf('NAME');
    expect(JSON.parse(streamed(vault, args, [cut, cut + 3]))).toEqual({
      patient: '张三',
      phone: '13812345678',
    });
  });

  it.each([
    ['day month year (en)', 'Referral: born 7 July 1975, seen 23 March 2026.'],
    ['Chinese numerals', '于二〇二六年十月五日入院，二〇二六年十月十九日出院。'],
  ])('restores %s dates cut at every position', (_label, text) => {
    const v = new PlaceholderVault({ seed: 3 });
    const [shifted] = deidentifyTexts([text], v);
    expect(shifted).not.toBe(text);
    for (let cut = 1; cut < shifted!.length; cut++)
      expect(streamed(v, shifted!, [cut]), `cut ${cut}`).toBe(text);
    for (const size of [1, 3, 5, 7]) {
      const cuts: number[] = [];
      for (let i = size; i < shifted!.length; i += size) cuts.push(i);
      expect(streamed(v, shifted!, cuts), `chunks of ${size}`).toBe(text);
    }
  });

  it('leaves unknown placeholders and ordinary brackets alone', () => {
    expect(streamed(new PlaceholderVault(), '[PATIENT_NAME_9] x [注意]', [3, 9])).toBe(
      '[PATIENT_NAME_9] x [注意]',
    );
  });
});
