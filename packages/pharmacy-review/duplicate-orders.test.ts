/**
 * Two identical orders awaiting the pharmacist (issue 20, H10; the demo's Mrs Ferry): the duplicate finding read
 * "赖诺普利 10 mg，待药师审核；赖诺普利 10 mg" — which order is which? Each is now named as its card names it: the
 * prescriber and the time written in the hospital's zone, and the one on this card is 本医嘱 / this order. The
 * finding id is unchanged (overrides still match).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@qihuang/contracts';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { AWAITING_REVIEW_REASON } from './awaiting-review.ts';
import { createPharmacyReviewRoutes } from './pharmacy-routes.ts';
import type { QueueItem } from './api-types/index.ts';

const NOW = new Date('2026-12-07T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const PHARMACIST: Principal = {
  id: 'u-rx',
  kind: 'user',
  username: 'rx',
  role: 'pharmacist',
  scopes: ['user/*.read', 'user/MedicationRequest.write'],
};

/** Lisinopril 10 mg signed by `prescriber` at `at` and awaiting the pharmacist. */
const lisinopril = (id: string, prescriber: string, at: string) => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'draft',
  intent: 'order',
  statusReason: AWAITING_REVIEW_REASON,
  authoredOn: at,
  requester: { reference: `Practitioner/${prescriber}` },
  medicationCodeableConcept: {
    text: 'Lisinopril 10 mg oral tablet',
    coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '29046', display: 'lisinopril' }],
  },
  subject: { reference: 'Patient/p-ferry' },
  dosageInstruction: [
    {
      text: '10 mg by mouth once daily',
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      doseAndRate: [{ doseQuantity: { value: 10, unit: 'mg', code: 'mg' } }],
    },
  ],
});

describe.each(DATABASE_KINDS)('two identical orders awaiting the pharmacist on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const card = async (id: string, lang: string): Promise<QueueItem> => {
    const routes = createPharmacyReviewRoutes({
      repository: repo,
      context: () => ({ requestId: 'rx', principal: PHARMACIST }),
      drugs: createDrugKnowledgeBase(),
      clock: () => NOW,
      timeZone: 'Asia/Shanghai',
    });
    const response = await routes.request(`/queue?lang=${lang}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: QueueItem[] }).items.find((i) => i.id === id)!;
  };
  const duplicate = (item: QueueItem) =>
    item.findings.find((f) => f.ruleId === 'duplicate-ingredient-lisinopril')!;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { clock: () => NOW });
    await repo.update(system, 'Patient', 'p-ferry', {
      resourceType: 'Patient',
      id: 'p-ferry',
      gender: 'female',
      birthDate: '1937-05-02',
    });
    for (const [id, family, given] of [
      ['dr-zhang', 'Zhang', 'Wei'],
      ['dr-li', 'Li', 'Min'],
    ] as const)
      await repo.update(system, 'Practitioner', id, {
        resourceType: 'Practitioner',
        id,
        name: [{ family, given: [given], prefix: ['Dr'] }],
      });
    // 08:00 UTC on 6 December is 16:00 in Shanghai; 02:00 UTC on 7 December is 10:00.
    await repo.update(
      system,
      'MedicationRequest',
      'rx-a',
      lisinopril('rx-a', 'dr-zhang', '2026-12-06T08:00:00Z'),
    );
    await repo.update(
      system,
      'MedicationRequest',
      'rx-b',
      lisinopril('rx-b', 'dr-li', '2026-12-07T02:00:00Z'),
    );
  }, 120_000);
  afterAll(async () => database?.close());

  it('names each order by prescriber and time written, as the cards do, and this card’s own as this order', async () => {
    const a = await card('rx-a', 'zh-CN');
    expect(a.requester).toBe('Wei Zhang');
    expect(duplicate(a).summary).toBe(
      '赖诺普利重复用药：共2个医嘱（赖诺普利 10 mg，Min Li 2026-12-07 10:00 开具，待药师审核；' +
        '赖诺普利 10 mg，Wei Zhang 2026-12-06 16:00 开具，本医嘱）',
    );
    const b = await card('rx-b', 'en');
    // (The English order text is the order's own with its dosage, as before.)
    const sig = 'Lisinopril 10 mg oral tablet 10 mg by mouth once daily';
    expect(duplicate(b).summary).toBe(
      `Duplicate lisinopril: ordered 2 times (${sig}, prescribed by Wei Zhang 2026-12-06 16:00, ` +
        `awaiting pharmacist review; ${sig}, prescribed by Min Li 2026-12-07 10:00, this order)`,
    );
    // Same finding on both cards: one id, as before.
    expect(duplicate(a).id).toBe(
      'duplicate-ingredient-lisinopril:MedicationRequest/rx-a+MedicationRequest/rx-b',
    );
    expect(duplicate(b).id).toBe(duplicate(a).id);
  });
});
