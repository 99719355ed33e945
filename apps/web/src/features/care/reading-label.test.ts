import { describe, expect, it } from 'vitest';
import { readingLabelKey } from './reading-label.ts';
import { en } from '../../i18n/en.ts';
import { zhCN as zh } from '../../i18n/zh-CN.ts';

const lookup = (dict: unknown, key: string) =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], dict);

describe('readingLabelKey (issue 20 item 7: the engine category on a patient screen)', () => {
  it('165/100 (China 2018 grade 2) reads 2级高血压, not 偏高', () => {
    const key = readingLabelKey({ category: 'high', grade: 'grade-2' });
    expect(lookup(zh, key)).toBe('2级高血压（中度）');
    expect(lookup(en, key)).toBe('Grade 2 hypertension');
  });
  it('a crisis reading keeps 非常高; no grade falls back to the colour word', () => {
    expect(lookup(zh, readingLabelKey({ category: 'crisis', grade: 'grade-3' }))).toBe('非常高');
    expect(lookup(zh, readingLabelKey({ category: 'high' }))).toBe('偏高');
  });
  it('never an office word that contradicts the home threshold (139/86 high at home is not 正常高值)', () => {
    expect(lookup(zh, readingLabelKey({ category: 'high', grade: 'high-normal' }))).toBe('偏高');
    expect(lookup(zh, readingLabelKey({ category: 'normal', grade: 'high-normal' }))).toBe('正常范围');
    expect(lookup(zh, readingLabelKey({ category: 'normal', grade: 'normal' }))).toBe('正常血压');
    expect(lookup(en, readingLabelKey({ category: 'high', grade: 'elevated' }))).toBe(
      lookup(en, 'bpHome.category.high'),
    );
    expect(lookup(zh, readingLabelKey({ category: 'high', grade: 'grade-1' }))).toBe('1级高血压（轻度）');
  });
});
