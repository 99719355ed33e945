/**
 * PATCH /api/care/prescriptions/{id} (issue 20): a clinician edits a draft's dose, frequency, days and quantity;
 * bad input answers 400 and changes nothing (zod, and a dose above the drug's maximum daily dose refused with the
 * reason and its source, decision 0019); only clinicians, only drafts not with the pharmacist; the review runs
 * again (the card's findings follow the new dose); Provenance and audit are written; a returned order becomes
 * unsigned again. On PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { SYSTEM_PRINCIPAL, type AuditRecord, type Principal, type RequestContext } from '@qihuang/contracts';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { errorHandler } from '@qihuang/http-edge';
import { createPharmacyReviewRoutes, isAwaitingReview } from '@qihuang/pharmacy-review';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import type { DraftView } from './api-types/index.ts';
import type { CareDeps } from './deps.ts';
import type { CareSettings } from './settings.ts';
import { PROPOSAL_TAG } from './prescriptions.ts';
import { createCareRoutes } from './routes.ts';
import { signPrescription } from './sign.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system: RequestContext = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const user = (id: string, role: string): Principal =>
  ({
    id,
    kind: 'user',
    username: id,
    role,
    scopes: ['user/*.*'],
  }) as Principal;
const DOCTOR = user('u-doc', 'clinician');
const NURSE = user('u-nurse', 'nurse');

function draft(id: string, patient: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'proposal',
    meta: { tag: [PROPOSAL_TAG] },
    authoredOn: '2026-03-10T03:00:00Z',
    medicationCodeableConcept: {
      text: 'Amlodipine 5 mg',
      coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
    },
    subject: { reference: `Patient/${patient}` },
    dosageInstruction: [
      {
        text: '5 mg once daily',
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006' }] },
        doseAndRate: [
          { doseQuantity: { value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
        ],
      },
    ],
    ...extra,
  };
}

describe.each(DATABASE_KINDS)('editing a prescription draft on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const audits: AuditRecord[] = [];
  let principal: Principal = DOCTOR;
  const drugs = createDrugKnowledgeBase();
  let deps: CareDeps & CareSettings;
  let app: Hono;

  const patch = (id: string, body: unknown, lang = 'zh') =>
    app.request(`/api/care/prescriptions/${id}?lang=${lang}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const stored = async (id: string) =>
    (await repo.read(system, 'MedicationRequest', id)) as Record<string, unknown>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { clock: () => NOW });
    deps = {
      db: database.db,
      repository: repo,
      drugs,
      model: { name: 'none', configured: () => false, chat: () => Promise.reject(new Error('no model')) },
      audit: async (_ctx, record) => void audits.push(record),
      clock: () => NOW,
      pharmacyReview: true,
    };
    app = new Hono();
    app.onError(errorHandler());
    app.route('/api/care', createCareRoutes({ ...deps, context: () => ({ requestId: 'r', principal }) }));
    await repo.update(system, 'Patient', 'p1', {
      resourceType: 'Patient',
      id: 'p1',
      gender: 'female',
      birthDate: '1966-05-01',
    });
    await repo.update(system, 'MedicationRequest', 'd1', draft('d1', 'p1'));
    await repo.update(system, 'MedicationRequest', 'd2', draft('d2', 'p1'));
    await repo.update(system, 'MedicationRequest', 'd3', draft('d3', 'p1'));
    await repo.update(system, 'Patient', 'p2', {
      resourceType: 'Patient',
      id: 'p2',
      gender: 'male',
      birthDate: '1950-01-01',
    });
    await repo.update(system, 'MedicationRequest', 'd4', draft('d4', 'p2'));
  }, 120_000);
  afterAll(async () => database?.close());

  it('edits dose, frequency and days: quantity in tablets, dispenseRequest, review re-run, Provenance and audit', async () => {
    const response = await patch('d1', { dose: { value: 10, unit: 'mg' }, durationDays: 28 });
    expect(response.status, await response.clone().text()).toBe(200);
    const view = (await response.json()) as DraftView;
    expect(view).toMatchObject({
      id: 'd1',
      status: 'draft',
      dosage: '口服 10 mg，每日一次',
      supply: { quantity: '28 片', days: 28 },
      edit: { dose: { value: 10, unit: 'mg' }, frequency: 'qd', durationDays: 28, quantity: 28 },
      signing: { dose: '10 mg', frequency: '每日一次', pharmacistReview: true },
    });
    expect(view.display).toMatch(/氨氯地平 10 mg/);
    const mr = await stored('d1');
    expect(mr.dispenseRequest).toMatchObject({
      quantity: { value: 28, code: '{tbl}' },
      expectedSupplyDuration: { value: 28, code: 'd' },
      numberOfRepeatsAllowed: 0,
    });
    expect((mr.medicationCodeableConcept as { text: string }).text).toBe('Amlodipine 10 mg');
    const provenance = await repo.searchAll(system, 'Provenance', [['target', 'MedicationRequest/d1']]);
    expect(provenance.map((p) => (p as { activity?: { text?: string } }).activity?.text)).toEqual([
      expect.stringMatching(/edited the prescription draft: 10 mg once daily, 28 days, quantity 28/),
    ]);
    expect(audits.at(-1)).toMatchObject({ query: 'edit-prescription-draft', resourceId: 'd1' });
  });

  it("the review runs again on the edited dose: an older patient's start-dose finding comes and goes", async () => {
    const ids = async (body: unknown) =>
      ((await (await patch('d4', body)).json()) as DraftView).findings.map((f) => f.id).join(' ');
    // Amlodipine in a 76-year-old: 5 mg is above the labelled elderly start of 2.5 mg (info finding).
    expect(await ids({ dose: { value: 5, unit: 'mg' } })).toMatch(/dose-elderly-start/);
    expect(await ids({ dose: { value: 2.5, unit: 'mg' } })).not.toMatch(/dose-elderly-start/);
  });

  it('refuses above the maximum daily dose with the reason and its source, and changes nothing', async () => {
    const before = await stored('d3');
    const response = await patch('d3', { dose: { value: 10, unit: 'mg' }, frequency: 'bid' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toBe(
      '氨氯地平每日 20 mg，超过最大日剂量 10 mg（氨氯地平（Norvasc）美国说明书 第 2.1 节）：未保存修改',
    );
    expect(body.error.message).not.toMatch(/§|REFERENCE/);
    const en = (await (await patch('d3', { dose: { value: 15, unit: 'mg' } }, 'en')).json()) as {
      error: { message: string };
    };
    expect(en.error.message).toMatch(
      /above the maximum daily dose of 10 mg \(Amlodipine \(Norvasc\) US label section 2\.1\)/,
    );
    expect(await stored('d3')).toEqual(before);
  });

  it('bad input is a 400 and changes nothing: unknown field, wrong unit, zero, days out of range, empty body', async () => {
    const before = await stored('d3');
    for (const body of [
      { dose: { value: 5, unit: 'mg' }, route: 'iv' },
      { dose: { value: 5, unit: 'g' } },
      { dose: { value: 0, unit: 'mg' } },
      { durationDays: 0 },
      { durationDays: 85 },
      { frequency: 'q2d' },
      { quantity: 2.5 },
      {},
    ]) {
      const response = await patch('d3', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    expect(await stored('d3')).toEqual(before);
  });

  it('only a clinician edits, and only a draft not with the pharmacist', async () => {
    principal = NURSE;
    expect((await patch('d3', { frequency: 'qn' })).status).toBe(403);
    principal = DOCTOR;
    await signPrescription(deps, { requestId: 's', principal: DOCTOR }, 'd3', []);
    const response = await patch('d3', { frequency: 'qn' });
    expect(response.status).toBe(409);
    expect(JSON.stringify(await response.json())).toMatch(/care\.awaiting-review/);
    expect((await patch('nope', { frequency: 'qn' })).status).toBe(404);
  });

  it('an order the pharmacist returned is edited into an unsigned draft, signed again', async () => {
    const signed = await stored('d3');
    expect(isAwaitingReview(signed as never)).toBe(true);
    const routes = createPharmacyReviewRoutes({
      repository: repo,
      context: () => ({
        requestId: 'rx',
        principal: { ...user('u-rx', 'pharmacist'), scopes: ['user/*.read', 'user/MedicationRequest.write'] },
      }),
      drugs,
      clock: () => NOW,
    });
    const returned = await routes.request('/queue/d3/return', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Ankle oedema: lower the dose' }),
    });
    expect(returned.status, await returned.clone().text()).toBe(200);
    const response = await patch('d3', {
      dose: { value: 2.5, unit: 'mg' },
      frequency: 'qn',
      durationDays: 14,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const view = (await response.json()) as DraftView;
    expect(view.returned).toBeUndefined();
    expect(view.awaitingReview).toBeUndefined();
    expect(view.signedBy).toBeUndefined();
    expect(view).toMatchObject({ dosage: '口服 2.5 mg，每晚一次', supply: { quantity: '14 片', days: 14 } });
    const mr = await stored('d3');
    expect(mr.intent).toBe('proposal');
    expect(mr.requester).toBeUndefined();
    const again = await signPrescription(deps, { requestId: 's', principal: DOCTOR }, 'd3', [], 'zh');
    expect(again).toMatchObject({ awaitingReview: true });
  });
});
