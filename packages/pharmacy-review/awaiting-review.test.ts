/**
 * A signed order awaiting the pharmacist's review (docs/decisions/0017): it is in the queue, reviewed without the
 * order it replaces counted as a duplicate; approval makes it active and completes the replaced order in one
 * transaction; a return leaves the replaced order active and the new one a draft back with the prescriber.
 * Orders not signed through care's review path (the demo's) keep their status when approved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@qihuang/contracts';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { AWAITING_REVIEW_REASON, isAwaitingReview } from './awaiting-review.ts';
import { createPharmacyReviewRoutes } from './pharmacy-routes.ts';
import type { QueueItem } from './api-types/index.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const PHARMACIST: Principal = {
  id: 'u-rx',
  kind: 'user',
  username: 'rx',
  role: 'pharmacist',
  scopes: ['user/*.read', 'user/MedicationRequest.write'],
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

describe.each(DATABASE_KINDS)('orders awaiting pharmacist review on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const routes = () =>
    createPharmacyReviewRoutes({
      repository: repo,
      context: () => ({ requestId: 'rx', principal: PHARMACIST }),
      drugs: createDrugKnowledgeBase(),
      clock: () => NOW,
    });
  const post = (path: string, body: unknown) =>
    routes().request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const status = async (id: string) =>
    ((await repo.read(system, 'MedicationRequest', id)) as { status?: string }).status;

  /** Patient `id` on amlodipine 5 mg (active), a signed change to 10 mg awaiting review. */
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
        statusReason: AWAITING_REVIEW_REASON,
        authoredOn: '2026-03-10T03:00:00Z',
        priorPrescription: { reference: `MedicationRequest/${id}-5`, display: 'Amlodipine 5 mg' },
        requester: { reference: 'Practitioner/user-doc', display: '李医生' },
      }),
    );
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { clock: () => NOW });
    // The signer's Practitioner, as care's signing writes it.
    await repo.update(system, 'Practitioner', 'user-doc', {
      resourceType: 'Practitioner',
      id: 'user-doc',
      name: [{ text: '李医生' }],
    });
    await seed('p-approve');
    await seed('p-return');
  }, 120_000);
  afterAll(async () => database?.close());

  it('lists the signed change, reviewed without the order it replaces as a duplicate', async () => {
    const response = await routes().request('/queue?lang=en');
    expect(response.status).toBe(200);
    const items = ((await response.json()) as { items: QueueItem[] }).items;
    const item = items.find((i) => i.id === 'p-approve-10');
    expect(item).toBeDefined();
    expect(item!.findings.filter((f) => /duplicat/i.test(`${f.type} ${f.summary}`))).toEqual([]);
    expect(items.some((i) => i.id === 'p-approve-5')).toBe(false);
  });

  it('approval activates the order and stops the one it replaces together', async () => {
    const response = await post('/queue/p-approve-10/approve', {});
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as QueueItem).status).toBe('active');
    const approved = await repo.read(system, 'MedicationRequest', 'p-approve-10');
    expect((approved as { status?: string }).status).toBe('active');
    expect((approved as { statusReason?: unknown }).statusReason).toBeUndefined();
    expect(isAwaitingReview(approved)).toBe(false);
    expect(await status('p-approve-5')).toBe('stopped');
    // One version each: the review and the status change are one write.
    expect(approved.meta?.versionId).toBe('2');
  });

  it('a return leaves the prior order active and the new one a draft with the prescriber', async () => {
    const response = await post('/queue/p-return-10/return', { reason: 'Check the ankle oedema first' });
    expect(response.status, await response.clone().text()).toBe(200);
    const returned = await repo.read(system, 'MedicationRequest', 'p-return-10');
    expect((returned as { status?: string }).status).toBe('draft');
    expect(isAwaitingReview(returned)).toBe(false);
    expect(JSON.stringify((returned as { statusReason?: unknown }).statusReason)).toContain(
      'returned-by-pharmacist',
    );
    expect(await status('p-return-5')).toBe('active');
  });

  it('an order written elsewhere (draft, no awaiting-review reason) keeps its status when approved', async () => {
    await repo.update(system, 'Patient', 'p-other', { resourceType: 'Patient', id: 'p-other' });
    await repo.update(
      system,
      'MedicationRequest',
      'p-other-los',
      amlodipine('p-other-los', 'p-other', 5, { status: 'draft', authoredOn: '2026-03-10T03:00:00Z' }),
    );
    const response = await post('/queue/p-other-los/approve', {});
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await status('p-other-los')).toBe('draft');
  });
});
