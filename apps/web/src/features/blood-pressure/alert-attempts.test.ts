import { describe, expect, it } from 'vitest';
import type { BpAlert } from '../../api/bp.ts';
import { inboxAfterAnswer, needsPatientReached, submitCloses } from './alert-attempts.ts';
import i18next from 'i18next';
import { enAlertAttempt, zhCNAlertAttempt } from '../../i18n/alert-attempt-words.ts';

const chestPain: BpAlert = {
  id: 'a1',
  patientId: 'p',
  status: 'active',
  kind: 'reported-emergency',
  severity: 'critical',
  summary: { zh: '患者报告急症：胸痛/胸闷', en: 'Reported emergency: chest pain' },
  createdAt: '2026-03-10T12:00:00.000Z',
  readings: [],
  values: {},
  rule: '',
  source: '',
};
const attempt = {
  by: 'nurse',
  at: '2026-03-10T12:05:00.000Z',
  contactedBy: '王护士',
  contactedAt: '2026-03-10T12:05:00.000Z',
  method: 'phone' as const,
  action: '电话未接通',
};

const i18n = i18next.createInstance();
await i18n.init({
  resources: {
    en: { translation: { alertAttempt: enAlertAttempt } },
    'zh-CN': { translation: { alertAttempt: zhCNAlertAttempt } },
  },
});

describe('a patient not reached is not handled (decision 0026, issue 20)', () => {
  it('the form closes a critical or same-day alert only when reached or handed over', () => {
    expect(submitCloses(chestPain, 'no', '')).toBe(false);
    expect(submitCloses(chestPain, 'no', 'ambulance')).toBe(true);
    expect(submitCloses(chestPain, 'no', 'emergency-department')).toBe(true);
    expect(submitCloses(chestPain, 'yes', '')).toBe(true);
    // Nothing chosen yet: the usual 'Close alert', and the form asks whether the patient was reached.
    expect(submitCloses(chestPain, '', '')).toBe(true);
    expect(submitCloses({ severity: 'warning', kind: 'reported-urgent' }, 'no', '')).toBe(false);
    expect(needsPatientReached({ severity: 'warning', kind: 'missed-measurements' })).toBe(false);
    expect(submitCloses({ severity: 'warning', kind: 'sustained-above-target' }, 'no', '')).toBe(true);
  });

  it('an answer still active keeps the card in the inbox with its attempts; a closed one leaves', () => {
    const other = { ...chestPain, id: 'a2' };
    const kept = inboxAfterAnswer(
      { arrived: [other], done: new Set() },
      { ...chestPain, attempts: [attempt] },
    );
    expect(kept.done.has('a1')).toBe(false);
    expect(kept.arrived.find((a) => a.id === 'a1')?.attempts).toEqual([attempt]);
    // Updated in place when it is already there (a second attempt).
    const again = inboxAfterAnswer(kept, { ...chestPain, attempts: [attempt, attempt] });
    expect(again.arrived.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(again.arrived[0]!.attempts).toHaveLength(2);
    const closed = inboxAfterAnswer(again, { ...chestPain, status: 'inactive' });
    expect(closed.done.has('a1')).toBe(true);
  });

  it('says the alert stays open, in each language', () => {
    expect(i18n.t('alertAttempt.submitAttempt', { lng: 'zh-CN' })).toBe('记录联系尝试');
    expect(i18n.t('alertAttempt.attempts', { lng: 'zh-CN', count: 2 })).toBe('已联系 2 次，未联系到患者');
    expect(i18n.t('alertAttempt.attempts', { lng: 'en', count: 1 })).toBe(
      '1 contact attempt, patient not reached',
    );
    expect(i18n.t('alertAttempt.staysOpen', { lng: 'zh-CN' })).not.toMatch(/[(),:;]/);
  });
});
