import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { careErrorMessage } from './care-errors.ts';

describe('care API refusals in the page language', () => {
  it('a draft withdrawn by a newer proposal: its own message, the raw text as detail, re-read the drafts', () => {
    const raw = 'MedicationRequest/htn-1-0 is cancelled; only a draft can be signed';
    const m = careErrorMessage(
      'sign',
      new ApiError(409, 'conflict', raw, [
        'care.not-draft:cancelled: MedicationRequest/htn-1-0 is cancelled',
      ]),
    );
    expect(m).toEqual({ key: 'careSign.errors.withdrawnByProposal', detail: raw, stale: true });
  });

  it('another status is named by its i18n key', () => {
    const m = careErrorMessage(
      'cancel',
      new ApiError(409, 'conflict', 'x is not a draft', ['care.not-draft:active: x is active']),
    );
    expect(m).toMatchObject({
      key: 'careSign.errors.notDraft',
      statusKey: 'careSign.status.active',
      stale: true,
    });
  });

  it('awaiting review, unacknowledged critical findings, forbidden, network, anything else', () => {
    expect(
      careErrorMessage('sign', new ApiError(409, 'conflict', 'm', ['care.awaiting-review: x is awaiting']))
        .key,
    ).toBe('careSign.errors.awaitingReview');
    expect(
      careErrorMessage(
        'sign',
        new ApiError(409, 'conflict', 'Acknowledge …', ['care.open-emergency:alert-1: The patient has …']),
        ['care.open-emergency:alert-1'],
      ).key,
    ).toBe('careSign.errors.criticalUnacknowledged');
    expect(careErrorMessage('cancel', new ApiError(403, 'forbidden', 'Only a clinician')).key).toBe(
      'careSign.errors.forbidden',
    );
    expect(careErrorMessage('propose', new ApiError(0, 'network', 'Failed to fetch')).key).toBe(
      'careSign.errors.network',
    );
    expect(careErrorMessage('propose', new ApiError(500, 'internal', 'boom'))).toEqual({
      key: 'careSign.errors.proposeFailed',
      detail: 'boom',
    });
  });
});

describe('a proposal refused for want of readings', () => {
  it('keeps the server text, already in the page language, visible', () => {
    const m = careErrorMessage(
      'propose',
      new ApiError(400, 'invalid-input', '没有血压读数，无法生成治疗建议'),
    );
    expect(m).toEqual({
      key: 'careSign.errors.proposeFailed',
      detail: '没有血压读数，无法生成治疗建议',
      localized: true,
    });
  });
});
