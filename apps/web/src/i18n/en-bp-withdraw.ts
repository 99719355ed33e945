/** English strings: withdrawing a BP reading entered in error (issue 20, decision 0020). */

export const enBpWithdraw = {
  // The patient's phone
  withdraw: 'Withdraw',
  withdrawLabel: 'Withdraw the reading {{value}} mmHg',
  patientTitle: 'Withdraw this reading?',
  patientLead:
    'It will no longer count in your averages or alerts. Your care team can still see that it was withdrawn.',
  patientWhy: 'Why?',
  reasons: {
    duplicate: 'I saved it twice',
    typo: 'I typed a wrong number',
    notMine: 'It is not my reading',
    other: 'Another reason',
  },
  otherReason: 'Your reason',
  patientConfirm: 'Withdraw',
  patientWindow: 'You can withdraw a reading within 24 hours of saving it. After that, ask your care team.',
  correctHint: 'To correct a value: withdraw it, then enter the right reading.',
  withdrawn: 'Reading withdrawn.',
  // The clinician's BP page
  cardTitle: 'Readings of the last 14 days',
  cardHint:
    'A reading entered in error is marked so (never edited): it leaves the averages, chart and alerts; a correction is a new reading.',
  markAction: 'Mark as entered in error',
  markLabel: 'Mark the reading {{value}} mmHg of {{time}} as entered in error',
  clinicianTitle: 'Mark this reading as entered in error?',
  clinicianReason: 'Reason (required)',
  clinicianConfirm: 'Mark as entered in error',
  marked: 'Marked as entered in error.',
  alertsNoted: 'Alerts that named it: {{closed}} closed, {{noted}} kept open with a note.',
  none: 'No readings in the last 14 days.',
  reading: 'Reading',
  time: 'Measured',
  category: 'Category',
  action: 'Action',
  back: 'Back',
  reasonRequired: 'Please give a reason.',
  // The alerts inbox
  alertWithdrawn: 'Reading withdrawn as entered in error ({{by}}, {{time}}): {{reason}}',
  alertWithdrawnValue: 'Reading {{value}} mmHg withdrawn as entered in error ({{by}}, {{time}}): {{reason}}',
  // A joined crisis reading, or the reading the clinician's triage line quotes, withdrawn since (issue 20)
  joinedWithdrawn: '{{item}} withdrawn (entered in error)',
  triageReadingWithdrawn: 'reading {{sbp}}/{{dbp}} mmHg withdrawn (entered in error)',
  triageLatest: 'latest reading {{sbp}}/{{dbp}} mmHg ({{time}})',
  byPatient: 'by the patient',
  byCareTeam: 'by the care team',
  // Withdrawn readings in the clinician's list (struck through, in no average)
  withdrawnMark: 'Withdrawn',
  byCareTeamNamed: 'by the care team ({{name}})',
  byUnknown: 'by a record update',
  withdrawnWho: 'Withdrawn {{by}} on {{time}}',
  withdrawnWhoNoTime: 'Withdrawn {{by}}',
};
