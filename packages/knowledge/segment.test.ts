import { describe, expect, it } from 'vitest';
import { highlightRanges, queryTerms, segmentWords, stemEnglish, tokenize } from './segment.ts';

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

describe('highlight ranges (what the console marks in a passage)', () => {
  const marked = (query: string, text: string) =>
    highlightRanges(text, queryTerms(query)).map(([s, e]) => text.slice(s, e));

  it('marks whole Chinese words the index matched, and search-mode sub-words inside longer words', () => {
    expect(marked('氨氯地平的剂量', '氨氯地平片常用剂量为每次5 mg，每日1次。')).toEqual(['氨氯地平', '剂量']);
    expect(marked('血压', '高血压患者应监测血压')).toEqual(['血压', '血压']);
    expect(marked('诊断标准', '高血压的诊断标准')).toEqual(['诊断', '标准']);
  });

  it('marks English words by their normalised form (case, plural) and numbers', () => {
    const text = 'Amlodipine 5 mg daily; doses above 10 mg are not used.';
    expect(marked('amlodipine dose 10', text)).toEqual(['Amlodipine', 'doses', '10']);
    const ranges = highlightRanges(text, queryTerms('amlodipine'));
    expect(ranges).toEqual([[0, 10]]);
  });

  it('returns nothing for no terms or no match', () => {
    expect(highlightRanges('高血压', [])).toEqual([]);
    expect(marked('糖尿病', '高血压患者')).toEqual([]);
  });
});
