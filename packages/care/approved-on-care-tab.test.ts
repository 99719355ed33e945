/**
 * After the pharmacist approves, the order stays on the care tab with who approved it and when (and the console
 * offers its slip), and the supply it carries (天数 / 总量) shows on the pharmacist's card in the card's language
 * (issue 20 try). A finding that appears after the approval — a potassium of 5.8 the next day on losartan (K⁺ >5.5:
 * reduce or stop the RAAS blocker, REFERENCE §5.3) — is marked as such on both the care tab and the pharmacist's
 * approved card, with the result's time, instead of reading as approved over. PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { identityDb } from '@qihuang/identity';
import { createPharmacyReviewRoutes, type QueueAnswer } from '@qihuang/pharmacy-review';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import type { CareDeps } from './deps.ts';
import type { CareSettings } from './settings.ts';
import { PROPOSAL_TAG, listDrafts } from './prescriptions.ts';
import { signPrescription } from './sign.ts';
import { doctorContext, pharmacistContext, systemContext } from './test-support/contexts.ts';

const APPROVED = new Date('2026-03-10T04:00:00Z');
const system = systemContext;
const doctor = doctorContext;
const pharmacist = pharmacistContext;
const UCUM = 'http://unitsofmeasure.org';

describe.each(DATABASE_KINDS)('an approved order on the care tab and the pharmacist card on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  let now = new Date('2026-03-10T03:00:00Z');
  const drugs = createDrugKnowledgeBase();
  const deps = (): CareDeps & CareSettings => ({
    db: database.db,
    repository: repo,
    drugs,
    model: { name: 'none', configured: () => false, chat: () => Promise.reject(new Error('no model')) },
    audit: async () => {},
    clock: () => now,
    pharmacyReview: true,
  });
  const routes = () =>
    createPharmacyReviewRoutes({ repository: repo, context: () => pharmacist, drugs, clock: () => now });
  const queue = async (status: string, lang: string) =>
    (await (await routes().request(`/queue?status=${status}&lang=${lang}`)).json()) as QueueAnswer;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { clock: () => now });
    await identityDb(database.db)
      .insertInto('identity_user')
      .values({
        id: 'u-doc',
        username: 'doc',
        display_name: '李医生',
        role: 'clinician',
        password_hash: 'not-a-login',
        patient_id: null,
        disabled: false,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await repo.update(system, 'Patient', 'p-appr', {
      resourceType: 'Patient',
      id: 'p-appr',
      gender: 'male',
      birthDate: '1960-02-01',
    });
    await repo.update(system, 'MedicationRequest', 'p-appr-los', {
      resourceType: 'MedicationRequest',
      id: 'p-appr-los',
      status: 'draft',
      intent: 'proposal',
      meta: { tag: [PROPOSAL_TAG] },
      authoredOn: '2026-03-10T02:30:00Z',
      medicationCodeableConcept: {
        text: 'Losartan 50 mg',
        coding: [{ system: 'urn:qihuang:drug', code: 'losartan', display: 'Losartan' }],
      },
      subject: { reference: 'Patient/p-appr' },
      dosageInstruction: [
        {
          text: '50 mg once daily',
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
          doseAndRate: [{ doseQuantity: { value: 50, unit: 'mg', system: UCUM, code: 'mg' } }],
        },
      ],
      dispenseRequest: {
        quantity: { value: 28, unit: 'tablet', system: UCUM, code: '{tbl}' },
        expectedSupplyDuration: { value: 28, unit: 'days', system: UCUM, code: 'd' },
        numberOfRepeatsAllowed: 0,
      },
    });
  }, 120_000);
  afterAll(async () => database?.close());

  it('the pharmacist card carries the supply in the card language; approved, the care tab keeps the order', async () => {
    await signPrescription(deps(), doctor, 'p-appr-los', [], 'zh');
    const pendingZh = (await queue('pending', 'zh-CN')).items.find((i) => i.id === 'p-appr-los');
    expect(pendingZh?.supply).toEqual({ days: 28, quantity: '28 片' });
    const pendingEn = (await queue('pending', 'en')).items.find((i) => i.id === 'p-appr-los');
    expect(pendingEn?.supply).toEqual({ days: 28, quantity: '28 tablets' });

    now = APPROVED;
    const approve = await routes().request('/queue/p-appr-los/approve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(approve.status, await approve.clone().text()).toBe(200);
    const listed = (await listDrafts(deps(), doctor, 'p-appr', 'zh')).drafts;
    const card = listed.find((d) => d.id === 'p-appr-los');
    expect(card).toMatchObject({
      status: 'active',
      approved: { at: APPROVED.toISOString() },
      supply: { quantity: '28 片', days: 28 },
      signedBy: '李医生',
    });
    expect(card?.findings).toEqual([]);
  });

  it('a potassium of 5.8 the next day: the finding says it appeared after the approval, with the result time', async () => {
    now = new Date('2026-03-11T02:00:00Z');
    await repo.update(system, 'Observation', 'p-appr-k', {
      resourceType: 'Observation',
      id: 'p-appr-k',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] },
      subject: { reference: 'Patient/p-appr' },
      effectiveDateTime: '2026-03-11T01:30:00Z',
      valueQuantity: { value: 5.8, unit: 'mmol/L', system: UCUM, code: 'mmol/L' },
    });
    const card = (await listDrafts(deps(), doctor, 'p-appr', 'en')).drafts.find((d) => d.id === 'p-appr-los');
    const k = card?.findings.find((f) => f.summary.en.includes('5.8'));
    expect(k?.afterApproval).toEqual({ at: '2026-03-11T01:30:00Z' });
    const approved = (await queue('approved', 'zh-CN')).items.find((i) => i.id === 'p-appr-los');
    const rxK = approved?.findings.find((f) => f.summary.includes('5.8'));
    expect(rxK?.afterApproval).toEqual({ at: '2026-03-11T01:30:00Z' });
    // Nothing the pharmacist saw is marked: the approval recorded no findings, so only the new one is.
    expect(approved?.findings.every((f) => f.afterApproval)).toBe(true);
  });

  it('an order approved more than 30 days ago is no longer listed on the care tab', async () => {
    now = new Date('2026-04-10T04:00:01Z');
    const listed = (await listDrafts(deps(), doctor, 'p-appr', 'en')).drafts;
    expect(listed.map((d) => d.id)).not.toContain('p-appr-los');
  });
});
