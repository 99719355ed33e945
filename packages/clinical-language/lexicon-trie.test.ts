import { describe, expect, it } from 'vitest';
import { FormTrie } from './lexicon-trie.ts';

const at = (t: FormTrie<string>, text: string, i: number) => {
  const out: [number, string][] = [];
  t.matchesAt(text, i, (end, v) => out.push([end, v]));
  return out;
};

describe('FormTrie (issue 16, speed only)', () => {
  const t = new FormTrie<string>();
  t.add('胸', 'a');
  t.add('胸口疼', 'b');
  t.add('胸口', 'c');
  t.add('胸口', 'd');
  t.add('', 'never');

  it('finds every form starting at a position, longest first, values of one form in the order added', () => {
    expect(at(t, '我胸口疼', 1)).toEqual([
      [4, 'b'],
      [3, 'c'],
      [3, 'd'],
      [2, 'a'],
    ]);
  });

  it('finds nothing where no form starts, and stops at the end of the text', () => {
    expect(at(t, '我胸口疼', 0)).toEqual([]);
    expect(at(t, '胸口', 0)).toEqual([
      [2, 'c'],
      [2, 'd'],
      [1, 'a'],
    ]);
  });
});
