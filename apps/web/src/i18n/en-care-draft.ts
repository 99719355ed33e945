/** English strings: editing a prescription draft, the drafts' groups, a slip awaiting review (issue 20). */

export const enCareDraft = {
  sectionTitle: 'Prescriptions',
  groups: {
    toSign: 'Drafts to sign',
    awaiting: 'Awaiting pharmacist review',
    awaitingHint: 'Signed and with the pharmacist: not the patient’s medication yet; print after approval.',
    approved: 'Approved by the pharmacist',
    done: 'Signed or withdrawn here',
  },
  approvedBy: 'Approved by {{name}} on {{date}}',
  afterApproval: 'Appeared after the pharmacist’s approval ({{date}}); not part of what was approved',
  afterApprovalResult:
    'Appeared after the pharmacist’s approval ({{date}}), from a result of {{at}}; not part of what was approved',
  edit: 'Edit dose and supply',
  /** Withdrawing a draft, one word throughout (撤回 / withdraw), asked first (issue 20). */
  withdrawn: 'Withdrawn',
  currentOrder: 'the current order',
  withdrawDraft: 'Withdraw draft',
  withdrawConfirm: 'Withdraw this draft? It can no longer be signed.',
  withdrawYes: 'Withdraw',
  withdrawBack: 'Back',
  editTitle: 'Edit {{drug}}',
  dose: 'Dose',
  unit: 'Unit',
  frequency: 'Frequency',
  days: 'Days of supply',
  quantity: 'Quantity',
  quantityAuto: 'counted for you',
  quantityHint: 'Leave empty to count tablets from the strengths ({{strengths}} {{unit}}).',
  quantityHintNone: 'Leave empty to keep none; the pharmacy counts it.',
  strengths: 'Strengths: {{strengths}} {{unit}}',
  maxDaily: 'Maximum {{value}} {{unit}} a day',
  save: 'Save changes',
  cancel: 'Cancel',
  saved: 'Saved. The review was run again on the new dose.',
  supply: 'Quantity {{quantity}} · {{days}} days',
  supplyDays: '{{days}} days',
  /** A signed change in effect (issue 20/19): the order it replaced is stopped. */
  changeDoseDone: '{{drug}} {{from}} → {{to}} (the previous order is stopped)',
  changeFromToDone: '{{from}} → {{to}} (the previous order is stopped)',
  afterReturn:
    'Editing takes the order back from the pharmacist’s return: sign it again to send it for review.',
  errors: {
    aboveMax: 'Not saved: {{daily}} {{unit}} a day is above the maximum of {{max}} {{unit}} a day.',
    dose: 'Enter a dose above 0.',
    days: 'Days of supply: a whole number from 1 to {{max}}.',
    quantity: 'Quantity: a whole number above 0, or empty.',
    invalid: 'Not saved: the server refused the values.',
    failed: 'The changes were not saved.',
  },
  slip: {
    awaitingNote:
      'Signed and awaiting the pharmacist’s review: not a prescription to dispense until approved.',
    awaitingWatermark: 'Awaiting pharmacist review — not for dispensing',
  },
};
