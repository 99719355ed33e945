import { describe, expect, it } from 'vitest';
import { queryTerms, segmentWords, stemEnglish, tokenize } from './segment.ts';

describe('medical Chinese segmentation', () => {
  it('keeps drug and disease names whole (medical user dictionary)', () => {
    const words = segmentWords('氨氯地平联合螺内酯用于糖尿病肾病合并高血压');
    for (const w of ['氨氯地平', '螺内酯', '糖尿病肾病', '高血压']) expect(words).toContain(w);
    expect(words).not.toContain('螺');
  });

  it('search mode adds sub-words for recall (高血压 → 血压)', () => {
    const toks = tokenize('高血压患者');
    expect(toks).toEqual(expect.arrayContaining(['高血压', '血压']));
  });

  it('keeps drug names from the drug knowledge base whole (缬沙坦, 氢氯噻嗪)', () => {
    expect(segmentWords('缬沙坦或氢氯噻嗪')).toEqual(expect.arrayContaining(['缬沙坦', '氢氯噻嗪']));
    expect(segmentWords('缬沙坦氢氯噻嗪片')).toContain('缬沙坦氢氯噻嗪'); // the single-pill combination
  });

  it('tokenises mixed Chinese/English queries: lower case, stop words, light stemming, numbers kept', () => {
    const terms = queryTerms('ACE Inhibitors 与 氨氯地平 5 mg 的 dosing for the elderly');
    expect(terms).toEqual(
      expect.arrayContaining(['ace', 'inhibitor', '氨氯地平', '5', 'mg', 'dosing', 'elderly']),
    );
    expect(terms).not.toContain('the');
    expect(terms).not.toContain('的');
    expect(stemEnglish('arteries')).toBe('artery');
    expect(stemEnglish('losartan')).toBe('losartan');
  });

  it('produces only letter/digit tokens (safe for to_tsvector)', () => {
    for (const t of tokenize('K⁺>5.0 mmol/L；eGFR<30（CKD-EPI 2021）'))
      expect(t).toMatch(/^[\p{L}\p{N}.]+$/u);
  });
});
