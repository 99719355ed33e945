/** The strings of a contact that did not reach the patient (decision 0026), registered by alert-attempts.ts. */
export const enAlertAttempt = {
  handover: 'Emergency care sent',
  handovers: {
    none: 'No: record this attempt only (the alert stays open)',
    ambulance: 'Ambulance (120) dispatched to the patient',
    'emergency-department': 'Referred to the emergency department (the patient is there or on the way)',
  },
  staysOpen:
    'The patient was not reached: this attempt is recorded and the alert stays open, its clock running. Try again, or record the emergency care sent.',
  submitAttempt: 'Record the attempt',
  recorded: 'Attempt recorded. The alert stays open: the patient has not been reached.',
  attempts_one: '{{count}} contact attempt, patient not reached',
  attempts_other: '{{count}} contact attempts, patient not reached',
  last: 'last: {{time}}, {{by}}, {{method}}: {{action}}',
  history: 'Attempts',
  item: '{{time}}, {{by}}, {{method}}: {{action}}',
};

export const zhCNAlertAttempt: typeof enAlertAttempt = {
  handover: '是否已转交急救',
  handovers: {
    none: '否：仅记录本次联系尝试（预警保持未处置）',
    ambulance: '已呼叫 120，救护车前往患者处',
    'emergency-department': '已转急诊（患者已在或正前往急诊）',
  },
  staysOpen: '未联系到患者：本次联系尝试将被记录，预警保持未处置并继续计时。请再次联系，或记录已转交的急救。',
  submitAttempt: '记录联系尝试',
  recorded: '联系尝试已记录。未联系到患者，预警仍未处置。',
  attempts_one: '已联系 {{count}} 次，未联系到患者',
  attempts_other: '已联系 {{count}} 次，未联系到患者',
  last: '上次：{{time}}，{{by}}，{{method}}：{{action}}',
  history: '联系记录',
  item: '{{time}}，{{by}}，{{method}}：{{action}}',
};
