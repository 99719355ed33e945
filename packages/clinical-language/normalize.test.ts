import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { editDistance, normalize } from './normalize.ts';

describe('tolerant matching', () => {
  it('traditional characters of the lexicon', () => {
    expect(analyze('說話不清楚，嘴歪了').mentions.map((m) => m.concept)).toEqual([
      'speech-difficulty',
      'facial-droop',
    ]);
    expect(analyze('胸口悶痛一個小時').mentions[0]?.concept).toBe('chest-pain');
    expect(analyze('頭暈').mentions[0]?.concept).toBe('dizziness');
  });

  it('full width, spacing, case; spans point into the original text', () => {
    const a = analyze('ＣＨＥＳＴ  ＰＡＩＮ，胸 口 痛');
    expect(a.mentions.map((m) => m.concept)).toEqual(['chest-pain', 'chest-pain']);
    expect(a.mentions[1]?.text).toBe('胸 口 痛');
    expect(a.mentions[0]?.text).toBe('ＣＨＥＳＴ  ＰＡＩＮ');
    expect(normalize('高压１９０／１２５').norm).toBe('高压190/125');
  });

  it('English typos on words of 5+ letters (edit distance 1, or 2 from 8 letters)', () => {
    expect(analyze('I have cheast pain').mentions[0]?.concept).toBe('chest-pain');
    expect(analyze('my speach is slured').mentions[0]?.concept).toBe('speech-difficulty');
    expect(analyze('I had a siezure').mentions[0]?.concept).toBe('seizure');
    expect(analyze('terible hedache').mentions[0]?.concept).toBe('severe-headache');
    expect(analyze('shortnes of breth').mentions[0]?.concept).toBe('dyspnoea');
  });

  it('4-letter words missing a letter inside, with no vowel ("chst" → "chest"); real 4-letter words stay', () => {
    expect(analyze('chst pain and sweating a lot').mentions[0]?.concept).toBe('chest-pain');
    expect(analyze('chst pain and sweating a lot').mentions[0]?.text).toBe('chst pain');
    for (const w of ['tree', 'heat', 'drop', 'were', 'seen', 'case', 'real', 'sent', 'year', 'does', 'myth'])
      expect(analyze(`the ${w} is fine`).mentions).toEqual([]);
    expect(analyze('my BP drop is fine').mentions).toEqual([]);
  });

  it("Chinese input-method typos of the lexicon's words (whole phrases, same length)", () => {
    expect(analyze('凶口疼').mentions[0]?.concept).toBe('chest-pain');
    expect(analyze('兄口疼得厉害').mentions[0]?.concept).toBe('chest-pain');
    expect(analyze('兄弟口渴').mentions.map((m) => m.concept)).not.toContain('chest-pain');
    expect(analyze('我好像中疯了').mentions[0]?.concept).toBe('stroke-now');
    expect(analyze('说话不情楚').mentions[0]?.text).toBe('说话不情楚');
    expect(analyze('凶手').mentions).toEqual([]);
  });

  it('cue words are whole words ("neighbour" is not "corrected")', () => {
    expect(analyze('my neighbour has chest pain').mentions[0]?.modifiers.experiencer).toBe('other');
  });

  it('real words are not "corrected" into symptoms', () => {
    expect(analyze('a lucky strike').mentions).toEqual([]);
    expect(analyze('I tried to call').mentions).toEqual([]);
    expect(analyze('I want to cheat on my diet').mentions).toEqual([]);
  });

  it('edit distance (optimal string alignment, capped)', () => {
    expect(editDistance('seizure', 'siezure', 2)).toBe(1);
    expect(editDistance('chest', 'cheast', 2)).toBe(1);
    expect(editDistance('headache', 'hedache', 2)).toBe(1);
    expect(editDistance('abc', 'xyzxyz', 1)).toBe(2);
  });
});
