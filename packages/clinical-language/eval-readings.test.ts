import { describe, expect, it } from 'vitest';
import { evaluate, parseCorpus } from './eval.ts';

// Decision 0030: how the evaluator scores a `hypertension` label against a blood-pressure reading.
const corpus = (lines: string[]) => parseCorpus(lines.join('\n'));

describe('a reading answers a hypertension label with no mention (docs/decisions/0030)', () => {
  it('a relative’s reading ≥140/90 is the concept with the reading’s own modifiers', () => {
    const items = corpus(['0|hypertension:fam|我妈今天量的血压165/102，没有不舒服']);
    const r = evaluate(items);
    expect(r.conceptsFound).toBe(1);
    expect(r.modifier.fam).toMatchObject({ tp: 1, fn: 0 });
    // Mentions only (the evaluator before the decision): the label is a concept not found.
    const before = evaluate(items, undefined, { readings: 'none' });
    expect(before.conceptsFound).toBe(0);
    expect(before.modifier.fam).toMatchObject({ tp: 0, fn: 1 });
  });
  it('a diastolic ≥90 alone is enough; a reading below 140/90 answers nothing', () => {
    expect(evaluate(corpus(['0|hypertension|BP 132/94 this morning'])).conceptsFound).toBe(1);
    expect(evaluate(corpus(['0|hypertension:neg|血压不高，量的是118/76'])).conceptsFound).toBe(0);
  });
  it('a mention of the concept is taken before any reading', () => {
    const r = evaluate(corpus(['0|hypertension:fam|我爸有高血压，今天150/95']));
    expect(r.conceptsFound).toBe(1);
    expect(r.errors.filter((e) => e.what.startsWith('hypertension'))).toEqual([]);
  });
  it('other groups are never answered by a reading', () => {
    expect(evaluate(corpus(['0|headache|血压170/100']), undefined).conceptsFound).toBe(0);
  });
});
