/**
 * Round 3 on the independent tuning sets (issue 18), drug frames — generic mechanisms with fresh sentences (not
 * corpus items), a planted error caught and a correct answer left unflagged:
 * - doses of two drugs taken apart ("错开几个小时吃", "six hours apart") are an interval, checked against the timed
 *   rule of the pair (drug-knowledge: no nitrate within 24 h of sildenafil, REFERENCE §6); a pair without a timed
 *   rule is checked as a combination;
 * - "the morning after the last evening dose" is a switch with a 12-hour interval (ARNI after an ACE inhibitor needs
 *   36 h, REFERENCE §6 row 14);
 * - "is a good idea" / "是个好主意" calls what it names a good step (a potassium supplement on an ACE inhibitor at
 *   K⁺ 5.4, REFERENCE §6);
 * - a clause naming no drug continues the drug of the clause before ("缬沙坦属于ARB，可以继续服用").
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('doses taken apart are an interval (drug-knowledge PDE-5 inhibitor + nitrate: 24 h)', () => {
  it('a nitrate and sildenafil "a few hours apart" is caught; 24 hours apart and an untimed pair are not flagged', () => {
    expect(bad('硝酸甘油和西地那非错开几个小时吃就行，不用太担心。')).toContain('interaction');
    expect(bad('Sildenafil and isosorbide dinitrate are fine if taken six hours apart.')).toContain(
      'interaction',
    );
    expect(bad('硝酸甘油和西地那非不能合用。')).toEqual([]);
    expect(bad('氨氯地平和缬沙坦可以分开吃，间隔几个小时也可以。')).toEqual([]);
  });
});

describe('"the morning after the last evening dose" is a 12-hour switch (REFERENCE §6 row 14: 36 h)', () => {
  it('an ARNI started the morning after the last evening dose of an ACE inhibitor is caught; 36 hours is not flagged', () => {
    expect(
      bad(
        'Start sacubitril/valsartan the morning after the last evening dose of ramipril; no gap is needed.',
      ),
    ).toContain('interaction');
    expect(bad('Start sacubitril/valsartan 36 hours after the last evening dose of ramipril.')).toEqual([]);
  });
});

describe('"a good idea" is a recommendation (REFERENCE §6 potassium-raising drug with a RAAS blocker at K⁺ >5.0)', () => {
  it('a potassium supplement called a good idea at K⁺ 5.6 on lisinopril is caught; "not a good idea" is not flagged', () => {
    expect(
      bad('You take lisinopril and your potassium is 5.6, so a potassium supplement is a good idea.'),
    ).toContain('interaction');
    expect(bad('您在用依那普利，血钾5.6，加个补钾片是个好主意。')).toContain('interaction');
    expect(
      bad('You take lisinopril and your potassium is 5.6, so a potassium supplement is not a good idea.'),
    ).toEqual([]);
  });
});

describe('a clause naming no drug continues the clause before (drug-knowledge: ARB in bilateral renal artery stenosis)', () => {
  it('an ARB said fine in bilateral stenosis after an ACE inhibitor harm is caught; the harm alone is not flagged', () => {
    expect(bad('双侧肾动脉狭窄是ACEI的禁忌，缬沙坦属于ARB，可以照常服用。')).toContain('drug-condition');
    expect(bad('双侧肾动脉狭窄是ACEI的禁忌，缬沙坦属于ARB，同样应避免。')).toEqual([]);
  });
});
