/**
 * One language per screen (issue 20): the evidence and reasons of a Chinese answer are Chinese — the severity
 * and pregnancy words ("contraindicated", "avoid" …) included — and an English answer's are English.
 * Drug names, codes and units are not sentences and are ignored.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { PatientContext } from './types.ts';

const HAN = /\p{Script=Han}/u;
/** Two English words in a row (a phrase), not a code, unit or drug name on its own. */
const ENGLISH_PHRASE = /\b[a-z]{3,}\b[\s,:;]+\b[a-z]{2,}\b/i;
const ENGLISH_WORD = /\b(?:contraindicated|avoid|caution|compatible|preferred|pregnancy|major|moderate)\b/i;

function texts(answer: string, patient: PatientContext): string[] {
  return verifyClaims({ answer, passages: [], patient }).flatMap((c) => [
    c.reason,
    ...c.evidence.flatMap((e) => [e.text, e.source]),
  ]);
}

describe('guard evidence language', () => {
  it('a Chinese answer: no English words in reasons or evidence (pregnancy levels included)', () => {
    const zh = texts('布洛芬与依那普利合用安全。该患者可以使用依那普利。氢氯噻嗪是不错的选择。', {
      pregnant: true,
      conditions: ['痛风'],
    });
    expect(zh.length).toBeGreaterThan(2);
    for (const t of zh) {
      expect(t, t).not.toMatch(ENGLISH_WORD);
      expect(t.replace(/\b(?:BMJ|NSAIDs?|ACEI|ARB|FDA)\b/g, ''), t).not.toMatch(ENGLISH_PHRASE);
    }
    expect(zh.some((t) => t.includes('妊娠禁用'))).toBe(true);
  });
  it('an English answer: no Han characters', () => {
    const en = texts(
      'Ibuprofen with enalapril is safe. You can keep taking enalapril. Hydrochlorothiazide is fine.',
      {
        pregnant: true,
        conditions: ['gout'],
      },
    );
    expect(en.length).toBeGreaterThan(2);
    for (const t of en) expect(t, t).not.toMatch(HAN);
    expect(en.some((t) => /pregnancy: contraindicated/.test(t))).toBe(true);
  });
});
