/**
 * `qihuang audit verify` in one language per run (issue 20, IT try: Chinese error prefix, English reason and
 * result lines): the result lines in Chinese and in English.
 */
import { describe, expect, it } from 'vitest';
import type { AuditProblem, AuditVerifyResult } from '@qihuang/audit';
import { PROBLEM_ZH, progressLine, verifyLine } from './audit-text.ts';

const HASH = 'a'.repeat(64);
const intact: AuditVerifyResult = { ok: true, checked: 5, head: { seq: 5, hash: HASH }, elapsedMs: 12 };
const broken = (problem: AuditProblem): AuditVerifyResult => ({
  ok: false,
  checked: 2,
  head: { seq: 5, hash: HASH },
  elapsedMs: 12,
  firstBad: { seq: 3, problem, message: `entry 3 was ${problem} (English detail)` },
});
const PROBLEMS: AuditProblem[] = [
  'edited',
  'deleted',
  'inserted',
  'reordered',
  'broken-link',
  'head-mismatch',
  'rewound',
  'checkpoint-mismatch',
  'empty-chain',
];

describe('audit verify lines', () => {
  it('English: as before (intact with the head; BROKEN naming the first bad entry)', () => {
    expect(verifyLine(intact, 'en')).toBe(`audit chain intact: 5 entries, head 5:${HASH} (12 ms)`);
    expect(verifyLine({ ...intact, checkpoints: 2 }, 'en')).toContain(', 2 checkpoint(s) hold');
    expect(verifyLine(broken('edited'), 'en')).toBe(
      'audit chain BROKEN at entry 3 (edited): entry 3 was edited (English detail)',
    );
    expect(progressLine(3, 9, 'en')).toBe('\rchecked 3 / 9');
  });

  it('Chinese: every line and every problem in Chinese, full-width brackets and colons', () => {
    expect(verifyLine(intact, 'zh-CN')).toBe(`审计链完整：共 5 条，链头 5:${HASH}（12 毫秒）`);
    expect(verifyLine({ ...intact, checkpoints: 2 }, 'zh-CN')).toContain('，2 个检查点均吻合');
    expect(verifyLine(broken('edited'), 'zh-CN')).toMatch(/^审计链在第 3 条处断裂（被修改）：/);
    expect(progressLine(3, 9, 'zh-CN')).toBe('\r已校验 3 / 9');
    for (const problem of PROBLEMS) {
      const line = verifyLine(broken(problem), 'zh-CN');
      expect(Object.keys(PROBLEM_ZH)).toContain(problem);
      expect(line, problem).not.toMatch(/[A-Za-z]{3,}|[():]/);
    }
  });
});
