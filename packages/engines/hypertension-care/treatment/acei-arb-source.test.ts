/**
 * Issue 20 (one language per screen): the ACEi + ARB citation a China-guideline (Chinese) screen shows is written
 * in Chinese — the class of recommendation included — and the English one in English.
 */
import { describe, expect, it } from 'vitest';
import { ACEI_ARB_SOURCE } from './contraindications.ts';

describe('ACEi + ARB citation', () => {
  it('on a Chinese screen has no English words besides guideline and class names', () => {
    expect(ACEI_ARB_SOURCE).toContain('III 级');
    expect(ACEI_ARB_SOURCE).not.toMatch(/Class|harm|ACEi\b/);
    // Only the guideline acronyms stay in Latin letters.
    const words = ACEI_ARB_SOURCE.match(/[A-Za-z]{2,}/g) ?? [];
    expect(words.filter((w) => !['ACC', 'AHA', 'ESH', 'ACEI', 'ARB', 'III'].includes(w))).toEqual([]);
  });
});
