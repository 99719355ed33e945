/**
 * The demo's recent orders fill the pharmacist's review queue on a fresh start: after seeding, the queue (the
 * pharmacy-review package's routes, called in-process as a pharmacist) lists exactly the seven synthetic orders,
 * most severe first, each with the findings the review engine itself gives against the patient's demo chart and
 * the prescriber's name; seeding again writes nothing. The chlorthalidone switch names the hydrochlorothiazide it
 * replaces (approval stops it), and two lisinopril orders awaiting review find each other (issue 20/19).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL, type Principal } from '@qihuang/contracts';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { createPharmacyReviewRoutes, type QueueItem } from '@qihuang/pharmacy-review';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { DEMO_ORDERS, DEMO_TAG, demoMedicationRequest, seedDemoData } from '@qihuang/demo';

const NOW = new Date('2026-03-10T04:00:00Z');
/** Mr Barrows' hydrochlorothiazide (Synthea, active): the order his chlorthalidone replaces. */
const HCTZ = '9eed5258-33f8-4598-a8db-4c6022ae5f52';
const PHARMACIST: Principal = {
  id: 'demo-pharmacist',
  kind: 'user',
  username: 'pharm',
  role: 'pharmacist',
  scopes: ['user/*.read', 'user/MedicationRequest.write'],
};

/** Expected queue, top to bottom: critical, warning, info, none; equal severity → longest waiting first. */
const EXPECTED = [
  // Two prescribers ordered Mrs Ferry the same lisinopril, both awaiting review (issue 20/19): each card finds the
  // same drug twice, naming the other order — critical, so her first order, the longest waiting, leads.
  [
    'demo-rx-ferry-lisinopril',
    'critical',
    ['duplication:duplicate-ingredient-lisinopril', 'interaction:triple-whammy'],
  ],
  // Mrs Breitenberg has an open crisis alert: a critical finding on each of her orders (issue 20).
  ['demo-rx-breitenberg-losartan', 'critical', ['guideline:care.open-emergency']],
  // Mr Barrows' chlorthalidone replaces his hydrochlorothiazide (priorPrescription): a switch, not a same-class
  // duplicate (issue 20/19); the gout contraindication is his own.
  ['demo-rx-barrows-chlorthalidone', 'critical', ['contraindication:thiazide-gout']],
  [
    'demo-rx-ferry-lisinopril-2',
    'critical',
    ['duplication:duplicate-ingredient-lisinopril', 'interaction:triple-whammy'],
  ],
  [
    'demo-rx-breitenberg-amlodipine',
    'critical',
    ['guideline:care.open-emergency', 'dose:dose-above-max-daily'],
  ],
  // Mr Kutch's amlodipine card is reviewed against his simvastatin awaiting review (issue 20): both cards name the
  // interaction, not only the simvastatin's.
  ['demo-rx-kutch-amlodipine', 'warning', ['interaction:simvastatin-amlodipine']],
  ['demo-rx-kutch-simvastatin', 'warning', ['interaction:simvastatin-amlodipine']],
  ['demo-rx-barrows-amlodipine', 'info', ['dose:dose-elderly-start']],
] as const;

describe.each(DATABASE_KINDS)('demo orders for the pharmacist queue on %s', (kind) => {
  let t: TestApp;
  const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
  const queue = async (): Promise<QueueItem[]> => {
    const routes = createPharmacyReviewRoutes({
      repository: t.repository,
      context: () => ({ requestId: 'queue', principal: PHARMACIST }),
      drugs: createDrugKnowledgeBase(),
      clock: () => NOW,
    });
    const response = await routes.request('/queue?lang=en');
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { items: QueueItem[] }).items;
  };
  const count = async (type: string) =>
    (
      await sql<{ n: number; versions: number }>`
        select count(*)::int as n, coalesce(sum(version_id), 0)::int as versions from fhir_resource
        where resource_type = ${type} and not deleted`.execute(t.repository.db)
    ).rows[0]!;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('lists the recent orders, most severe first, with the engine’s own findings', async () => {
    const result = await seedDemoData(t.repository, system, NOW);
    expect(result).toMatchObject({ seeded: true, pharmacyOrders: DEMO_ORDERS.length });
    const items = await queue();
    expect(items.map((i) => [i.id, i.severity, i.findings.map((f) => `${f.type}:${f.ruleId}`)])).toEqual(
      EXPECTED,
    );
    for (const item of items) {
      expect(item.requester).toMatch(/^(Wei Zhang|Min Li)$/);
      expect(item.patient.name).toBeTruthy();
      expect(item.review.state).toBe('pending');
      const order = DEMO_ORDERS.find((o) => o.id === item.id)!;
      expect(item.status).toBe(order.status);
      expect(Date.parse(item.authoredOn!)).toBe(NOW.getTime() - order.hoursAgo * 3_600_000);
    }
    // The prescriber's note and the order it replaces (issue 20/19): the pharmacist sees a switch, not a duplicate.
    const chlorthalidone = items.find((i) => i.id === 'demo-rx-barrows-chlorthalidone')!;
    expect(chlorthalidone.note).toBe('Switch from hydrochlorothiazide: home BP above target.');
    expect(chlorthalidone.replaces).toEqual({
      id: HCTZ,
      kind: 'switch',
      medication: 'Hydrochlorothiazide 25 MG',
      status: 'active',
    });
    // The same drug twice, awaiting review: each card names the other order.
    const lisinopril = items.find((i) => i.id === 'demo-rx-ferry-lisinopril-2')!;
    expect(lisinopril.findings[0]!.id).toBe(
      'duplicate-ingredient-lisinopril:MedicationRequest/demo-rx-ferry-lisinopril+MedicationRequest/demo-rx-ferry-lisinopril-2',
    );
    expect(chlorthalidone.patient).toMatchObject({ sex: 'male', allergies: expect.any(Array) });
    expect(chlorthalidone.patient.ageYears).toBeGreaterThanOrEqual(70);
    const simvastatin = items.find((i) => i.id === 'demo-rx-kutch-simvastatin')!;
    expect(simvastatin.findings[0]!.detail).toContain('ordered 40 mg/day');
    const ordered = await t.repository.read(system, 'MedicationRequest', 'demo-rx-ferry-lisinopril');
    expect((ordered.meta as { tag?: unknown[] }).tag).toContainEqual(DEMO_TAG);
    // A draft in the queue is signed and awaiting the pharmacist (decision 0017), as care's signing writes it: the
    // doctor's screens show it signed, not as an unsigned draft (a try found the pharmacist approving 'unsigned' ones).
    for (const order of DEMO_ORDERS.filter((o) => o.status === 'draft')) {
      const stored = (await t.repository.read(system, 'MedicationRequest', order.id)) as {
        statusReason?: { coding?: { code?: string }[] };
        extension?: { url: string; valueString?: string }[];
      };
      expect(stored.statusReason?.coding?.[0]?.code).toBe('awaiting-pharmacist-review');
      const signed = stored.extension?.find((e) => e.url === 'urn:qihuang:signed');
      expect(JSON.parse(signed!.valueString!)).toMatchObject({ by: expect.stringMatching(/^Dr /) });
    }
  }, 600_000);

  it('approving the switch stops his hydrochlorothiazide (statusReason replaced)', async () => {
    const routes = createPharmacyReviewRoutes({
      repository: t.repository,
      context: () => ({ requestId: 'approve', principal: PHARMACIST }),
      drugs: createDrugKnowledgeBase(),
      clock: () => NOW,
    });
    const card = (await queue()).find((i) => i.id === 'demo-rx-barrows-chlorthalidone')!;
    const overrides = Object.fromEntries(
      card.findings.map((f) => [f.id, 'Gout controlled; discussed with the prescriber']),
    );
    const response = await routes.request('/queue/demo-rx-barrows-chlorthalidone/approve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ overrides }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const old = (await t.repository.read(system, 'MedicationRequest', HCTZ)) as {
      status?: string;
      statusReason?: { coding?: { code?: string }[] };
    };
    expect(old.status).toBe('stopped');
    expect(old.statusReason?.coding?.[0]?.code).toBe('replaced');
  }, 300_000);

  it('writes nothing when seeded again', async () => {
    const before = [await count('MedicationRequest'), await count('Practitioner')];
    const again = await seedDemoData(t.repository, system, new Date(NOW.getTime() + 86_400_000));
    expect(again).toEqual({ seeded: false, pharmacyOrders: 0 });
    expect([await count('MedicationRequest'), await count('Practitioner')]).toEqual(before);
    expect((await queue()).map((i) => i.id)).toEqual(
      EXPECTED.map(([id]) => id).filter((id) => id !== 'demo-rx-barrows-chlorthalidone'),
    );
  }, 300_000);

  it('a database seeded with the first set gets the orders added since and the switch’s priorPrescription', async () => {
    // As a v1 database: no second lisinopril, the switch without priorPrescription, no v2 setting.
    await t.repository.db.deleteFrom('kv_setting').where('key', '=', 'demo-pharmacy-orders-v2').execute();
    await t.repository.delete(system, 'MedicationRequest', 'demo-rx-ferry-lisinopril-2');
    const v1 = DEMO_ORDERS.find((o) => o.id === 'demo-rx-barrows-chlorthalidone')!;
    const { priorPrescription: _p, ...unlinked } = demoMedicationRequest(v1, NOW) as Record<string, unknown>;
    await t.repository.update(system, 'MedicationRequest', v1.id, unlinked as never);
    const again = await seedDemoData(t.repository, system, NOW);
    expect(again).toEqual({ seeded: false, pharmacyOrders: 1 });
    expect((await queue()).map((i) => i.id)).toContain('demo-rx-ferry-lisinopril-2');
    const upgraded = (await t.repository.read(system, 'MedicationRequest', v1.id)) as {
      priorPrescription?: { reference?: string };
    };
    expect(upgraded.priorPrescription?.reference).toBe(`MedicationRequest/${HCTZ}`);
  }, 300_000);
});
