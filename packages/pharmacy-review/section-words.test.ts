import { describe, expect, it } from 'vitest';
import { sectionsInWords } from './section-words.ts';
import { localizeFinding } from './localize.ts';
import type { Finding } from '@qihuang/engines/prescription-review';

describe('sections named in words, never "§" (issue 20 item 8)', () => {
  it('zh: 第 N 节; en: section N; a list of sections each in words', () => {
    expect(sectionsInWords('辛伐他汀美国说明书 §2.1/§2.3', 'zh')).toBe(
      '辛伐他汀美国说明书 第 2.1 节/第 2.3 节',
    );
    expect(sectionsInWords('Simvastatin US label §2.3', 'en')).toBe('Simvastatin US label section 2.3');
    expect(sectionsInWords('ACC/AHA 2017 §11.2', 'zh')).toBe('ACC/AHA 2017 第 11.2 节');
    expect(sectionsInWords('沙库巴曲缬沙坦（Entresto）美国说明书 §4 禁忌证', 'zh')).toBe(
      '沙库巴曲缬沙坦（Entresto）美国说明书 第 4 节 禁忌证',
    );
    expect(sectionsInWords('no section here', 'en')).toBe('no section here');
  });
  it('a pharmacy finding source never shows "§"', () => {
    const finding = {
      source: { id: 'unknown-source', label: 'Simvastatin US label §2.1/§2.3', citation: 'label §2.3' },
      summary: { zh: '剂量', en: 'dose' },
      detail: { zh: '见 §2.3', en: 'see §2.3' },
    } as unknown as Finding;
    for (const lang of ['zh-CN', 'en'] as const) {
      const out = localizeFinding(finding, lang);
      expect(JSON.stringify(out)).not.toContain('§');
    }
  });
});
