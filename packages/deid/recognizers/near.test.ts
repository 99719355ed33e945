import { describe, expect, it } from 'vitest';
import { matchesNear } from './near.ts';

const spans = (it: Iterable<RegExpExecArray>) => [...it].map((m) => [m.index, m[0]]);

describe('matchesNear (speed, issue 18)', () => {
  // A toy pattern: up to four letters before "#" and digits; the anchor is the "#" before a digit.
  const source = '[a-z]{0,4}?#\\d+';
  const global = new RegExp(source, 'g');
  const sticky = new RegExp(source, 'y');
  const anchor = /#(?=\d)/g;
  const cases = [
    'abc#12 xyz#3',
    'abcdefgh#1',
    'a#1#2##3 b#',
    '#1abcd#22ab#3',
    'no anchor here',
    '',
    'abcd#1efgh#2ijkl#3',
  ];

  it('finds the matches a global scan finds, in its order', () => {
    for (const text of cases) {
      global.lastIndex = 0;
      expect(spans(matchesNear(text, sticky, anchor, 4)), text).toEqual(spans(text.matchAll(global)));
    }
  });

  it('misses matches when the reach is shorter than the pattern allows (the reach must be right)', () => {
    expect(spans(matchesNear('abcd#1', sticky, anchor, 2))).toEqual([[2, 'cd#1']]);
    expect(spans('abcd#1'.matchAll(global))).toEqual([[0, 'abcd#1']]);
  });
});
