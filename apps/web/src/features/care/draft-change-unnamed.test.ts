/**
 * Issue 20 (non-author try): a draft whose replaced order had no name read "换药 由 换为 氢氯噻嗪 12.5 mg". The
 * server names it from the order (same patient); when it still cannot, the card says "the current order", never a
 * blank.
 */
import { describe, expect, it } from 'vitest';
import { doseChange } from './draft-change.ts';

describe('doseChange with an unnamed replaced order', () => {
  it('says the current order, never a blank', () => {
    expect(doseChange(' ', '氢氯噻嗪 12.5 mg', '当前医嘱')).toEqual({
      badge: 'care.draftReview.switch',
      drug: '',
      from: '当前医嘱',
      to: '氢氯噻嗪 12.5 mg',
    });
  });
});
