/**
 * Robust answer extraction from free text, Chinese and English: "答案：B", "正确答案是C", "The answer is (C)",
 * "**B**", a bare letter, the option text, yes/no/maybe (PubMedQA). `<think>…</think>` is stripped first.
 * Strongest evidence first; within one rule the last mention wins (models restate the final choice last).
 */
import type { ChoiceOption } from '../suites/suite-types.ts';

export interface Extraction {
  /** Chosen option keys, sorted; null when nothing could be extracted reliably. */
  answer: string[] | null;
  /** Which rule matched (for the report). */
  method: string;
}

/** Removes reasoning: `<think>…</think>` blocks; an unclosed leading `<think>` up to the last `</think>`. */
export function stripThinking(text: string): string {
  let out = text.replace(/<think>[\s\S]*?<\/think>/gi, '');
  const close = out.lastIndexOf('</think>');
  if (close >= 0) out = out.slice(close + '</think>'.length);
  if (/^\s*<think>/i.test(out)) return '';
  return out.trim();
}

const LETTER_SEQ = String.raw`([A-J](?:\s*(?:[、,，/和及&]|and)?\s*[A-J])*)`;

/** Case-insensitive cue words while option letters stay upper-case ("answer is a beta-blocker" is no "A"). */
const ci = (words: string) => words.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

// Strong cue followed by the letter(s). Order matters: most explicit first.
const LETTER_RULES: [string, RegExp][] = [
  ['boxed', new RegExp(String.raw`\\boxed\{\s*\(?${LETTER_SEQ}\)?\s*\}`, 'g')],
  [
    'zh-answer',
    new RegExp(
      String.raw`(?:正确答案|最佳答案|最终答案|参考答案|答案|答)[】\]]?\s*(?:应该|应|就)?\s*(?:是|为|选|选择)?\s*[:：]?\s*(?:选项)?\s*[(（【\[*]*\s*${LETTER_SEQ}(?![A-Za-z])`,
      'g',
    ),
  ],
  [
    'zh-choose',
    new RegExp(
      String.raw`(?:故选|应选|选择|首选|选项|选)\s*[:：]?\s*[(（【\[*]*\s*${LETTER_SEQ}(?![A-Za-z])`,
      'g',
    ),
  ],
  [
    'en-answer',
    new RegExp(
      String.raw`${ci('(?:final answer|correct answer|best answer|correct option|answer|option|choice)')}\s*(?:${ci('is|would be|should be')})?\s*[:：]?\s*(?:${ci('option')}\s*)?[(\[*]*\s*${LETTER_SEQ}(?![A-Za-z])`,
      'g',
    ),
  ],
  ['zh-item', /([A-J])\s*项(?:正确|为正确|是正确)/g],
  ['bold', new RegExp(String.raw`\*\*\s*[(\[]?${LETTER_SEQ}[)\].:：]?\s*\*\*`, 'g')],
];

function lettersOf(sequence: string, keys: Set<string>): string[] | null {
  const letters = Array.from(new Set(sequence.toUpperCase().match(/[A-J]/g) ?? []));
  if (!letters.length || letters.some((l) => !keys.has(l))) return null;
  return letters.sort();
}

const normalise = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

const WORD_SYNONYMS: Record<string, string[]> = {
  yes: ['yes', '是', '是的', '对', '正确'],
  no: ['no', '否', '不是', '不', '错误'],
  maybe: ['maybe', '可能', '不确定', '或许', 'uncertain', 'possibly'],
};

function extractWord(text: string, options: ChoiceOption[]): Extraction {
  const keys = options.map((o) => o.key.toLowerCase());
  const pattern = (cue: string) =>
    new RegExp(
      `${cue}\\s*(?:is|would be|:|：|是|为)?\\s*[:：]?\\s*[*"'“(（]*\\s*(${keys.join('|')}|是|否|可能|不确定)(?![a-z])`,
      'gi',
    );
  const map = (word: string): string | undefined => {
    const w = word.toLowerCase();
    return keys.find((k) => k === w || (WORD_SYNONYMS[k] ?? []).includes(w));
  };
  for (const [method, cue] of [
    ['answer-cue', '(?:final answer|answer|decision|conclusion|答案|结论|回答)'],
    ['bold', '\\*\\*'],
  ] as const) {
    const matches = Array.from(text.matchAll(pattern(cue)));
    const last = matches.at(-1);
    const key = last ? map(last[1]!) : undefined;
    if (key) return { answer: [key], method };
  }
  const leading = /^\s*[*"'“(]*\s*(yes|no|maybe|是|否|可能|不确定)(?![a-z])/i.exec(text);
  const key = leading ? map(leading[1]!) : undefined;
  if (key) return { answer: [key], method: 'leading-word' };
  const mentioned = keys.filter((k) => new RegExp(`\\b${k}\\b`, 'i').test(text));
  if (mentioned.length === 1) return { answer: [mentioned[0]!], method: 'only-word' };
  return { answer: null, method: 'none' };
}

export function extractChoice(
  raw: string,
  options: ChoiceOption[],
  style: 'letters' | 'words' = 'letters',
): Extraction {
  const text = stripThinking(raw);
  if (!text) return { answer: null, method: 'empty' };
  if (style === 'words') return extractWord(text, options);
  const keys = new Set(options.map((o) => o.key.toUpperCase()));

  // A bare letter (or letters) as the whole answer: "B", "B.", "(B)", "AB", "A、C".
  const bare = /^[\s*"'“(（[【]*([A-J](?:\s*[、,，]?\s*[A-J])*)\s*[)）\]】.。:：]?[\s*"'”]*$/.exec(text);
  if (bare) {
    const letters = lettersOf(bare[1]!, keys);
    if (letters) return { answer: letters, method: 'bare-letter' };
  }
  for (const [method, regex] of LETTER_RULES) {
    const matches = Array.from(text.matchAll(regex));
    for (let i = matches.length - 1; i >= 0; i--) {
      const letters = lettersOf(matches[i]![1]!, keys);
      if (letters) return { answer: letters, method };
    }
  }
  // Leading letter followed by its option text or a separator: "B. Ketotifen eye drops", "C）肺癌".
  const leading = /^[\s*(（[]*([A-J])\s*[).）:：、.]\s*(.*)/s.exec(text);
  if (leading && keys.has(leading[1]!)) return { answer: [leading[1]!], method: 'leading-letter' };
  // The option text itself (exactly one option named; longer texts win over their own substrings).
  const body = normalise(text);
  const named = options.filter((o) => {
    const t = normalise(o.text);
    return t.length >= 2 && body.includes(t);
  });
  const maximal = named.filter(
    (o) => !named.some((p) => p !== o && normalise(p.text).includes(normalise(o.text))),
  );
  if (maximal.length === 1) return { answer: [maximal[0]!.key.toUpperCase()], method: 'option-text' };
  // A lone letter standing as a token at the very end: "… so I choose C".
  const tail = /(?:^|[\s:：(（])([A-J])[)）.。]?\s*$/.exec(text);
  if (tail && keys.has(tail[1]!)) return { answer: [tail[1]!], method: 'trailing-letter' };
  return { answer: null, method: 'none' };
}
