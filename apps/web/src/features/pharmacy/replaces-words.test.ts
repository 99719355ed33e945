/**
 * Issue 20 (non-author try): a switch still awaiting the pharmacist read "换药：已替换 氢氯噻嗪 25 mg（原医嘱已停止）"
 * — as if it had happened — and a replaced order a clinician stopped outright after signing drew no warning. The
 * line says what approval will do while the order waits, and what happened only once approved.
 */
import { describe, expect, it } from 'vitest';
import { replacesWords } from './replaces-words.ts';

const base = { id: 'h', kind: 'switch' as const, medication: '氢氯噻嗪 25 mg' };
const at = (iso: string) => `@${iso}`;

describe('replacesWords', () => {
  it('awaiting review, the order current: what approval will do', () => {
    expect(replacesWords({ ...base, status: 'active' }, 'pending', at)).toEqual({
      key: 'pharmacy.replaces.pending',
      values: { medication: '氢氯噻嗪 25 mg' },
    });
  });
  it('awaiting review, replaced meanwhile by another change: never "已替换"', () => {
    expect(
      replacesWords({ ...base, status: 'stopped', replacedBy: '氢氯噻嗪 12.5 mg' }, 'pending', at),
    ).toEqual({
      key: 'pharmacy.replaces.pendingReplacedMeanwhile',
      values: { medication: '氢氯噻嗪 25 mg', by: '氢氯噻嗪 12.5 mg' },
    });
  });
  it('awaiting review, stopped outright by a clinician: the pharmacist is told when', () => {
    expect(
      replacesWords(
        { ...base, status: 'stopped', stoppedOutright: true, stoppedAt: '2026-12-08T05:30:00Z' },
        'pending',
        at,
      ),
    ).toEqual({
      key: 'pharmacy.replaces.pendingStopped',
      values: { medication: '氢氯噻嗪 25 mg', date: '@2026-12-08T05:30:00Z' },
    });
    expect(replacesWords({ ...base, status: 'stopped', stoppedOutright: true }, 'pending', at).key).toBe(
      'pharmacy.replaces.pendingStoppedUndated',
    );
  });
  it('approved: it happened', () => {
    expect(replacesWords({ ...base, status: 'stopped' }, 'approved', at)).toEqual({
      key: 'pharmacy.replaces.stopped',
      values: { medication: '氢氯噻嗪 25 mg' },
    });
  });
});
