/**
 * Findings of a clinical pharmacist/cardiologist who tried the guard from a fresh clone (issue 18): a wrong target
 * credited to ACC/AHA 2017, internal source names and English severity words on Chinese answers, a reason that
 * repeats itself, and a lifestyle sentence that was not listed at all.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const claims = (answer: string) => verifyClaims({ answer, passages: [] });
const verdicts = (answer: string) => claims(answer).map((c) => `${c.kind}:${c.verdict}`);

describe('a target credited to ACC/AHA 2017 (general <130/80; ≥65 SBP <130)', () => {
  // ACC/AHA 2017 §8.1.5 (REFERENCE §7.1 and §7.4): <130/80 for adults with confirmed hypertension; ≥65 SBP <130.
  it('a looser target is contradicted, in English and Chinese', () => {
    for (const answer of [
      'The 2017 ACC/AHA guideline recommends a target below 150/90 mmHg for all adults.',
      'ACC/AHA 2017 recommends a BP target below 140/90 mmHg for most adults.',
      'ACC/AHA 2017指南建议大多数成人血压控制在140/90以下。',
    ]) {
      const [c] = claims(answer).filter((x) => x.kind === 'bp-target');
      expect(c?.verdict, answer).toBe('contradicted');
      expect(c?.reason, answer).toMatch(/130\/80/);
    }
  });
  it('the correct target is not contradicted', () => {
    for (const answer of [
      'ACC/AHA 2017 recommends a BP target below 130/80 mmHg for most adults.',
      'ACC/AHA 2017指南建议大多数成人血压控制在130/80以下。',
      'Under ACC/AHA 2017, adults aged 70 should be treated to a systolic pressure below 130 mmHg.',
    ])
      expect(verdicts(answer), answer).not.toContain('bp-target:contradicted');
  });
  it('older adults with limited life expectancy are left to clinical judgement (not contradicted)', () => {
    const answer =
      'For older adults with a high comorbidity burden and limited life expectancy, ACC/AHA 2017 leaves the intensity to clinical judgement, so a target below 150/90 mmHg can be reasonable.';
    expect(verdicts(answer)).not.toContain('bp-target:contradicted');
  });
  it('the evidence states the target once ("general: <130/80", not "general: <130/80: <130/80")', () => {
    const [c] = claims('ACC/AHA 2017 recommends a BP target below 140/90 mmHg for most adults.');
    for (const e of c!.evidence) expect(e.text).not.toMatch(/<130\/80: <130\/80/);
  });
  it('a Chinese answer reads the target rule in Chinese, each target once', () => {
    const [c] = claims('ACC/AHA 2017指南建议大多数成人血压控制在140/90以下。');
    for (const e of c!.evidence) expect(e.text).not.toMatch(/general|age ≥65/);
    expect(c!.reason).not.toMatch(/<130\/80 或 <130\/80/);
  });
});

describe('sources by guideline/label name, in the answer language', () => {
  const internal =
    /\brow\s*\d|REFERENCE|K-sparing\/K⁺|renal dose rules|US label maximum doses|drug knowledge base/i;
  it('the potassium interaction on a Chinese answer: label names in Chinese, severity in Chinese', () => {
    const cs = claims('患者正在服用依那普利，血钾5.6，可以加用螺内酯。');
    const k = cs.find((c) => c.kind === 'interaction')!;
    expect(k.verdict).toBe('contradicted');
    for (const c of cs)
      for (const e of c.evidence) {
        expect(e.source).not.toMatch(internal);
        expect(e.source).toMatch(/\p{Script=Han}/u);
        expect(e.text).not.toMatch(/^(?:major|moderate|contraindicated)\b/i);
      }
    expect(k.evidence[0]!.source).toMatch(/说明书/);
    expect(k.evidence[0]!.text).toMatch(/严重/);
  });
  it('the same on an English answer names the labels in English', () => {
    const k = claims('Enalapril and spironolactone can be combined safely; potassium is 5.6.').find(
      (c) => c.kind === 'interaction',
    )!;
    expect(k.evidence[0]!.source).toMatch(/label/i);
    expect(k.evidence[0]!.source).not.toMatch(internal);
    expect(k.evidence[0]!.text).not.toMatch(/^major:/);
  });
  it('a dose maximum cites the drug’s own label and section', () => {
    const en = claims('Enalapril max dose is 80 mg per day.').find((c) => c.kind === 'dose')!;
    expect(en.verdict).toBe('contradicted');
    expect(en.evidence[0]!.source).toMatch(/enalapril.*(?:label|prescribing information).*section 2/i);
    const zh = claims('螺内酯每日400 mg没有问题。').find((c) => c.kind === 'dose')!;
    expect(zh.evidence[0]!.source).toMatch(/螺内酯.*说明书/);
    expect(zh.evidence[0]!.source).not.toMatch(internal);
  });
});

describe('a reason names the combination once', () => {
  it('"ACE inhibitors and ARBs" does not read "ACE inhibitor + ARB: ACE inhibitor + ARB: …"', () => {
    for (const answer of [
      'ACE inhibitors and ARBs can be combined safely.',
      'An ACE inhibitor + ARB combination is safe for most patients.',
      'ACEI和ARB可以联用。',
    ]) {
      const c = claims(answer).find((x) => x.kind === 'interaction')!;
      expect(c.verdict, answer).toBe('contradicted');
      expect(c.reason.match(/ACE ?inhibitors?|ACEI/g)?.length, c.reason).toBe(1);
    }
  });
});

describe('medical advice without a checkable claim is listed as not checkable', () => {
  it('lifestyle advice is an unverifiable assertion; small talk is not a claim', () => {
    for (const answer of [
      'Patients should walk 30 minutes a day.',
      '患者每天应步行30分钟。',
      'Cut down on alcohol and stop smoking.',
      '建议少吃咸菜，戒烟限酒。',
    ])
      expect(verdicts(answer), answer).toEqual(['assertion:unverifiable']);
    expect(claims('Thanks for your question.')).toEqual([]);
    expect(claims('The weather is nice today.')).toEqual([]);
  });
});
