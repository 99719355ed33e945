/**
 * The shared relation lexicon (relation-lexicon.ts), fresh sentences: cues per relation, negation over a cue read with
 * the clinical-language modifiers, and a usable combination read from a permission with a combine verb.
 */
import { describe, expect, it } from 'vitest';
import { hasRelation, relationDenied, usableCombination } from './relation-lexicon.ts';

describe('relation cues', () => {
  it('maximum, target, first, tolerated and interval in zh and en', () => {
    expect(hasRelation('Candesartan tops out at 32 mg.', 'maximum')).toBe(true);
    expect(hasRelation('坎地沙坦一天顶多 32 mg。', 'maximum')).toBe(true);
    expect(hasRelation('The guideline is content with readings under 140/90.', 'target')).toBe(true);
    expect(hasRelation('血压控制在140/90以下就行。', 'target')).toBe(true);
    expect(hasRelation('To begin with, aim below 140/90.', 'first')).toBe(true);
    expect(hasRelation('起步目标是140/90以下。', 'first')).toBe(true);
    expect(hasRelation('如果能耐受，再降到130/80。', 'tolerated')).toBe(true);
    expect(hasRelation('隔两天再用硝酸甘油。', 'interval')).toBe(true);
    expect(hasRelation('No sooner than 48 hours after tadalafil.', 'interval')).toBe(true);
  });
});

describe('negation over a relation', () => {
  it('a denied target cue is denied, a plain one is not', () => {
    expect(relationDenied('ESH does not want a 90-year-old to get below ', 'target')).toBe(true);
    expect(relationDenied('指南并没有要求老人降到', 'target')).toBe(true);
    expect(relationDenied('ESH wants most adults to get below ', 'target')).toBe(false);
  });
});

describe('a usable combination', () => {
  it('a permission with a combine verb, or approval of a pairing, not negated', () => {
    expect(usableCombination('坎地沙坦可以跟氨氯地平一起吃')).toBe(true);
    expect(usableCombination('Candesartan with amlodipine is a sound pairing')).toBe(true);
    expect(usableCombination('坎地沙坦不能跟阿利吉仑一起吃')).toBe(false);
    expect(usableCombination('that is not a sound pairing')).toBe(false);
  });
});
