import { describe, expect, it } from 'vitest';
import { flagList } from './triage-flags.ts';

// Issue 20 (H12's try): the English banner read "chest pain or tightness、shortness of breath" — the Chinese
// enumeration comma on an English screen. Each screen joins the list in its own language.
const flags = [
  { display: { zh: '胸痛或胸闷', en: 'chest pain or tightness' } },
  { display: { zh: '气短', en: 'shortness of breath' } },
];

describe('flagList: red flags joined in the screen language', () => {
  it('English: ", " and never 、', () => {
    expect(flagList(flags, 'en')).toBe('chest pain or tightness, shortness of breath');
    expect(flagList(flags, 'en-US')).not.toContain('、');
  });
  it('Chinese: 、', () => {
    expect(flagList(flags, 'zh-CN')).toBe('胸痛或胸闷、气短');
  });
  it('none: empty', () => {
    expect(flagList([], 'en')).toBe('');
  });
});
