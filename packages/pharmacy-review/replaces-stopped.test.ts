/**
 * Issue 20 (non-author try): a switch awaiting the pharmacist whose replaced order a clinician stopped outright
 * after signing showed no warning (approval still goes through: replaced-order.ts allows it on purpose). The
 * card's "replaces" line carries when that order stopped and whether it was replaced or stopped outright, so the
 * pharmacist is told ("the order it replaces was stopped on …").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@qihuang/contracts';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { AWAITING_REVIEW_REASON } from './awaiting-review.ts';
import { createPharmacyReviewRoutes } from './pharmacy-routes.ts';
import type { QueueItem } from './api-types/index.ts';

const SEEDED = new Date('2026-03-09T02:00:00Z');
const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const PHARMACIST: Principal = {
  id: 'u-rx',
  kind: 'user',
  username: 'rx',
  role: 'pharmacist',
  scopes: ['user/*.read', 'user/MedicationRequest.write'],
};

const order = (id: string, text: string, mg: number, extra: Record<string, unknown>) => ({
  resourceType: 'MedicationRequest',
  id,
  intent: 'order',
  authoredOn: '2020-01-01T00:00:00Z',
  medicationCodeableConcept: { text },
  subject: { reference: 'Patient/p' },
  dosageInstruction: [
    {
      text: `${mg} mg once daily`,
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', code: 'mg' } }],
    },
  ],
  ...extra,
});

describe.each(DATABASE_KINDS)('the order a pending switch replaces, stopped outright, on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    let clock = SEEDED;
    repo = new FhirRepository(database.db, { clock: () => clock });
    await repo.update(system, 'Patient', 'p', {
      resourceType: 'Patient',
      id: 'p',
      gender: 'female',
      birthDate: '1950-01-01',
    });
    await repo.update(
      system,
      'MedicationRequest',
      'hctz',
      order('hctz', 'Hydrochlorothiazide 25 mg', 25, { status: 'active' }),
    );
    await repo.update(
      system,
      'MedicationRequest',
      'ctd',
      order('ctd', 'Chlorthalidone 12.5 mg', 12.5, {
        status: 'draft',
        statusReason: AWAITING_REVIEW_REASON,
        authoredOn: '2026-03-09T01:00:00Z',
        priorPrescription: { reference: 'MedicationRequest/hctz', display: 'Hydrochlorothiazide 25 mg' },
      }),
    );
    // A clinician stops the old order outright after the switch was signed.
    clock = new Date('2026-03-09T06:30:00Z');
    await repo.update(
      system,
      'MedicationRequest',
      'hctz',
      order('hctz', 'Hydrochlorothiazide 25 mg', 25, { status: 'stopped' }),
    );
  }, 120_000);
  afterAll(async () => database?.close());

  it('the card says when that order was stopped, and that it was stopped, not replaced', async () => {
    const routes = createPharmacyReviewRoutes({
      repository: repo,
      context: () => ({ requestId: 'rx', principal: PHARMACIST }),
      drugs: createDrugKnowledgeBase(),
      clock: () => NOW,
    });
    const response = await routes.request('/queue?status=all&lang=zh');
    expect(response.status).toBe(200);
    const item = ((await response.json()) as { items: QueueItem[] }).items.find((i) => i.id === 'ctd')!;
    expect(item.replaces).toMatchObject({
      id: 'hctz',
      kind: 'switch',
      status: 'stopped',
      stoppedAt: '2026-03-09T06:30:00.000Z',
      stoppedOutright: true,
    });
  });
});
