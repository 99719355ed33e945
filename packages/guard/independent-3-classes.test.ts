/**
 * Classes of misses and false flags found by the third independent answer set (corpus/tuning-independent-3.txt,
 * ex held-out 5), each with fresh sentences (not corpus items) and a near miss: the guard contradicts only a claim
 * parsed with certainty; anything partial is unverifiable (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import { langOf } from './i18n.ts';

const bad = (answer: string, patient?: Parameters<typeof verifyClaims>[0]['patient']) =>
  verifyClaims({ answer, passages: [], ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('answer language (independent set 3)', () => {
  it('an English answer quoting a Chinese term stays English; a Chinese answer with drug abbreviations stays Chinese', () => {
    expect(
      langOf('Under the Chinese 2018 guideline, 128/84 mmHg is "high-normal" (正常高值), not hypertension.'),
    ).toBe('en');
    expect(langOf('ACEI与ARB不宜联用，eGFR下降时需要监测血钾。')).toBe('zh');
  });
});
