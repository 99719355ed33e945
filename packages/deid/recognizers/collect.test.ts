import { describe, expect, it } from 'vitest';
import { execAll } from './collect.ts';

const found = (regex: RegExp, text: string) => [...execAll(regex, text)].map((m) => [m.index, m[0]]);
const reference = (regex: RegExp, text: string) => [...text.matchAll(regex)].map((m) => [m.index, m[0]]);

describe('execAll (speed, issue 18): the matches of text.matchAll without copying the regex', () => {
  it('gives matchAll’s matches, also empty ones and astral characters', () => {
    const cases: [RegExp, string][] = [
      [/\d+/g, 'a1b22c333'],
      [/x*/g, 'axxb'],
      [/(?:)/gu, 'a😀b'],
      [/[\u4e00-\u9fa5]{2}/dg, '王建国，男'],
    ];
    for (const [regex, text] of cases)
      expect(found(regex, text), regex.source).toEqual(reference(regex, text));
  });

  it('starts from the beginning whatever lastIndex the regex was left at', () => {
    const regex = /\d/g;
    regex.lastIndex = 3;
    expect(found(regex, '1234')).toHaveLength(4);
  });
});
