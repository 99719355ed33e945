import { describe, expect, it } from 'vitest';
import { extractChoice, stripThinking } from './answer-extraction.ts';

const ABCDE = ['A', 'B', 'C', 'D', 'E'].map((key, i) => ({
  key,
  text: ['肺炎球菌肺炎', '肺结核', '肺癌', '支气管扩张', '病毒性肺炎'][i]!,
}));
const EN = [
  { key: 'A', text: 'Erythromycin ointment' },
  { key: 'B', text: 'Ketotifen eye drops' },
  { key: 'C', text: 'Warm compresses' },
  { key: 'D', text: 'Fluorometholone eye drops' },
];
const YNM = ['yes', 'no', 'maybe'].map((key) => ({ key, text: key }));

// [answer text, options, expected keys (joined) or null]
const CASES: [string, 'zh' | 'en' | 'ynm', string | null][] = [
  ['答案：B', 'zh', 'B'],
  ['正确答案是C', 'zh', 'C'],
  ['根据症状分析，本题答案为 C。', 'zh', 'C'],
  ['故选D。', 'zh', 'D'],
  ['应选 (E)', 'zh', 'E'],
  ['【答案】A', 'zh', 'A'],
  ['答：C', 'zh', 'C'],
  ['最佳答案选C，因为抗感染无效。', 'zh', 'C'],
  ['C', 'zh', 'C'],
  ['(B)', 'zh', 'B'],
  ['C. 肺癌', 'zh', 'C'],
  ['C）肺癌', 'zh', 'C'],
  ['考虑为肺癌。', 'zh', 'C'],
  ['<think>可能是A？不对，应该排除A。</think>答案：C', 'zh', 'C'],
  ['<think>嗯……B 还是 C</think>\n\n**C**', 'zh', 'C'],
  ['答案：A、C、E', 'zh', 'ACE'],
  ['正确答案：ABD', 'zh', 'ABD'],
  ['The answer is (C)', 'en', 'C'],
  ['The answer is B.', 'en', 'B'],
  ['**B**', 'en', 'B'],
  ['**B. Ketotifen eye drops**', 'en', 'B'],
  ['Answer: D', 'en', 'D'],
  [
    'A 35-year-old with allergic conjunctivitis needs a mast-cell stabiliser. The correct answer is B.',
    'en',
    'B',
  ],
  ['Final answer: \\boxed{B}', 'en', 'B'],
  ['Ketotifen eye drops', 'en', 'B'],
  ['I would recommend ketotifen eye drops for this seasonal allergic conjunctivitis.', 'en', 'B'],
  ['Option A is wrong; option C helps blepharitis. The best answer is B) Ketotifen.', 'en', 'B'],
  ['B', 'en', 'B'],
  ['The answer is a mast-cell stabiliser such as ketotifen eye drops.', 'en', 'B'],
  ['I am not sure.', 'en', null],
  ['<think>long reasoning without end', 'en', null],
  ['Yes', 'ynm', 'yes'],
  ['Answer: no', 'ynm', 'no'],
  ['Based on the results, the answer is maybe.', 'ynm', 'maybe'],
  ['答案：是', 'ynm', 'yes'],
  ['结论：否。该研究未发现差异。', 'ynm', 'no'],
  ['<think>yes or no?</think>**no**', 'ynm', 'no'],
];

describe('answer extraction', () => {
  it.each(CASES)('%j → %s', (text, set, expected) => {
    const options = set === 'zh' ? ABCDE : set === 'en' ? EN : YNM;
    const result = extractChoice(text, options, set === 'ynm' ? 'words' : 'letters');
    expect(result.answer?.join('') ?? null).toBe(expected);
  });

  it('has at least 25 real-world styles', () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  it('strips closed and unclosed reasoning', () => {
    expect(stripThinking('<think>a</think>b')).toBe('b');
    expect(stripThinking('a</think>b')).toBe('b');
    expect(stripThinking('<think>never closed')).toBe('');
  });
});
