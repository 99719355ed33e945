import { describe, expect, it } from 'vitest';
import { citeSource, publicAnswer } from './citations.ts';

describe('sources as a user sees them (issue 17 item 5)', () => {
  it.each([
    [
      'REFERENCE §7.3, §7.4 (2024 targets UNVERIFIED; 2018 values used)',
      'Chinese Hypertension Guidelines 2018 (treatment)',
    ],
    ['REFERENCE §7.1, §7.4', 'ACC/AHA 2017 Figure 4'],
    ['REFERENCE §2.1', 'ACC/AHA 2017 Table 11'],
    ['REFERENCE §3.1', 'Pooled Cohort Equations (Goff 2014)'],
    ['REFERENCE §3.4', 'Chinese Hypertension Guidelines 2018 (cardiovascular risk stratification)'],
    ['ACC/AHA 2017 Table 15 (not in REFERENCE; UNVERIFIED)', 'ACC/AHA 2017 Table 15'],
    [
      '中国高血压防治指南2018 生活方式干预 (not in REFERENCE; UNVERIFIED)',
      '中国高血压防治指南2018 生活方式干预',
    ],
    ['ESH 2023 (already a guideline name)', 'ESH 2023 (already a guideline name)'],
  ])('%s → %s', (source, expected) => {
    expect(citeSource(source)).toBe(expected);
  });

  it('drops internal table row numbers and keeps the rest of the citation', () => {
    const out = citeSource('REFERENCE §6 row 5 (ACC/AHA 2017 Table 18)');
    expect(out).toBe(
      'High-priority drug interactions (Phansalkar 2012) and product labels (ACC/AHA 2017 Table 18)',
    );
  });

  it('cleans every string of a nested answer, leaving numbers and booleans', () => {
    const answer = publicAnswer({
      a: [{ source: 'REFERENCE §2.2', n: 3, ok: true }],
      b: 'plain',
      c: { d: 'REFERENCE §4.3 UNVERIFIED' },
    });
    expect(JSON.stringify(answer)).not.toMatch(/REFERENCE|UNVERIFIED/);
    expect(answer.a[0]).toMatchObject({ n: 3, ok: true });
    expect(answer.c.d).toBe('KDIGO 2012/2024 CKD categories');
  });
});
