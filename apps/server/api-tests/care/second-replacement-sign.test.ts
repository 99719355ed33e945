/**
 * A second pending replacement of one order is never signed (issue 20/19, SAFETY; a non-author try on demo data: a
 * chlorthalidone switch awaiting the pharmacist replaced hydrochlorothiazide 25 mg; a hydrochlorothiazide 12.5 mg
 * dose change of the same order was refused in English under `?lang=zh` without acknowledgements, and with the
 * findings acknowledged it was signed and went to the pharmacist too). Now signing is refused (409) in the request's
 * language whatever is acknowledged, telling the prescriber to withdraw one; once the other is withdrawn it signs.
 * The acknowledgement refusal speaks the request's language too. Through POST /api/care/prescriptions/:id/sign on
 * PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { AWAITING_REVIEW_REASON } from '@qihuang/pharmacy-review';
import type { FhirResource } from '@qihuang/store';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

function order(id: string, patient: string, drug: string, name: string, mg: number, extra = {}) {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    authoredOn: '2025-06-01T00:00:00Z',
    medicationCodeableConcept: {
      text: `${name} ${mg} mg`,
      coding: [{ system: 'urn:qihuang:drug', code: drug, display: name }],
    },
    subject: { reference: `Patient/${patient}` },
    dosageInstruction: [
      {
        text: `${mg} mg once daily`,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', code: 'mg' } }],
      },
    ],
    ...extra,
  } as unknown as FhirResource;
}
const replacing = (prior: string) => ({ priorPrescription: { reference: `MedicationRequest/${prior}` } });
const awaiting = {
  status: 'draft',
  statusReason: AWAITING_REVIEW_REASON,
  authoredOn: '2026-03-10T02:00:00Z',
};
const unsigned = { status: 'draft', intent: 'proposal', authoredOn: '2026-03-10T03:00:00Z' };

interface Draft {
  id: string;
  findings: { id: string; severity: string }[];
}

describe.each(DATABASE_KINDS)('signing a second pending replacement on %s', (kind) => {
  let t: TestApp;
  let doctor = '';
  const call = (
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ) =>
    t.request(path, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${doctor}`,
        ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
  const sign = (id: string, acknowledge: string[], query = '', headers: Record<string, string> = {}) =>
    call(`/api/care/prescriptions/${id}/sign${query}`, { method: 'POST', json: { acknowledge }, headers });
  const critical = async (patient: string, id: string) => {
    const r = await call(`/api/care/patients/${patient}/drafts?lang=en`);
    expect(r.status).toBe(200);
    const draft = ((await r.json()) as { drafts: Draft[] }).drafts.find((d) => d.id === id)!;
    return draft.findings.filter((f) => f.severity === 'critical').map((f) => f.id);
  };
  const read = (id: string) =>
    t.repository.read(system, 'MedicationRequest', id) as Promise<
      FhirResource & { status?: string; intent?: string; statusReason?: unknown }
    >;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW, 'required');
    doctor = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    for (const id of ['sp', 'kk']) {
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'male',
        birthDate: '1958-01-01',
        name: [{ text: id }],
      });
    }
    const orders = [
      order('sp-hctz', 'sp', 'hydrochlorothiazide', 'Hydrochlorothiazide', 25),
      order('sp-ctd', 'sp', 'chlorthalidone', 'Chlorthalidone', 12.5, {
        ...awaiting,
        ...replacing('sp-hctz'),
      }),
      order('sp-half', 'sp', 'hydrochlorothiazide', 'Hydrochlorothiazide', 12.5, {
        ...unsigned,
        ...replacing('sp-hctz'),
      }),
      order('kk-ena', 'kk', 'enalapril', 'Enalapril', 10),
      order('kk-spiro', 'kk', 'spironolactone', 'Spironolactone', 20, unsigned),
    ];
    for (const o of orders) await t.repository.update(system, 'MedicationRequest', String(o.id), o);
    // K⁺ 5.4 mmol/L: starting spironolactone beside enalapril is a critical finding (raas-potassium).
    await t.repository.update(system, 'Observation', 'kk-k', {
      resourceType: 'Observation',
      id: 'kk-k',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }], text: 'Potassium' },
      subject: { reference: 'Patient/kk' },
      effectiveDateTime: '2026-03-09T01:00:00Z',
      valueQuantity: { value: 5.4, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
    });
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('the draft lists the critical finding, and signing without acknowledgements is refused in Chinese (?lang=zh, Accept-Language zh-CN)', async () => {
    expect((await critical('sp', 'sp-half')).join(' ')).toContain('pending-changes-same-order');
    for (const [query, headers] of [
      ['?lang=zh', {}],
      ['', { 'accept-language': 'zh-CN,zh;q=0.9' }],
    ] as const) {
      const r = await sign('sp-half', [], query, headers);
      expect(r.status).toBe(409);
      const text = await r.text();
      expect(text).toContain('不能签署');
      expect(text).toContain('请撤回其中一个');
      expect(text).not.toMatch(/Acknowledge|cannot be signed/);
    }
  });

  it('with every critical finding acknowledged it is still refused (409, in English under ?lang=en) and not sent to the pharmacist', async () => {
    const acknowledge = await critical('sp', 'sp-half');
    expect(acknowledge.length).toBeGreaterThan(0);
    const en = await sign('sp-half', acknowledge, '?lang=en');
    expect(en.status).toBe(409);
    const text = await en.text();
    expect(text).toContain('cannot be signed');
    expect(text).toContain('withdraw one of them');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    const zh = await sign('sp-half', acknowledge, '?lang=zh');
    expect(zh.status).toBe(409);
    expect(await zh.text()).toContain('不能签署');
    const still = await read('sp-half');
    expect(still.status).toBe('draft');
    expect(still.intent).toBe('proposal');
    expect(still.statusReason).toBeUndefined();
    expect((await read('sp-ctd')).status).toBe('draft');
    expect((await read('sp-hctz')).status).toBe('active');
  });

  it('once the other change is withdrawn it signs and goes to the pharmacist', async () => {
    const withdrawn = await call('/api/care/prescriptions/sp-ctd/cancel?lang=en', { method: 'POST' });
    expect(withdrawn.status, await withdrawn.clone().text()).toBe(200);
    const acknowledge = await critical('sp', 'sp-half');
    expect(acknowledge.join(' ')).not.toContain('pending-changes-same-order');
    const r = await sign('sp-half', acknowledge, '?lang=en');
    expect(r.status, await r.clone().text()).toBe(200);
    expect((await read('sp-half')).intent).toBe('order');
  });

  it('the acknowledgement refusal speaks the request language', async () => {
    const ids = await critical('kk', 'kk-spiro');
    expect(ids.join(' ')).toContain('raas-potassium');
    const zh = await sign('kk-spiro', [], '?lang=zh');
    expect(zh.status).toBe(409);
    const text = await zh.text();
    expect(text).toContain('签署前请先确认严重审核问题');
    expect(text).not.toContain('Acknowledge');
    // The finding ids stay in the issues: the console unticks what was not acknowledged.
    expect(text).toContain(ids[0]!);
    const en = await sign('kk-spiro', [], '?lang=en');
    expect(await en.text()).toContain('Acknowledge the critical review findings before signing');
  });
});
