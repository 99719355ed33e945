/** English strings: signing a prescription — confirmation, open emergency, refusals (issue 20). */

export const enCareSign = {
  confirmTitle: 'Sign this prescription?',
  patient: 'Patient',
  drug: 'Medicine',
  dose: 'Dose',
  frequency: 'Frequency',
  days: 'Days of supply',
  quantity: 'Total quantity',
  toPharmacist:
    'Once signed it goes to the pharmacist for review; the patient does not start it before approval.',
  activeAtOnce: 'Once signed it is the patient’s medication at once.',
  toPharmacistReplaces:
    'Once signed it goes to the pharmacist for review; on approval it takes effect and the current order ({{prior}}) stops. The patient does not start it before approval.',
  toPharmacistReplacesUnnamed:
    'Once signed it goes to the pharmacist for review; on approval it takes effect and the current order it replaces stops. The patient does not start it before approval.',
  activeReplaces:
    'Once signed it is the patient’s medication at once, and the current order ({{prior}}) stops.',
  activeReplacesUnnamed:
    'Once signed it is the patient’s medication at once, and the current order it replaces stops.',
  acknowledged_one: 'You acknowledged {{count}} critical finding.',
  acknowledged_other: 'You acknowledged {{count}} critical findings.',
  confirm: 'Sign',
  back: 'Back',
  emergencyLead: 'Open emergency',
  staleRefreshed: 'The list of drafts was re-read.',
  errors: {
    notDraft: 'This prescription is no longer a draft ({{status}}) and cannot be signed or withdrawn.',
    withdrawnByProposal:
      'This draft has already been withdrawn (by a newer treatment proposal or on another screen) and can no longer be signed; the list of drafts was re-read.',
    awaitingReview: 'Already signed: it is waiting for the pharmacist’s review.',
    criticalUnacknowledged: 'Acknowledge every critical finding before signing.',
    forbidden: 'You are not allowed to do this.',
    notFound: 'This prescription or patient was not found.',
    proposeFailed: 'No treatment proposal could be made.',
    signFailed: 'The prescription was not signed.',
    cancelFailed: 'The draft was not withdrawn.',
    network: 'The server could not be reached. Nothing was changed; try again.',
    detail: 'Details',
  },
  status: {
    draft: 'draft',
    active: 'signed',
    cancelled: 'withdrawn',
    completed: 'completed',
    stopped: 'stopped',
    'on-hold': 'paused',
    'entered-in-error': 'entered in error',
    unknown: 'unknown',
  },
};
