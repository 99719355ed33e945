/**
 * What a pharmacist's card carries beside the order (issue 20): the patient's age, sex, latest eGFR and potassium
 * with their dates, allergies and pregnancy status (the context the review engine read), the prescriber's note on
 * the order, and people by display name and role — the prescriber who signed in this system and the reviewer —
 * instead of their usernames.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import type { QueueItem } from '@qihuang/pharmacy-review';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const now = new Date('2026-06-01T08:00:00Z');
const obs = (id: string, code: string, value: object, at: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: 'Patient/pc1' },
  code: { coding: [{ system: 'http://loinc.org', code }] },
  effectiveDateTime: at,
  ...value,
});

describe.each(DATABASE_KINDS)('pharmacy cards on %s', (kind) => {
  let t: TestApp;
  let token = '';
  const get = async (path: string) => {
    const r = await t.request(path, { headers: { Authorization: `Bearer ${token}` } });
    expect(r.status, await r.clone().text()).toBe(200);
    return r.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => now, 'required');
    const db = t.repository.db;
    const doctor = await t.identity.createUser(db, {
      username: 'doctor',
      password: 'doctor-password-1',
      role: 'clinician',
      displayName: '张医生',
    });
    await t.identity.createUser(db, {
      username: 'pharm',
      password: 'pharmacist-pw-1',
      role: 'pharmacist',
      displayName: '药师 王',
    });
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    const resources = [
      {
        resourceType: 'Patient',
        id: 'pc1',
        name: [{ text: 'Chen Jing' }],
        gender: 'female',
        birthDate: '1990-07-15',
      },
      obs('egfr-old', '98979-8', { valueQuantity: { value: 70, unit: 'mL/min/1.73m2' } }, '2026-03-01'),
      obs('egfr-new', '98979-8', { valueQuantity: { value: 52.4, unit: 'mL/min/1.73m2' } }, '2026-05-20'),
      obs('k', '2823-3', { valueQuantity: { value: 5.14, unit: 'mmol/L' } }, '2026-05-21'),
      obs(
        'preg',
        '82810-3',
        { valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '77386006' }] } },
        '2026-05-25',
      ),
      {
        resourceType: 'AllergyIntolerance',
        id: 'al1',
        patient: { reference: 'Patient/pc1' },
        code: { text: 'Penicillin' },
      },
      {
        resourceType: 'MedicationRequest',
        id: 'mr-card',
        status: 'active',
        intent: 'order',
        subject: { reference: 'Patient/pc1' },
        medicationCodeableConcept: { text: 'nifedipine 30 mg qd' },
        authoredOn: '2026-06-01T07:00:00Z',
        requester: { reference: `Practitioner/user-${doctor.id}`, display: 'doctor' },
        note: [{ text: 'Switch from labetalol: not tolerated.' }],
      },
    ];
    for (const r of resources) await t.repository.update(system, r.resourceType, r.id, r);
    const login = await t.request('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'pharm', password: 'pharmacist-pw-1' }),
      headers: { 'content-type': 'application/json' },
    });
    token = ((await login.json()) as { access_token: string }).access_token;
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('shows the patient context, the prescriber’s note and the prescriber by name and role', async () => {
    const { items } = (await get('/api/pharmacy/queue?lang=en')) as { items: QueueItem[] };
    const item = items.find((i) => i.id === 'mr-card')!;
    expect(item.patient).toEqual({
      id: 'pc1',
      name: 'Chen Jing',
      ageYears: 35,
      sex: 'female',
      egfr: { value: 52, unit: 'mL/min/1.73 m²', at: '2026-05-20' },
      potassium: { value: 5.1, unit: 'mmol/L', at: '2026-05-21' },
      allergies: ['Penicillin'],
      pregnant: true,
    });
    expect(item.note).toBe('Switch from labetalol: not tolerated.');
    expect(item.requester).toBe('张医生');
    expect(item.requesterRole).toBe('clinician');
  });

  it('names the reviewer by display name and role once reviewed (the record keeps the username)', async () => {
    const r = await t.request('/api/pharmacy/queue/mr-card/return?lang=zh-CN', {
      method: 'POST',
      body: JSON.stringify({ reason: '妊娠期请核对剂量' }),
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    expect(r.status, await r.clone().text()).toBe(200);
    const answer = (await r.json()) as QueueItem;
    expect(answer.review.by).toBe('pharm');
    expect(answer.reviewer).toEqual({ name: '药师 王', role: 'pharmacist' });
    const { items } = (await get('/api/pharmacy/queue?status=returned&lang=zh-CN')) as { items: QueueItem[] };
    expect(items[0]!.reviewer).toEqual({ name: '药师 王', role: 'pharmacist' });
    expect(items[0]!.requester).toBe('张医生');
  });
});
