import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

describe('detectLanguage', () => {
  it('picks Chinese for a browser that asks for it first, English otherwise', () => {
    expect(detectLanguage(['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLanguage(['zh-TW'])).toBe('zh-CN');
    expect(detectLanguage(['en-US', 'zh-CN'])).toBe('en');
    expect(detectLanguage(['fr-FR', 'zh'])).toBe('zh-CN');
    expect(detectLanguage(['de'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });
});

describe('messages', () => {
  it('have the same keys in both languages and no empty strings', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    const values = (o: object): unknown[] =>
      Object.values(o).flatMap((v) => (typeof v === 'object' && v !== null ? values(v as object) : [v]));
    expect(values(zhCN).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
  });
});
