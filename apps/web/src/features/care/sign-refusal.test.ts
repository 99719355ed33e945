/**
 * Issue 20 (non-author try): a second pending replacement of the same order was refused (409) but the page said
 * only "处方未签署。", the reason folded under 详情. The server words that refusal in the page's language: it is
 * shown as it stands, visible.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { careErrorMessage } from './care-errors.ts';

describe('a refusal the server worded in the page language', () => {
  it('a second pending replacement: the server reason is shown, not folded away', () => {
    const zh =
      '不能签署：两个待生效的变更替换同一医嘱（氢氯噻嗪 25 mg）。同一医嘱只能有一个待生效的变更，确认警示也不能签署：请撤回其中一个——本草稿，或待药师审核的那个变更。';
    const m = careErrorMessage(
      'sign',
      new ApiError(409, 'conflict', zh, [`care.second-pending-replacement: ${zh}`]),
    );
    expect(m).toEqual({ key: 'careSign.errors.signFailed', detail: zh, localized: true });
  });
});
