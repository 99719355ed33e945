/**
 * Signing with pharmacy review configured (docs/decisions/0017): the signed order awaits the pharmacist — still
 * `draft` (not actionable), intent `order`, statusReason awaiting-pharmacist-review — and the order it replaces
 * stays active, so nothing shows it as the patient's medication (medicines, care plan) until approval; without
 * review configured signing is unchanged. The signer is named by display name. The care plan's 当前用药 is the
 * patient's active orders when read, so an approved change appears in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal, type RequestContext } from '@qihuang/contracts';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { identityDb } from '@qihuang/identity';
import { createPharmacyReviewRoutes, isAwaitingReview } from '@qihuang/pharmacy-review';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database, type FhirResource } from '@qihuang/store';
import type { CareDeps } from './deps.ts';
import type { CareSettings } from './settings.ts';
import { activeMedications, getCarePlan, upsertCarePlan } from './management.ts';
import { PROPOSAL_TAG, listDrafts } from './prescriptions.ts';
import { signPrescription } from './sign.ts';
import { needsPrescriber, unsignedProposals } from './draft-state.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system: RequestContext = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const DOCTOR: Principal = {
  id: 'u-doc',
  kind: 'user',
  username: 'doc',
  role: 'clinician',
  scopes: ['user/*.*'],
};
const doctor: RequestContext = { requestId: 'doc', principal: DOCTOR };
const pharmacist: RequestContext = {
  requestId: 'rx',
  principal: {
    id: 'u-rx',
    kind: 'user',
    username: 'rx',
    role: 'pharmacist',
    scopes: ['user/*.read', 'user/MedicationRequest.write'],
  },
};

function amlodipine(id: string, patient: string, mg: number, extra: Record<string, unknown>) {
  return {
    resourceType: 'MedicationRequest',
    id,
    intent: 'order',
    medicationCodeableConcept: {
      text: `Amlodipine ${mg} mg`,
      coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
    },
    subject: { reference: `Patient/${patient}` },
    dosageInstruction: [
      {
        text: `${mg} mg once daily`,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          { doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
        ],
      },
    ],
    ...extra,
  };
}

describe.each(DATABASE_KINDS)('signing with and without pharmacy review on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const drugs = createDrugKnowledgeBase();
  const depsOf = (pharmacyReview: boolean): CareDeps & CareSettings => ({
    db: database.db,
    repository: repo,
    drugs,
    model: { name: 'none', configured: () => false, chat: () => Promise.reject(new Error('no model')) },
    audit: async () => {},
    clock: () => NOW,
    pharmacyReview,
  });
  const status = async (id: string) =>
    ((await repo.read(system, 'MedicationRequest', id)) as { status?: string }).status;

  /** Patient on amlodipine 5 mg; an unsigned proposal to change it to 10 mg. */
  async function seed(id: string) {
    await repo.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'female',
      birthDate: '1966-05-01',
    });
    await repo.update(
      system,
      'MedicationRequest',
      `${id}-5`,
      amlodipine(`${id}-5`, id, 5, { status: 'active', authoredOn: '2026-02-01T02:00:00Z' }),
    );
    await repo.update(
      system,
      'MedicationRequest',
      `${id}-10`,
      amlodipine(`${id}-10`, id, 10, {
        status: 'draft',
        intent: 'proposal',
        meta: { tag: [PROPOSAL_TAG] },
        authoredOn: '2026-03-10T03:00:00Z',
        priorPrescription: { reference: `MedicationRequest/${id}-5`, display: 'Amlodipine 5 mg' },
      }),
    );
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { clock: () => NOW });
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
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    for (const p of ['p-review', 'p-plain', 'p-ret']) await seed(p);
  }, 120_000);
  afterAll(async () => database?.close());

  it('with review: the signed change awaits the pharmacist and the current order stays the medication', async () => {
    const deps = depsOf(true);
    await upsertCarePlan(deps, doctor, 'p-review', 'china-2018');
    const view = await signPrescription(deps, doctor, 'p-review-10', [], 'zh');
    expect(view).toMatchObject({ status: 'draft', awaitingReview: true, signedBy: '李医生' });
    const stored = await repo.read(system, 'MedicationRequest', 'p-review-10');
    expect(stored).toMatchObject({ status: 'draft', intent: 'order' });
    expect(isAwaitingReview(stored)).toBe(true);
    expect(await status('p-review-5')).toBe('active');
    expect((await activeMedications(deps, doctor, 'p-review')).map((m) => m.id)).toEqual(['p-review-5']);
    expect((await getCarePlan(deps, doctor, 'p-review'))?.medications.map((m) => m.id)).toEqual([
      'p-review-5',
    ]);
    const listed = (await listDrafts(deps, doctor, 'p-review', 'zh')).drafts;
    expect(listed.find((d) => d.id === 'p-review-10')).toMatchObject({ awaitingReview: true });
    // Signed once: not signed again while the pharmacist has it.
    await expect(signPrescription(deps, doctor, 'p-review-10', [])).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(needsPrescriber(stored)).toBe(false);
    expect(unsignedProposals([stored])).toEqual([]);
    const practitioner = await repo.read(system, 'Practitioner', 'user-u-doc');
    expect((practitioner as { name?: { text?: string }[] }).name?.[0]?.text).toBe('李医生');
  });

  it('with review: approval makes it the medication and the care plan shows it without re-saving', async () => {
    const deps = depsOf(true);
    const routes = createPharmacyReviewRoutes({
      repository: repo,
      context: () => pharmacist,
      drugs,
      clock: () => NOW,
    });
    const response = await routes.request('/queue/p-review-10/approve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await status('p-review-10')).toBe('active');
    expect(await status('p-review-5')).toBe('stopped');
    const meds = await activeMedications(deps, doctor, 'p-review');
    expect(meds).toEqual([expect.objectContaining({ id: 'p-review-10', signedBy: '李医生' })]);
    expect((await getCarePlan(deps, doctor, 'p-review'))?.medications.map((m) => m.id)).toEqual([
      'p-review-10',
    ]);
  });

  it('a returned signed order goes back to the prescriber (counted, re-signable)', async () => {
    const deps = depsOf(true);
    await signPrescription(deps, doctor, 'p-ret-10', []);
    const routes = createPharmacyReviewRoutes({
      repository: repo,
      context: () => pharmacist,
      drugs,
      clock: () => NOW,
    });
    const response = await routes.request('/queue/p-ret-10/return', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Ankle oedema: check first' }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const returned = await repo.read(system, 'MedicationRequest', 'p-ret-10');
    expect(needsPrescriber(returned)).toBe(true);
    expect(await status('p-ret-5')).toBe('active');
    const again = await signPrescription(deps, doctor, 'p-ret-10', []);
    expect(again).toMatchObject({ status: 'draft', awaitingReview: true });
    expect(again.returned).toBeUndefined();
    expect(isAwaitingReview(await repo.read(system, 'MedicationRequest', 'p-ret-10'))).toBe(true);
  });

  it('without review: signing makes it active and stops the order it replaces, as before', async () => {
    const deps = depsOf(false);
    const view = await signPrescription(deps, doctor, 'p-plain-10', []);
    expect(view).toMatchObject({ status: 'active', signedBy: '李医生' });
    expect(view.awaitingReview).toBeUndefined();
    expect(await status('p-plain-5')).toBe('stopped');
  });

  it('counts as needing the prescriber: unsigned proposals and returned orders, not those with the pharmacist', () => {
    const unsigned = {
      resourceType: 'MedicationRequest',
      id: 'a',
      status: 'draft',
      intent: 'proposal',
      meta: { tag: [PROPOSAL_TAG] },
    };
    const demoReturned = {
      resourceType: 'MedicationRequest',
      id: 'b',
      status: 'draft',
      intent: 'order',
      extension: [
        { url: 'urn:qihuang:pharmacy-review', extension: [{ url: 'state', valueCode: 'returned' }] },
      ],
    };
    expect(needsPrescriber(unsigned as FhirResource)).toBe(true);
    expect(needsPrescriber(demoReturned as FhirResource)).toBe(true);
    expect(needsPrescriber({ ...unsigned, status: 'active' } as FhirResource)).toBe(false);
    expect(
      unsignedProposals([unsigned, { ...demoReturned, meta: { tag: [PROPOSAL_TAG] } }] as FhirResource[]).map(
        (d) => d.id,
      ),
    ).toEqual(['a']);
  });
});
