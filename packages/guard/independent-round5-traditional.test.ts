/**
 * Round 5 (issue 18), tuning set 14: answers in traditional Chinese (Taiwan, Hong Kong) are read as simplified,
 * character for character (traditional.ts), so their claims are checked like any other; the claims show the
 * answer's own characters. Fresh sentences (not corpus items), both directions.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import { toSimplified } from './traditional.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('traditional characters (REFERENCE §1.2, §1.3, §5.1)', () => {
  it('a wrong category, target or dose is caught; a right one is not', () => {
    expect(bad('按中國2018指南，診室血壓142/88 mmHg屬於正常高值。')).toContain('bp-threshold');
    expect(bad('按中國2018指南，診室血壓142/88 mmHg屬於1級高血壓。')).toEqual([]);
    expect(bad('纈沙坦每日最大劑量為640毫克。')).toContain('dose');
    expect(bad('纈沙坦每日最大劑量為320毫克。')).toEqual([]);
  });
  it('a question in traditional characters states nothing', () => {
    expect(bad('纈沙坦每天能吃到640毫克嗎？')).toEqual([]);
  });
  it('the claims show the answer as written; offsets are unchanged', () => {
    const answer = '按中國2018指南，診室血壓142/88 mmHg屬於正常高值。';
    expect(toSimplified(answer)).toHaveLength(answer.length);
    const claim = verifyClaims({ answer, passages: [] }).find((c) => c.kind === 'bp-threshold');
    expect(claim?.text).toBe(answer);
  });
});
