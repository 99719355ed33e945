/**
 * Issue 20 (non-author try): sources said themselves twice — "Verapamil UK SmPC section 4.3 Contraindications —
 * Verapamil hydrochloride tablets, UK Summary of Product Characteristics (…), section 4.3 …". A citation that
 * restates the name (its words, or the same section of the same document) is one source, said once: the fuller
 * citation alone when it names the same section, the name alone when it adds nothing.
 */
import { describe, expect, it } from 'vitest';
import { sourceOnce } from './source-once.ts';

describe('sourceOnce', () => {
  it('the same section of the same document: the citation alone', () => {
    const citation =
      'Verapamil hydrochloride tablets, UK Summary of Product Characteristics (MHRA, Accord-UK 2019), section 4.3 Contraindications: marked bradycardia (less than 50 beats/minute)';
    expect(sourceOnce('Verapamil UK SmPC section 4.3 Contraindications', citation)).toEqual({
      label: citation,
      citation: '',
    });
  });
  it('a citation of words already in the name: the name alone', () => {
    expect(
      sourceOnce('Lapi et al. BMJ 2013;346:e8525 (triple whammy)', 'Lapi F et al. BMJ 2013;346:e8525'),
    ).toEqual({
      label: 'Lapi et al. BMJ 2013;346:e8525 (triple whammy)',
      citation: '',
    });
  });
  it('a citation that adds a different reference stays', () => {
    expect(sourceOnce('ACC/AHA 2017 section 9.1', 'ESH 2023 section 4')).toEqual({
      label: 'ACC/AHA 2017 section 9.1',
      citation: 'ESH 2023 section 4',
    });
  });
  it('no citation', () => {
    expect(sourceOnce('中国高血压防治指南 2018', '')).toEqual({
      label: '中国高血压防治指南 2018',
      citation: '',
    });
  });
});
